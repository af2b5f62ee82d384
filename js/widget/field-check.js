// One sign-up value, judged as the sign-up will judge it: the field's own Lock validator
// first (its hint is the app's words), then the core (core.checkSignupField: required,
// options, limits) with the same spec client.signup sends. -> the hint to show, '' when fine.
// sdk: {core, readValidatorOutcome}; t: the dictionary. -> check({spec, validator}, value)
export function fieldChecker({ core, readValidatorOutcome }, t) {
  function validatorHint(validator, value) {
    let outcome;
    try {
      outcome = readValidatorOutcome(validator(value));
    } catch {
      return t('invalidErrorHint');
    }
    return outcome.valid ? '' : outcome.hint || t('invalidErrorHint');
  }

  return ({ spec, validator }, value) => {
    if (validator) {
      const hint = validatorHint(validator, value);
      if (hint) return hint;
    }
    try {
      core.checkSignupField({ ...spec, validator: Boolean(validator) }, { [spec.name]: value });
      return '';
    } catch (error) {
      // Every other refusal (invalid_option, not_a_string, ...) is an invalid value.
      if (error?.code === 'field_required') return String(value).trim() === '' ? t('blankErrorHint') : t('invalidErrorHint');
      return t(error?.code === 'value_too_long' ? 'tooLongErrorHint' : 'invalidErrorHint');
    }
  };
}
