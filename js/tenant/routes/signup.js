// POST /dbconnections/signup: creates a database-connection user with Auth0's body and rules.
import { findClient, findConnection } from '../config.js';
import { json, signupError } from '../http.js';
import { hashPassword } from '../passwords.js';
import { checkPassword, passwordStrengthError } from '../password-policy.js';
import { checkSignupBody } from '../signup-rules.js';
import { createUserRecord, ROOT_ATTRIBUTES } from '../user-record.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const invalidBody = (description) => signupError(400, 'invalid_body', description);

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// Structural checks of the request itself (Auth0's payload validation).
function checkShape(body, connection) {
  for (const name of ['client_id', 'connection', 'email', 'password']) {
    if (body[name] === undefined || body[name] === null || body[name] === '') return `Missing required property: ${name}`;
    if (typeof body[name] !== 'string') return `Expected type string but found type ${typeof body[name]} on property ${name}`;
  }
  for (const name of ['username', ...ROOT_ATTRIBUTES]) {
    if (body[name] !== undefined && typeof body[name] !== 'string') {
      return `Expected type string but found type ${typeof body[name]} on property ${name}`;
    }
  }
  if (body.user_metadata !== undefined && !isPlainObject(body.user_metadata)) {
    return 'Expected type object but found another type on property user_metadata';
  }
  if (!EMAIL.test(body.email)) return `Object didn't pass validation for format email: ${body.email}`;
  if (connection?.requiresUsername && (body.username === undefined || body.username === '')) return 'Missing required property: username';
  return null;
}

export async function signup(ctx) {
  const { tenant } = ctx;
  const parsed = await ctx.readBody();
  if (!parsed.ok) return invalidBody(parsed.reason);
  const body = parsed.value;
  if (!isPlainObject(body)) return invalidBody('Expected type object but found another type');

  const connection = typeof body.connection === 'string' ? findConnection(tenant.config, body.connection) : null;
  const shapeProblem = checkShape(body, connection);
  if (shapeProblem) return invalidBody(shapeProblem);
  if (!findClient(tenant.config, body.client_id)) return signupError(400, 'invalid_client', `Unknown client: ${body.client_id}`);
  if (!connection) return signupError(400, 'connection_not_found', `Connection not found: ${body.connection}`);

  const coreError = checkSignupBody(tenant.core, body);
  if (coreError) {
    const property = coreError.field ? ` on property ${coreError.field}` : '';
    return invalidBody(`Payload validation error: '${coreError.description}'${property}.`);
  }
  if (!checkPassword(connection.passwordPolicy, body.password).verified) {
    return json(400, passwordStrengthError(connection.passwordPolicy, body.password));
  }

  const passwordHash = await hashPassword(body.password);
  // From here on synchronous: the duplicate check and the write cannot interleave with
  // another signup for the same email.
  if (tenant.store.findUser(connection.name, { email: body.email })) {
    return signupError(400, 'user_exists', 'The user already exists.');
  }
  if (body.username !== undefined && tenant.store.findUser(connection.name, { username: body.username })) {
    return signupError(400, 'username_exists', 'The username provided is in use already.');
  }
  const root = Object.fromEntries(ROOT_ATTRIBUTES.filter((name) => body[name] !== undefined).map((name) => [name, body[name]]));
  const user = createUserRecord({
    connection: connection.name,
    email: body.email,
    username: body.username,
    passwordHash,
    userMetadata: body.user_metadata,
    root,
  });
  tenant.store.putUser(user);

  const response = { _id: user.identities[0].user_id, email_verified: false, email: user.email };
  if (body.username !== undefined) response.username = body.username;
  Object.assign(response, root);
  if (body.user_metadata !== undefined) response.user_metadata = body.user_metadata;
  return json(200, response);
}
