// DELETE /api/v2/users/{id}/multifactor/{provider}: removes one MFA configuration from a
// user, as Auth0 answers it (204, 404 for an unknown user). Which scope may do it and which
// provider names exist are the core's (validateMultifactorDeletion), shared with the SDK.
import { authenticateBearer } from '../auth.js';
import { managementError } from '../http.js';

export function deleteMultifactor(ctx) {
  const { tenant } = ctx;
  const auth = authenticateBearer(ctx.req, tenant, tenant.managementAudience);
  if (!auth.ok) return managementError(401, auth.message);
  const { id: userId, provider } = ctx.params;
  const scope = typeof auth.claims.scope === 'string' ? auth.claims.scope : '';
  try {
    tenant.core.validateMultifactorDeletion(provider, { scope });
  } catch (error) {
    if (error?.code === 'insufficient_scope') {
      return managementError(403, 'Insufficient scope, expected any of: update:users', 'insufficient_scope');
    }
    if (error?.code !== 'invalid_argument') throw error;
    return managementError(400, `Path validation error: 'Invalid value "${provider}"' on property provider `
      + "(The multi-factor provider. Supported values 'duo' or 'google-authenticator').", 'invalid_uri');
  }
  const user = tenant.store.getUser(userId);
  if (!user) return managementError(404, 'The user does not exist.', 'inexistent_user');
  const remaining = (user.multifactor ?? []).filter((name) => name !== provider);
  const { multifactor: _removed, ...rest } = user;
  tenant.store.putUser(remaining.length > 0 ? { ...rest, multifactor: remaining } : rest);
  return { status: 204, headers: {} };
}
