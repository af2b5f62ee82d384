// POST /dbconnections/signup: creates a database-connection user with Auth0's body and rules.
import { findClient, findConnection } from '../config.js';
import { verificationLink } from '../emails/links.js';
import { json, signupError } from '../http.js';
import { hashPassword } from '../passwords.js';
import { checkPassword, passwordStrengthError } from '../password-policy.js';
import { checkSignupBody } from '../signup-rules.js';
import { UPSTREAM_STRATEGY } from '../upstream.js';
import { createUserRecord, ROOT_ATTRIBUTES } from '../user-record.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const invalidBody = (description) => signupError(400, 'invalid_body', description);

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function jsonType(value) {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

// The core's verdict on the body (required keys, types, limits) in Auth0's payload-validation
// wording. The core decides; this only words the structural cases as Auth0 does and falls
// back to "Payload validation error: '<core description>' on property <path>.".
function payloadMessage(error, body) {
  const field = error.field ?? '';
  const topLevel = field !== '' && !field.includes('.');
  const value = topLevel ? body[field] : undefined;
  const onProperty = field ? ` on property ${field}` : '';
  if (error.code === 'field_required' && topLevel && (value === undefined || value === null)) {
    return `Missing required property: ${field}`;
  }
  if ((error.code === 'field_required' || error.code === 'not_a_string') && topLevel && value != null && typeof value !== 'string') {
    return `Expected type string but found type ${jsonType(value)}${onProperty}`;
  }
  if (error.code === 'invalid_body' && !isPlainObject(field ? value : body)) {
    return `Expected type object but found another type${onProperty}`;
  }
  return `Payload validation error: '${error.description}'${onProperty}.`;
}

// What the core does not know: the email format Auth0's schema enforces, and a connection
// that requires a username.
function tenantShapeProblem(body, connection) {
  if (!EMAIL.test(body.email)) return `Object didn't pass validation for format email: ${body.email}`;
  if (connection?.requiresUsername && (body.username === undefined || body.username === '')) return 'Missing required property: username';
  return null;
}

export async function signup(ctx) {
  const { tenant } = ctx;
  const parsed = await ctx.readBody();
  if (!parsed.ok) return invalidBody(parsed.reason);
  const body = parsed.value;
  const coreError = checkSignupBody(tenant.core, body);
  if (coreError) return invalidBody(payloadMessage(coreError, body));

  const connection = findConnection(tenant.config, body.connection);
  const shapeProblem = tenantShapeProblem(body, connection);
  if (shapeProblem) return invalidBody(shapeProblem);
  if (!findClient(tenant.config, body.client_id)) return signupError(400, 'invalid_client', `Unknown client: ${body.client_id}`);
  if (!connection) return signupError(400, 'connection_not_found', `Connection not found: ${body.connection}`);
  // Users of an upstream (social / enterprise) connection come from their provider.
  if (connection.strategy === UPSTREAM_STRATEGY) return signupError(400, 'invalid_signup', 'Signup is only possible on database connections');
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
  tenant.outbox.send('verification', user, { link: verificationLink(tenant, user) });

  const response = { _id: user.identities[0].user_id, email_verified: false, email: user.email };
  if (body.username !== undefined) response.username = body.username;
  Object.assign(response, root);
  if (body.user_metadata !== undefined) response.user_metadata = body.user_metadata;
  return json(200, response);
}
