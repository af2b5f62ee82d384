// Builds clients against a running tenant and signs users up / in through the public API.
import { createClient } from '../../../dist/metalock.node.js';
import { CLIENT_ID, CONNECTION, PASSWORD, USER_METADATA_CLAIM, APP_METADATA_CLAIM, USER_SCOPES, uniqueEmail } from './tenant.js';

export function clientFor(tenant, options = {}) {
  return createClient({
    domain: tenant.url,
    clientId: CLIENT_ID,
    userMetadataClaim: USER_METADATA_CLAIM,
    appMetadataClaim: APP_METADATA_CLAIM,
    ...options,
  });
}

// Signs a fresh user up. -> {email, password, signup}
export async function newUser(client, { userMetadata, label } = {}) {
  const email = uniqueEmail(label);
  const fields = Object.keys(userMetadata ?? {}).map((name) => ({ name, placeholder: name }));
  const signup = await client.signup({
    connection: CONNECTION,
    email,
    password: PASSWORD,
    additionalSignUpFields: fields,
    values: userMetadata ?? {},
  });
  return { email, password: PASSWORD, signup };
}

// A fresh user, logged in with a token for the Management API (own user only).
export async function loggedInUser(tenant, { clientOptions = {}, userMetadata, scope = USER_SCOPES } = {}) {
  const client = await clientFor(tenant, clientOptions);
  const user = await newUser(client, { userMetadata });
  const auth = await client.login({
    username: user.email,
    password: user.password,
    realm: CONNECTION,
    audience: tenant.managementAudience,
    scope,
  });
  return { client, ...user, auth, userId: auth.idTokenPayload.sub };
}
