// The pure helpers of the public API (no network). Async so that they can wait for the wasm
// core to load; each rejects with a MetalockError. The core decides; the only work done here
// is what C++ cannot: calling the JS functions a Lock field spec may carry.
import { loadCore } from './core/load.js';
import { MetalockError } from './errors.js';

// The PATCH body turning user_metadata `before` into `after`, or null when nothing changed.
export async function buildMetadataPatch(before, after) {
  return (await loadCore()).diff(before, after);
}

// The user after a PATCH /api/v2/users/{id} body (Auth0's top-level merge semantics).
export async function applyMetadataPatch(user, patch) {
  return (await loadCore()).merge(user, patch);
}

// Lock's additionalSignUpFields + the entered values -> the /dbconnections/signup body.
// Function-valued prefills are resolved and JS validators run first; a spec whose validator
// passed reaches the core as `validator: true` (the core then skips its `required` check).
export async function mapSignupFields(fields, values = {}, base = {}) {
  const core = await loadCore();
  const specs = Array.isArray(fields) ? await Promise.all(fields.map((spec) => resolveSpec(spec, values))) : fields;
  return core.mapSignup(specs, values, base);
}

async function resolveSpec(spec, values) {
  if (!spec || typeof spec !== 'object') return spec;
  const resolved = { ...spec };
  if (typeof spec.prefill === 'function') {
    const prefill = await callPrefill(spec.prefill, spec.name);
    if (prefill === undefined || prefill === null) delete resolved.prefill;
    else resolved.prefill = prefill;
  }
  if (typeof spec.validator === 'function') {
    // A select takes no validator: the core refuses the spec, so there is nothing to run.
    if (spec.type !== 'select') {
      const value = values && Object.hasOwn(values, spec.name) ? values[spec.name] : resolved.prefill;
      await runValidator(spec.validator, value, spec.name);
    }
    resolved.validator = true;
  }
  return resolved;
}

// Lock calls prefill(callback) with callback(error, value), and ignores what it returns (an
// arrow `cb => setTimeout(...)` returns a timer). A function that declares no parameter may
// return its value, or a promise of it, instead.
function callPrefill(prefill, name) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const done = (error, value) => {
      if (settled) return;
      settled = true;
      if (error) {
        reject(new MetalockError({
          code: 'prefill_failed',
          description: `The prefill of field '${name}' failed: ${error?.message ?? error}`,
          field: name,
          original: error,
        }));
      } else {
        resolve(value);
      }
    };
    try {
      if (prefill.length >= 1) prefill(done);
      else Promise.resolve(prefill()).then((value) => done(null, value), (error) => done(error));
    } catch (error) {
      done(error);
    }
  });
}

// Lock's validator(value) returns a boolean or {valid, hint}.
async function runValidator(validator, value, name) {
  let outcome;
  try {
    outcome = await validator(value);
  } catch (error) {
    throw new MetalockError({
      code: 'invalid_value',
      description: `The validator of field '${name}' failed: ${error?.message ?? error}`,
      field: name,
      original: error,
    });
  }
  const valid = outcome && typeof outcome === 'object' ? Boolean(outcome.valid) : Boolean(outcome);
  if (!valid) {
    const hint = outcome && typeof outcome === 'object' && typeof outcome.hint === 'string' && outcome.hint
      ? outcome.hint
      : `Invalid value for field '${name}'`;
    throw new MetalockError({ code: 'invalid_value', description: hint, field: name });
  }
}
