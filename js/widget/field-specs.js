// additionalSignUpFields -> what the form renders: the options/prefill functions Lock allows
// resolved (the SDK's resolveLockFunctions, the one reading of them), the validator functions
// kept aside, and the core's reading of the result (core.parseSignupFields) is what gets
// rendered. A bad spec or a failing function rejects with the SDK's error.

// -> {specs: the resolved specs (for client.signup), fields: the core's parsed specs,
//     validators: {name: function}}
export async function prepareFields({ core, resolveLockFunctions }, specs) {
  const resolved = await Promise.all(specs.map(resolveLockFunctions));
  const validators = {};
  const forCore = resolved.map((spec) => {
    if (!spec || typeof spec !== 'object' || typeof spec.validator !== 'function') return spec;
    validators[spec.name] = spec.validator;
    return { ...spec, validator: true };
  });
  const fields = core.parseSignupFields(forCore);
  return { specs: resolved, fields, validators };
}
