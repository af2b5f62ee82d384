// The pure helpers of the public API (no network). Async so that they can wait for the wasm
// core to load; each rejects with a MetalockError. The core decides.
import { loadCore } from './core/load.js';
import { mapSignupFieldsWith } from './signup/field-specs.js';

// The PATCH body turning user_metadata `before` into `after`, or null when nothing changed.
export async function buildMetadataPatch(before, after) {
  return (await loadCore()).diff(before, after);
}

// The user after a PATCH /api/v2/users/{id} body (Auth0's top-level merge semantics).
export async function applyMetadataPatch(user, patch) {
  return (await loadCore()).merge(user, patch);
}

// Lock's additionalSignUpFields + the entered values -> the /dbconnections/signup body.
// The specs' JS functions (options, prefill, validator) run first (signup/field-specs.js).
export async function mapSignupFields(fields, values = {}, base = {}) {
  return mapSignupFieldsWith(await loadCore(), fields, values, base);
}
