// POST /api/v2/jobs/verification-email: sends (writes to the outbox) a new verification
// email, in the user's user_metadata.lang, as Auth0's job endpoint does. update:users.
import { randomBytes } from 'node:crypto';
import { authenticateBearer, hasScope } from '../auth.js';
import { json, managementError } from '../http.js';
import { verificationLink } from '../emails/links.js';

export async function verificationEmailJob(ctx) {
  const { tenant } = ctx;
  const auth = authenticateBearer(ctx.req, tenant, tenant.managementAudience);
  if (!auth.ok) return managementError(401, auth.message);
  if (!hasScope(tenant, auth.claims, 'update:users')) {
    return managementError(403, 'Insufficient scope, expected any of: update:users', 'insufficient_scope');
  }
  const parsed = await ctx.readBody();
  if (!parsed.ok) return managementError(400, parsed.reason, 'invalid_body');
  const userId = parsed.value?.user_id;
  if (typeof userId !== 'string' || userId === '') {
    return managementError(400, "Payload validation error: 'Missing required property: user_id'.", 'invalid_body');
  }
  const user = tenant.store.getUser(userId);
  if (!user) return managementError(404, 'The user does not exist.', 'inexistent_user');
  tenant.outbox.send('verification', user, { link: verificationLink(tenant, user) });
  return json(201, {
    type: 'verification_email',
    status: 'completed',
    created_at: new Date().toISOString(),
    id: `job_${randomBytes(8).toString('hex')}`,
  });
}
