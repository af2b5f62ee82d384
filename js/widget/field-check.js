// One sign-up value, judged as the sign-up will judge it: the field's own Lock validator
// first (its hint is the app's words), then the core (core.checkSignupField: required,
// options, limits) with the same spec client.signup sends. -> the hint to show, '' when fine.
const CORE_HINTS = {
  value_too_long: 'tooLongErrorHint',
  invalid_option: 'invalidErrorHint',
  not_a_string: 'invalidErrorHint',
};

function runValidator(validator, value, t) {
  let outcome;
  try {
    outcome = validator(value);
  } catch {
    return t('invalidErrorHint');
  }
  const valid = outcome && typeof outcome === 'object' ? Boolean(outcome.valid) : Boolean(outcome);
  if (valid) return '';
  const hint = outcome && typeof outcome === 'object' && typeof outcome.hint === 'string' ? outcome.hint : '';
  return hint || t('invalidErrorHint');
}

export function checkField(core, { spec, validator }, value, t) {
  if (validator) {
    const hint = runValidator(validator, value, t);
    if (hint) return hint;
  }
  try {
    core.checkSignupField({ ...spec, validator: Boolean(validator) }, { [spec.name]: value });
    return '';
  } catch (error) {
    if (error?.code === 'field_required') return String(value).trim() === '' ? t('blankErrorHint') : t('invalidErrorHint');
    return t(CORE_HINTS[error?.code] ?? 'invalidErrorHint');
  }
}
