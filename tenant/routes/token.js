// POST /oauth/token (JSON or form-encoded): password-realm, password, refresh_token and
// client_credentials grants, with the Authentication API's error bodies.
import { findClient, findConnection, MACHINE_SCOPES, MANAGEMENT_USER_SCOPES, OIDC_SCOPES } from '../config.js';
import { TOO_MANY_ATTEMPTS } from '../brute-force.js';
import { authError } from '../http.js';
import { issueMachineToken, issueUserTokens, refreshTokenId } from '../issue-tokens.js';
import { verifyPassword } from '../passwords.js';
import { userConnection } from '../user-record.js';

const PASSWORD_REALM = 'http://auth0.com/oauth/grant-type/password-realm';
const DEFAULT_USER_SCOPE = 'openid profile email';
// Checked against an unknown user so that timing does not tell which accounts exist.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

const GRANTS_BY_CLIENT_TYPE = {
  spa: [PASSWORD_REALM, 'password', 'refresh_token'],
  machine: ['client_credentials', PASSWORD_REALM, 'password', 'refresh_token'],
};

const wrongCredentials = () => authError(403, 'invalid_grant', 'Wrong email or password.');
const tooManyAttempts = () => authError(429, 'too_many_attempts', TOO_MANY_ATTEMPTS);
const invalidRefreshToken = () => authError(403, 'invalid_grant', 'Unknown or invalid refresh token.');
const unauthorizedClient = () => authError(401, 'access_denied', 'Unauthorized');
// RFC 6749 5.2: failed client authentication through the Authorization header is a 401
// invalid_client with a WWW-Authenticate challenge for the scheme the client used.
function invalidClient() {
  const response = authError(401, 'invalid_client', 'Client authentication failed');
  response.headers['WWW-Authenticate'] = 'Basic realm="oauth"';
  return response;
}

function splitScope(scope) {
  return typeof scope === 'string' ? scope.split(/\s+/).filter(Boolean) : [];
}

// A percent-decoded Basic credential part, or null when it is not valid percent-encoding.
function decodeCredential(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

// Client credentials from HTTP Basic or from the body (client_secret_post).
// -> {clientId, secret} | {malformed: true} (a Basic header that does not decode).
function clientCredentials(req, params) {
  const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (basic) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      const clientId = decodeCredential(decoded.slice(0, colon));
      const secret = decodeCredential(decoded.slice(colon + 1));
      if (clientId === null || secret === null) return { malformed: true };
      return { clientId, secret };
    }
  }
  return { clientId: params.client_id, secret: params.client_secret };
}

// Which API the token is for: null (none: /userinfo only) or the Management API.
function resolveAudience(tenant, audience) {
  if (audience === undefined || audience === null || audience === '') return { ok: true, audience: null };
  if (audience === tenant.managementAudience || audience === tenant.userinfoAudience) return { ok: true, audience };
  return { ok: false, response: authError(403, 'access_denied', `Service not found: ${audience}`) };
}

function grantedUserScopes(requested, audience, tenant) {
  const allowed = audience === tenant.managementAudience ? [...OIDC_SCOPES, ...MANAGEMENT_USER_SCOPES] : OIDC_SCOPES;
  return [...new Set(requested.filter((scope) => allowed.includes(scope)))];
}

export async function token(ctx) {
  const parsed = await ctx.readBody();
  if (!parsed.ok) return authError(400, 'invalid_request', parsed.reason);
  const params = parsed.value;
  if (!params || typeof params !== 'object' || Array.isArray(params)) return authError(400, 'invalid_request', 'Invalid request body');
  const grantType = params.grant_type;
  if (typeof grantType !== 'string' || grantType === '') return authError(400, 'invalid_request', 'Missing required parameter: grant_type');

  const credentials = clientCredentials(ctx.req, params);
  if (credentials.malformed) return invalidClient();
  const { clientId, secret } = credentials;
  if (typeof clientId !== 'string' || clientId === '') return authError(400, 'invalid_request', 'Missing required parameter: client_id');
  const client = findClient(ctx.tenant.config, clientId);
  if (!client) return unauthorizedClient();
  if (client.type === 'machine' && secret !== client.secret) return unauthorizedClient();

  const known = [PASSWORD_REALM, 'password', 'refresh_token', 'client_credentials'];
  if (!known.includes(grantType)) return authError(403, 'unsupported_grant_type', `Unsupported grant type: ${grantType}`);
  const allowedGrants = client.grants ?? GRANTS_BY_CLIENT_TYPE[client.type];
  if (!allowedGrants.includes(grantType)) {
    return authError(403, 'unauthorized_client', `Grant type '${grantType}' not allowed for the client.`);
  }

  if (grantType === 'client_credentials') return clientCredentialsGrant(ctx.tenant, client, params);
  if (grantType === 'refresh_token') return refreshTokenGrant(ctx.tenant, client, params);
  return passwordGrant(ctx, client, params, grantType);
}

