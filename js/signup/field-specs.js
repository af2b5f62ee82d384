// Lock's additionalSignUpFields may carry JS functions the core cannot call: `options` and
// `prefill` (callback or promise) and a `validator`. This resolves them, the only signup work
// done in JS: function members become values, validators run (a spec whose validator passed
// reaches the core as `validator: true`, and the core then skips its `required` check). What
// the fields mean is the core's to decide (core.mapSignup, core.parseSignupFields). Used by the
// helper mapSignupFields, the client's signup (each with its own core) and the widget.
import * as ErrorCode from '../error-codes.js';
import { MetalockError } from '../errors.js';

// Lock's additionalSignUpFields + the entered values -> the sign-up body, by the given core.
// fields: Lock's array of specs; anything else goes to the core as it is, for the core to
// refuse (never awaited here: a hostile object's `then` getter must not run).
export async function mapSignupFieldsWith(core, fields, values, base) {
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
          code: member === 'options' ? ErrorCode.options_failed : ErrorCode.prefill_failed,
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
      code: ErrorCode.invalid_value,
      description: `The validator of field '${name}' failed: ${error?.message ?? error}`,
      field: name,
      original: error,
    });
  }
  if (!outcome.valid) {
    throw new MetalockError({ code: ErrorCode.invalid_value, description: outcome.hint || `Invalid value for field '${name}'`, field: name });
  }
}
