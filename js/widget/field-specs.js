// additionalSignUpFields -> what the form renders. JS does what C++ cannot (call the
// options/prefill functions Lock allows, keep the validator functions); the core then reads
// the resolved specs (core.parseSignupFields) and that reading is what gets rendered. A bad
// spec or a failing function rejects with a MetalockError (or, for a failing function, an
// object of its shape that the caller turns into one: this chunk imports nothing of the SDK).

// Lock's function(callback(error, value)) members; a function that takes no callback may
// return the value or a promise of it.
function callLockFunction(fn, what, name) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const done = (error, value) => {
      if (settled) return;
      settled = true;
      if (error) {
        reject({ code: `${what}_failed`, description: `The ${what} of sign-up field '${name}' failed`, field: name, original: error });
      } else {
        resolve(value);
      }
    };
    try {
      if (fn.length >= 1) fn(done);
      else Promise.resolve(fn()).then((value) => done(null, value), done);
    } catch (error) {
      done(error);
    }
  });
}

async function resolveSpec(spec) {
  if (!spec || typeof spec !== 'object') return spec;
  const resolved = { ...spec };
  if (typeof spec.options === 'function') resolved.options = await callLockFunction(spec.options, 'options', spec.name);
  if (typeof spec.prefill === 'function') resolved.prefill = await callLockFunction(spec.prefill, 'prefill', spec.name);
  if (resolved.prefill === '' || resolved.prefill === undefined) delete resolved.prefill;   // Lock ignores ""
  if (spec.type === 'checkbox' && typeof resolved.prefill === 'boolean') resolved.prefill = String(resolved.prefill);
  return resolved;
}

// -> {specs: the resolved specs (for client.signup), fields: the core's parsed specs,
//     validators: {name: function}}
export async function prepareFields(core, specs) {
  const resolved = await Promise.all(specs.map(resolveSpec));
  const validators = {};
  const forCore = resolved.map((spec) => {
    if (!spec || typeof spec !== 'object' || typeof spec.validator !== 'function') return spec;
    validators[spec.name] = spec.validator;
    return { ...spec, validator: true };
  });
  const fields = core.parseSignupFields(forCore);
  return { specs: resolved, fields, validators };
}