function clientCredentialsGrant(tenant, client, params) {
  if (!params.audience) {
    return authError(403, 'access_denied', 'No audience parameter was provided, and no default audience has been configured');
  }
  if (params.audience !== tenant.managementAudience) return authError(403, 'access_denied', `Service not found: ${params.audience}`);
  const requested = splitScope(params.scope);
  const scopes = requested.length === 0 ? MACHINE_SCOPES : MACHINE_SCOPES.filter((scope) => requested.includes(scope));
  return { status: 200, json: issueMachineToken(tenant, { client, audience: tenant.managementAudience, scopes }), headers: noStore() };
}

async function passwordGrant(ctx, client, params, grantType) {
  const { tenant } = ctx;
  for (const name of ['username', 'password']) {
    if (typeof params[name] !== 'string' || params[name] === '') return authError(400, 'invalid_request', `Missing required parameter: ${name}`);
  }
  let realm = tenant.config.defaultConnection;
  if (grantType === PASSWORD_REALM) {
    if (typeof params.realm !== 'string' || params.realm === '') return authError(400, 'invalid_request', 'Missing required parameter: realm');
    realm = params.realm;
  } else if (!realm) {
    return authError(500, 'server_error', 'Authorization server not configured with default connection.');
  }
  if (!findConnection(tenant.config, realm)) return authError(400, 'invalid_request', `Unknown realm: ${realm}`);
  const audience = resolveAudience(tenant, params.audience);
  if (!audience.ok) return audience.response;

  const found = tenant.store.findUser(realm, { email: params.username }) ?? tenant.store.findUser(realm, { username: params.username });
  const ip = ctx.req.socket.remoteAddress ?? '';
  // Unknown identifiers are counted and blocked too: a block must not tell who exists.
  const attempter = found?.user_id ?? `${realm}\n${params.username.toLowerCase()}`;
  if (tenant.bruteForce.isBlocked(attempter, ip)) return tooManyAttempts();
  const matches = await verifyPassword(params.password, found?.password_hash ?? DUMMY_HASH);
  if (!found || !matches) {
    tenant.bruteForce.recordFailure(attempter, ip);
    return wrongCredentials();
  }

  // Re-read after the await: another request may have changed the user meanwhile.
  const user = tenant.store.getUser(found.user_id);
  if (!user || userConnection(user) !== realm) return wrongCredentials();
  if (user.blocked === true) return authError(401, 'unauthorized', 'user is blocked');
  const loginFields = { logins_count: (user.logins_count ?? 0) + 1, last_login: new Date().toISOString(), last_ip: ip || '127.0.0.1' };
  tenant.store.updateUser(user.user_id, loginFields);
  Object.assign(user, loginFields);
  tenant.bruteForce.recordSuccess(user.user_id, ip);

  const scopes = grantedUserScopes(splitScope(params.scope ?? DEFAULT_USER_SCOPE), audience.audience, tenant);
  const body = issueUserTokens(tenant, {
    client, user, audience: audience.audience, scopes, nonce: params.nonce, gty: 'password',
  });
  return { status: 200, json: body, headers: noStore() };
}

function refreshTokenGrant(tenant, client, params) {
  if (typeof params.refresh_token !== 'string' || params.refresh_token === '') {
    return authError(400, 'invalid_request', 'Missing required parameter: refresh_token');
  }
  const record = tenant.store.getRefreshToken(refreshTokenId(params.refresh_token));
  if (!record || record.clientId !== client.clientId || tenant.store.isFamilyRevoked(record.family)) return invalidRefreshToken();
  if (record.usedAt !== null) {
    // A rotated token came back: it may have been stolen, so the whole family goes.
    tenant.store.revokeFamily(record.family);
    return invalidRefreshToken();
  }
  const user = tenant.store.getUser(record.userId);
  if (!user || user.blocked === true) return invalidRefreshToken();

  const original = splitScope(record.scope);
  const requested = splitScope(params.scope);
  const scopes = requested.length === 0 ? original : original.filter((scope) => requested.includes(scope));
  tenant.store.putRefreshToken({ ...record, usedAt: tenant.now() });
  const body = issueUserTokens(tenant, {
    client, user, audience: record.audience, scopes, gty: 'refresh_token', refreshFamily: record.family, rotating: true,
  });
  return { status: 200, json: body, headers: noStore() };
}

function noStore() {
  return { 'Cache-Control': 'no-store', Pragma: 'no-cache' };
}
