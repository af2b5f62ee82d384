// GET /.well-known/openid-configuration and GET /.well-known/jwks.json.
// The discovery document lists only what this tenant really serves.
import { json } from '../http.js';

export function openidConfiguration(ctx) {
  const { baseUrl, issuer } = ctx.tenant;
  return json(200, {
    issuer,
    token_endpoint: `${baseUrl}/oauth/token`,
    userinfo_endpoint: `${baseUrl}/userinfo`,
    jwks_uri: `${baseUrl}/.well-known/jwks.json`,
    scopes_supported: ['openid', 'profile', 'offline_access', 'name', 'given_name', 'family_name', 'nickname', 'email', 'email_verified', 'picture', 'created_at', 'identities'],
    response_types_supported: ['token', 'id_token', 'token id_token'],
    grant_types_supported: [
      'password',
      'http://auth0.com/oauth/grant-type/password-realm',
      'refresh_token',
      'client_credentials',
    ],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    claims_supported: ['aud', 'auth_time', 'created_at', 'email', 'email_verified', 'exp', 'family_name', 'given_name', 'iat', 'identities', 'iss', 'name', 'nickname', 'picture', 'sub'],
    request_uri_parameter_supported: false,
    request_parameter_supported: false,
  }, { 'Cache-Control': 'public, max-age=15' });
}

export function jwks(ctx) {
  return json(200, { keys: [ctx.tenant.signingKey.jwk] }, { 'Cache-Control': 'public, max-age=15' });
}
