// GET and PATCH /api/v2/users/{id}: the Management API. What a token's scope lets a patch
// touch, what a patch may contain and how it applies are the core's (validatePatch, merge);
// the tenant only turns away, before reading the body, a token with no update scope at all.
import { authenticateBearer, hasScope } from '../auth.js';
import { findConnection } from '../config.js';
import { json, managementError } from '../http.js';
import { hashPassword } from '../passwords.js';
import { checkPassword } from '../password-policy.js';
import { metadataSizeProblem } from '../metadata-size.js';
import { CLEARABLE_ROOT_ATTRIBUTES, checkPatchShape, storedChanges } from '../patch-shape.js';
import { publicUser, userConnection } from '../user-record.js';

// The lists Auth0's 403 bodies name.
const READ_SCOPES = ['read:users', 'read:current_user', 'read:user_idp_tokens'];
const UPDATE_SCOPES = ['update:users', 'update:users_app_metadata', 'update:current_user_metadata'];
// Every scope that may patch something; the core decides what (create:current_user_metadata
// only adds user_metadata properties, so the core is given the stored ones).
const ANY_UPDATE_SCOPE = [...UPDATE_SCOPES, 'create:current_user_metadata'];

const insufficientScope = (expected) => managementError(403, `Insufficient scope, expected any of: ${expected.join(',')}`, 'insufficient_scope');
const userNotFound = () => managementError(404, 'The user does not exist.', 'inexistent_user');
const invalidBody = (message) => managementError(400, message, 'invalid_body');

function authenticate(ctx) {
  const auth = authenticateBearer(ctx.req, ctx.tenant, ctx.tenant.managementAudience);
  return auth.ok ? auth : { ...auth, response: managementError(401, auth.message) };
}

// ?fields=a,b&include_fields=false, as the Management API filters a user.
function selectFields(user, query) {
  const fields = (query.get('fields') ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  if (fields.length === 0) return user;
  const include = query.get('include_fields') !== 'false';
  return Object.fromEntries(Object.entries(user).filter(([name]) => fields.includes(name) === include));
}

export function getUser(ctx) {
  const auth = authenticate(ctx);
  if (!auth.ok) return auth.response;
  const userId = ctx.params.id;
  const any = hasScope(ctx.tenant, auth.claims, 'read:users');
  const own = hasScope(ctx.tenant, auth.claims, 'read:current_user') && auth.claims.sub === userId;
  if (!any && !own) return insufficientScope(READ_SCOPES);
  const user = ctx.tenant.store.getUser(userId);
  if (!user) return userNotFound();
  return json(200, selectFields(publicUser(user), ctx.query));
}

// The core names every field by its full path (app_metadata.email, user_metadata.a.b).
function propertySuffix(error) {
  return error.field ? ` on property ${error.field}` : '';
}

// Of the stored user_metadata, the properties the patch names, each as `true`: only their
// presence counts for the core, and a stored user may hold more metadata than the core reads
// in one document (a user already past Auth0's 16 MB must still be able to shrink).
function storedKeysNamed(stored, changes) {
  if (!stored || typeof stored !== 'object' || !changes || typeof changes !== 'object') return {};
  return Object.fromEntries(Object.keys(changes)
    .filter((key) => Object.hasOwn(stored, key) && stored[key] !== null).map((key) => [key, true]));
}

// The core's verdict on a patch as a Management API response (null when it passes).
function coreVerdict(core, patch, options) {
  try {
    core.validatePatch(patch, options);
    return null;
  } catch (error) {
    if (error?.code === 'insufficient_scope') return insufficientScope(UPDATE_SCOPES);
    if (typeof error?.code !== 'string') throw error;
    return invalidBody(`Payload validation error: '${error.description}'${propertySuffix(error)}.`);
  }
}

export async function patchUser(ctx) {
  const { tenant } = ctx;
  const auth = authenticate(ctx);
  if (!auth.ok) return auth.response;
  const userId = ctx.params.id;
  if (!ANY_UPDATE_SCOPE.some((scope) => hasScope(tenant, auth.claims, scope))) return insufficientScope(UPDATE_SCOPES);

  const parsed = await ctx.readBody();
  if (!parsed.ok) return invalidBody(parsed.reason);
  const patch = parsed.value;
  const shapeProblem = checkPatchShape(patch);
  if (shapeProblem) return invalidBody(shapeProblem);
  const scope = typeof auth.claims.scope === 'string' ? auth.claims.scope : '';
  // The stored user_metadata decides what create:current_user_metadata may add. Only a
  // password change awaits before the write below, and no current-user scope may make one.
  const storedUserMetadata = storedKeysNamed(tenant.store.getUser(userId)?.user_metadata, patch.user_metadata);
  const refused = coreVerdict(tenant.core, patch, { scope, subject: auth.claims.sub, userId, allowClear: true, storedUserMetadata });
  if (refused) return refused;

  const { password, ...changes } = storedChanges(patch);
  let passwordHash;
  if (password !== undefined) {
    const existing = tenant.store.getUser(userId);
    if (!existing) return userNotFound();
    const policyName = findConnection(tenant.config, userConnection(existing))?.passwordPolicy ?? 'none';
    if (!checkPassword(policyName, password).verified) return invalidBody('PasswordStrengthError: Password is too weak');
    passwordHash = await hashPassword(password);
  }

  // Synchronous from here: read, merge and write happen in one turn of the event loop.
  const user = tenant.store.getUser(userId);
  if (!user) return userNotFound();
  if (changes.email !== undefined && changes.email.toLowerCase() !== user.email.toLowerCase()
      && tenant.store.findUser(userConnection(user), { email: changes.email })) {
    return managementError(400, 'The specified new email already exists', 'email_conflict');
  }
  if (changes.username !== undefined && changes.username !== user.username
      && tenant.store.findUser(userConnection(user), { username: changes.username })) {
    return managementError(400, 'The specified new username already exists', 'username_conflict');
  }
  const merged = tenant.core.merge(publicUser(user), changes);
  for (const name of CLEARABLE_ROOT_ATTRIBUTES) {
    if (merged[name] === null) delete merged[name];
  }
  const tooLarge = metadataSizeProblem(user, merged);
  if (tooLarge) return invalidBody(tooLarge);
  merged.updated_at = new Date().toISOString();
  merged.password_hash = passwordHash ?? user.password_hash;
  tenant.store.putUser(merged);
  // As on Auth0, a new password lifts the user's brute-force blocks.
  if (passwordHash !== undefined) tenant.bruteForce.unblock(userId);
  return json(200, publicUser(merged));
}
