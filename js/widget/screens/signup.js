// The sign-up screen: email, password, the additionalSignUpFields as the core parsed them,
// and the terms -> onSubmit({email, password, values}).
import { el } from '../dom.js';
import { signupField, withHint } from '../field-view.js';
import { sanitizedFragment } from '../placeholder-html.js';
import { createForm, credentialViews } from './form.js';

// signUpTerms (a few inline tags and links); with mustAcceptTerms it labels a checkbox that
// must be checked, as in Lock.
function termsView({ id, t, mustAccept }) {
  const terms = sanitizedFragment(t('signUpTerms'));
  if (!mustAccept) return { node: el('p', { class: 'mlk-terms' }, terms), view: null };
  const box = el('input', { id: id('terms'), name: 'terms', type: 'checkbox', class: 'mlk-checkbox', 'aria-required': 'true' });
  const node = el('div', { class: 'mlk-field mlk-check mlk-terms' }, box, el('label', { for: id('terms'), class: 'mlk-check-label' }, terms));
  const view = withHint(node, box, id('terms-hint'), () => String(box.checked));
  return { node, view: { view, check: (value) => (value === 'true' ? '' : t('mustAcceptTermsErrorHint')) } };
}

// prepared: field-specs.js's {specs, fields, validators}; checkField: field-check.js's checker.
export function signupScreen({ id, t, settings, prepared, checkField, onSubmit }) {
  const credentials = credentialViews({
    id, t, prefillEmail: settings.prefillEmail, newPassword: true, allowShowPassword: settings.allowShowPassword,
  });
  const extraViews = [];
  prepared.fields.forEach((field, index) => {
    const view = signupField(field, id(`field-${field.name}`));
    if (!view) return;
    const spec = prepared.specs[index];
    const validator = prepared.validators[field.name];
    extraViews.push({ name: field.name, view, check: (value) => checkField({ spec, validator }, value) });
  });
  const terms = settings.showTerms || settings.mustAcceptTerms ? termsView({ id, t, mustAccept: settings.mustAcceptTerms }) : null;
  const views = [...credentials.views, ...extraViews, ...(terms?.view ? [terms.view] : [])];
  return createForm({
    id,
    submitLabel: t('signUpSubmitLabel'),
    children: [...credentials.nodes, ...extraViews.map(({ view }) => view.node), terms?.node],
    views,
    onSubmit: () => onSubmit({
      email: credentials.email.value(),
      password: credentials.password.value(),
      values: Object.fromEntries(extraViews.map(({ name, view }) => [name, view.value()])),
    }),
  });
}
