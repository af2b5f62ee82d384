// The signup rules that the core decides (user_metadata limits, root attribute lengths),
// applied to a body the tenant received rather than to Lock field specs.
//
// The core has no "validate a received signup body" function yet, so this thin adapter
// describes the received body as the field specs a Lock form would have produced (every
// user_metadata key a text field whose validator passed, every root attribute a
// storage:'root' field) and asks core.mapSignup, which applies the limits of design.md:
// at most 10 user_metadata properties, names of at most 100 characters, string values of
// at most 500, root attributes within their lengths. Only the verdict is used: the tenant
// stores the values as received, as Auth0 does.
import { ROOT_ATTRIBUTES } from './user-record.js';

// -> null when the body passes, or the core's MetalockError.
export function checkSignupBody(core, body) {
  const fields = [];
  const values = {};
  for (const [name, value] of Object.entries(body.user_metadata ?? {})) {
    fields.push({ name, type: 'text', placeholder: name, validator: true });
    values[name] = value;
  }
  for (const name of ROOT_ATTRIBUTES) {
    if (body[name] === undefined) continue;
    fields.push({ name, type: 'text', placeholder: name, storage: 'root' });
    values[name] = body[name];
  }
  const base = { client_id: body.client_id, connection: body.connection, email: body.email, password: body.password };
  if (body.username !== undefined) base.username = body.username;
  try {
    core.mapSignup(fields, values, base);
    return null;
  } catch (error) {
    if (error && typeof error.code === 'string') return error;
    throw error;
  }
}
