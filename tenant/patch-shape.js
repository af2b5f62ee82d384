// The Management API's payload schema for PATCH /api/v2/users/{id}: which top-level
// properties exist and their JSON types. What happens inside user_metadata/app_metadata
// (names, reserved keys, nesting, merge) is the core's business, not this file's.

const STRING_PROPERTIES = ['email', 'phone_number', 'given_name', 'family_name', 'name', 'nickname', 'picture', 'password', 'connection', 'client_id', 'username'];
const BOOLEAN_PROPERTIES = ['blocked', 'email_verified', 'phone_verified', 'verify_email', 'verify_phone_number', 'verify_password'];
const METADATA_PROPERTIES = ['user_metadata', 'app_metadata'];
// Root attributes Auth0 lets a PATCH clear with null (the attribute is removed).
export const CLEARABLE_ROOT_ATTRIBUTES = ['given_name', 'family_name', 'name', 'nickname', 'picture'];
// Properties that steer the update (which identity, which client's emails, whether to send a
// verification) rather than describe the user: accepted, never stored. `password` is stored
// only as its hash, by the route.
const CONTROL_PROPERTIES = ['connection', 'client_id', 'verify_email', 'verify_phone_number', 'verify_password'];

// The patch without its control properties: what may be merged into the stored user.
export function storedChanges(patch) {
  return Object.fromEntries(Object.entries(patch).filter(([key]) => !CONTROL_PROPERTIES.includes(key)));
}

function typeName(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

// -> null, or Auth0's "Payload validation error: ..." message.
export function checkPatchShape(patch) {
  if (typeName(patch) !== 'object') {
    return `Payload validation error: 'Expected type object but found type ${typeName(patch)}'.`;
  }
  const keys = Object.keys(patch);
  if (keys.length === 0) return "Payload validation error: 'Too few properties defined (0), minimum 1'.";
  const unknown = keys.filter((key) => ![...STRING_PROPERTIES, ...BOOLEAN_PROPERTIES, ...METADATA_PROPERTIES].includes(key));
  if (unknown.length > 0) return `Payload validation error: 'Additional properties not allowed: ${unknown.join(',')}'.`;
  for (const key of keys) {
    if (patch[key] === null && CLEARABLE_ROOT_ATTRIBUTES.includes(key)) continue;
    const expected = STRING_PROPERTIES.includes(key) ? 'string' : BOOLEAN_PROPERTIES.includes(key) ? 'boolean' : 'object';
    if (typeName(patch[key]) !== expected) {
      return `Payload validation error: 'Expected type ${expected} but found type ${typeName(patch[key])}' on property ${key}.`;
    }
  }
  return null;
}
