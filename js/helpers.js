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
// Function-valued options and prefills are resolved and JS validators run first; a spec whose validator
// passed reaches the core as `validator: true` (the core then skips its `required` check).
export async function mapSignupFields(fields, values = {}, base = {}) {
  const core = await loadCore();
  const specs = Array.isArray(fields) ? await Promise.all(fields.map((spec) => resolveSpec(spec, values))) : fields;
  return core.mapSignup(specs, values, base);
}

// Lock's function members of a field spec, options(callback) and prefill(callback), resolved to
// their values (the widget uses this too). A null or undefined result counts as absent.
export async function resolveLockFunctions(spec) {
  if (!spec || typeof spec !== 'object') return spec;
  const resolved = { ...spec };
  for (const member of ['options', 'prefill']) {
    if (typeof spec[member] !== 'function') continue;
    const value = await callLockFunction(spec[member], member, spec.name);
    if (value === undefined || value === null) delete resolved[member];
    else resolved[member] = value;
  }
  return resolved;
}

// Lock's validator returns a boolean or {valid, hint} -> {valid, hint} (hint '' when none).
export function readValidatorOutcome(outcome) {
  if (outcome && typeof outcome === 'object') {
    return { valid: Boolean(outcome.valid), hint: typeof outcome.hint === 'string' ? outcome.hint : '' };
  }
  return { valid: Boolean(outcome), hint: '' };
}

async function resolveSpec(spec, values) {
  const resolved = await resolveLockFunctions(spec);
  if (resolved && typeof spec.validator === 'function') {
    // A select takes no validator: the core refuses the spec, so there is nothing to run.
    if (spec.type !== 'select') {
      const value = values && Object.hasOwn(values, spec.name) ? values[spec.name] : resolved.prefill;
      await runValidator(spec.validator, value, spec.name);
    }
    resolved.validator = true;
  }
  return resolved;
}

// Lock calls options(callback) and prefill(callback) with callback(error, value), and ignores
// what they return (an arrow `cb => setTimeout(...)` returns a timer). A function that
// declares no parameter may return its value, or a promise of it, instead.
function callLockFunction(fn, member, name) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const done = (error, value) => {
      if (settled) return;
      settled = true;
      if (error) {
        reject(new MetalockError({
          code: `${member}_failed`,
          description: `The ${member} of field '${name}' failed: ${error?.message ?? error}`,
          field: name,
          original: error,
        }));
      } else {
        resolve(value);
      }
    };
    try {
      if (fn.length >= 1) fn(done);
      else Promise.resolve(fn()).then((value) => done(null, value), (error) => done(error));
    } catch (error) {
      done(error);
    }
  });
}

async function runValidator(validator, value, name) {
  let outcome;
  try {
    outcome = readValidatorOutcome(await validator(value));
  } catch (error) {
    throw new MetalockError({
      code: 'invalid_value',
      description: `The validator of field '${name}' failed: ${error?.message ?? error}`,
      field: name,
      original: error,
    });
  }
  if (!outcome.valid) {
    throw new MetalockError({ code: 'invalid_value', description: outcome.hint || `Invalid value for field '${name}'`, field: name });
  }
}
