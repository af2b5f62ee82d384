// GET /userinfo: the user's OIDC claims filtered by the token's scope, plus the namespaced
// metadata claims the token's client is configured for. A bad, expired or foreign token
// gets Auth0's plain-text 401 with a WWW-Authenticate challenge.
import { findClient } from '../config.js';
import { authenticateBearer, hasScope } from '../auth.js';
import { json, text } from '../http.js';
import { postLoginClaims } from '../post-login.js';
import { claimsForScope, metadataClaims } from '../user-record.js';

function unauthorized(error, description) {
  const challenge = error
    ? `Bearer realm="Auth0", error="${error}", error_description="${description}"`
    : 'Bearer realm="Auth0"';
  return text(401, 'Unauthorized', { 'WWW-Authenticate': challenge });
}

export function userinfo(ctx) {
  const { tenant } = ctx;
  const auth = authenticateBearer(ctx.req, tenant, tenant.userinfoAudience);
  if (!auth.ok) {
    if (auth.reason === 'missing') return unauthorized(null);
    if (auth.reason === 'expired') return unauthorized('invalid_token', 'The access token expired');
    return unauthorized('invalid_token', 'Invalid token');
  }
  const user = tenant.store.getUser(auth.claims.sub);
  if (!user) return unauthorized('invalid_token', 'Invalid token');
  const client = findClient(tenant.config, auth.claims.azp);
  return json(200, {
    ...claimsForScope(user, (scope) => hasScope(tenant, auth.claims, scope)),
    ...metadataClaims(user, client),
    ...postLoginClaims(tenant, { user, client, target: 'idToken' }),
  });
}
