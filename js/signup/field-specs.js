// Lock's additionalSignUpFields may carry JS functions the core cannot call: a `prefill`
// (callback or promise) and a `validator`. This resolves them, the only signup work done in
// JS: prefills become values, validators run (a spec whose validator passed reaches the core
// as `validator: true`, and the core then skips its `required` check). What the fields mean
// is the core's to decide (core.mapSignup). Used by the helper mapSignupFields and by the
// client's signup, each with its own core.
import * as ErrorCode from '../error-codes.js';
import { MetalockError } from '../errors.js';

// fields: Lock's array of specs (anything else passes through, for the core to refuse).
export function resolveFieldSpecs(fields, values) {
  return Array.isArray(fields) ? Promise.all(fields.map((spec) => resolveSpec(spec, values))) : fields;
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
          code: ErrorCode.prefill_failed,
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
      code: ErrorCode.invalid_value,
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
    throw new MetalockError({ code: ErrorCode.invalid_value, description: hint, field: name });
  }
}
