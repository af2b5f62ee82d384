// GET and PATCH /api/v2/clients/{id}: an application as the Management API shows it, and its
// client_metadata updated with Auth0's semantics (merge by key, null deletes, {} clears),
// applied and validated by the core (applyClientMetadataPatch). Changes live as long as the
// tenant runs: on start the --config file is the source of every client.
import { authenticateBearer, hasScope } from '../auth.js';
import { findClient } from '../config.js';
import { json, managementError } from '../http.js';

const PATCHABLE = ['client_metadata', 'name'];

function authenticate(ctx) {
  const auth = authenticateBearer(ctx.req, ctx.tenant, ctx.tenant.managementAudience);
  return auth.ok ? auth : { ...auth, response: managementError(401, auth.message) };
}

const insufficientScope = (scope) => managementError(403, `Insufficient scope, expected any of: ${scope}`, 'insufficient_scope');
const clientNotFound = () => managementError(404, 'The client does not exist', 'inexistent_client');
const invalidBody = (message) => managementError(400, message, 'invalid_body');

// Never the secret (Auth0 shows it only with read:client_keys, which this tenant does not grant).
export function publicClient(client) {
  return {
    client_id: client.clientId,
    name: client.name,
    app_type: client.type === 'machine' ? 'non_interactive' : 'spa',
    allowed_origins: client.allowedOrigins,
    client_metadata: client.client_metadata ?? {},
  };
}

export function getClient(ctx) {
  const auth = authenticate(ctx);
  if (!auth.ok) return auth.response;
  if (!hasScope(ctx.tenant, auth.claims, 'read:clients')) return insufficientScope('read:clients');
  const client = findClient(ctx.tenant.config, ctx.params.id);
  return client ? json(200, publicClient(client)) : clientNotFound();
}

export async function patchClient(ctx) {
  const auth = authenticate(ctx);
  if (!auth.ok) return auth.response;
  if (!hasScope(ctx.tenant, auth.claims, 'update:clients')) return insufficientScope('update:clients');
  const parsed = await ctx.readBody();
  if (!parsed.ok) return invalidBody(parsed.reason);
  const patch = parsed.value;
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return invalidBody('Payload validation error: the body must be an object.');
  const unknown = Object.keys(patch).filter((key) => !PATCHABLE.includes(key));
  if (unknown.length > 0) return invalidBody(`Payload validation error: 'Additional properties not allowed: ${unknown.join(',')}'.`);
  if (patch.name !== undefined && (typeof patch.name !== 'string' || patch.name === '')) {
    return invalidBody("Payload validation error: 'Expected type string but found type " + typeof patch.name + "' on property name.");
  }
  const client = findClient(ctx.tenant.config, ctx.params.id);
  if (!client) return clientNotFound();
  let metadata = client.client_metadata ?? {};
  if (patch.client_metadata !== undefined) {
    try {
      metadata = ctx.tenant.core.applyClientMetadataPatch(client.client_metadata ?? null, patch.client_metadata);
    } catch (error) {
      if (typeof error?.code !== 'string') throw error;
      return invalidBody(`Payload validation error: '${error.description}' on property ${error.field || 'client_metadata'}.`);
    }
  }
  client.client_metadata = metadata;
  if (patch.name !== undefined) client.name = patch.name;
  return json(200, publicClient(client));
}
