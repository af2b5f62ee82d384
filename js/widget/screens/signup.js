// The sign-up screen: email, password, the additionalSignUpFields as the core parsed them,
// and the terms -> onSubmit({email, password, values}).
import { el } from '../dom.js';
import { checkField } from '../field-check.js';
import { inputField, signupField } from '../field-view.js';
import { sanitizedFragment } from '../placeholder-html.js';
import { createForm, credentialViews } from './form.js';

function termsView({ id, t, mustAccept }) {
  const text = el('span', { id: id('terms-text') }, sanitizedFragment(t('signUpTerms')));
  if (!mustAccept) return { node: el('p', { class: 'mlk-terms' }, text), view: null };
  const box = el('input', { id: id('terms'), type: 'checkbox', class: 'mlk-checkbox', 'aria-describedby': id('terms-text') });
  const hint = el('p', { id: id('terms-hint'), class: 'mlk-hint', 'aria-live': 'polite' });
  const node = el('div', { class: 'mlk-terms mlk-field' }, text,
    el('div', { class: 'mlk-check' }, box, el('label', { for: id('terms'), class: 'mlk-check-label' }, t('acceptTermsLabel'))), hint);
  box.setAttribute('aria-describedby', `${id('terms-text')} ${id('terms-hint')}`);
  const view = {
    node,
    control: box,
    value: () => String(box.checked),
    setHint(message) {
      hint.textContent = message;
      node.classList.toggle('mlk-invalid', Boolean(message));
      if (message) box.setAttribute('aria-invalid', 'true');
      else box.removeAttribute('aria-invalid');
    },
    focus: () => box.focus(),
  };
  return { node, view: { view, check: (value) => (value === 'true' ? '' : t('mustAcceptTermsErrorHint')) } };
}

// prepared: field-specs.js's {specs, fields, validators}.
export function signupScreen({ id, t, settings, core, prepared, onSubmit }) {
  const credentials = credentialViews({
    id, t, inputField, prefillEmail: settings.prefillEmail, newPassword: true, allowShowPassword: settings.allowShowPassword,
  });
  const extraViews = [];
  prepared.fields.forEach((field, index) => {
    const view = signupField(field, id(`field-${field.name}`));
    if (!view) return;
    const spec = prepared.specs[index];
    const validator = prepared.validators[field.name];
    extraViews.push({ name: field.name, view, check: (value) => checkField(core, { spec, validator }, value, t) });
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
