// What the login and sign-up forms share: the <form> (the browser's own validation bubbles
// off: hints are ours), a live error area above the submit button, the busy state, and
// field checks once the user has changed a field and left it (or submitted), then on every
// input: a field only passed through (autofocus, Tab) shows no hint, as in Lock.
import { el } from '../dom.js';
import { inputField } from '../field-view.js';

// children: the form's nodes in order; views: [{view, check(value) -> hint}], the checked ones.
export function createForm({ id, submitLabel, children, views, onSubmit }) {
  const error = el('div', { id: id('error'), class: 'mlk-error', role: 'alert' });
  const submit = el('button', { type: 'submit', class: 'mlk-submit' }, submitLabel);
  const form = el('form', { class: 'mlk-form', novalidate: true, 'aria-describedby': id('error') },
    children, error, submit);

  for (const entry of views) {
    let edited = false;
    let touched = false;
    const recheck = () => entry.view.setHint(entry.check(entry.view.value()));
    entry.view.control.addEventListener('blur', () => {
      if (!edited) return;
      touched = true;
      recheck();
    });
    entry.view.control.addEventListener(entry.view.control.type === 'checkbox' ? 'change' : 'input', () => {
      edited = true;
      if (touched) recheck();
    });
    entry.touch = () => { touched = true; };
  }

  // -> true when every field passes; otherwise shows every hint and focuses the first one.
  function validate() {
    let first = null;
    for (const entry of views) {
      entry.touch();
      const hint = entry.check(entry.view.value());
      entry.view.setHint(hint);
      if (hint && !first) first = entry.view;
    }
    first?.focus();
    return !first;
  }

  let busy = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    if (!validate()) return;
    onSubmit();
  });

  function setError(worded) {
    error.replaceChildren();
    form.classList.toggle('mlk-has-error', Boolean(worded));
    if (!worded) return;
    error.append(el('p', {}, worded.message));
    if (worded.rules?.length) {
      error.append(el('ul', { class: 'mlk-rules' }, worded.rules.map((rule) =>
        el('li', {}, rule.text, rule.items.length ? el('ul', {}, rule.items.map((item) => el('li', {}, item))) : null))));
    }
  }

  return {
    node: form,
    setError,
    setBusy(on) {
      busy = on;
      submit.disabled = on;
      form.setAttribute('aria-busy', on ? 'true' : 'false');
    },
    focusFirst() {
      const target = views.find(({ view }) => view.value() === '')?.view ?? views[0]?.view;
      target?.focus();
    },
  };
}

// The email and password fields of both screens.
export function credentialViews({ id, t, prefillEmail, newPassword, allowShowPassword }) {
  const email = inputField({
    id: id('email'), label: t('emailLabel'), type: 'email', placeholder: t('emailInputPlaceholder'),
    value: prefillEmail, autocomplete: newPassword ? 'email' : 'username', required: true,
  });
  const password = inputField({
    id: id('password'), label: t('passwordLabel'), type: 'password', placeholder: t('passwordInputPlaceholder'),
    autocomplete: newPassword ? 'new-password' : 'current-password', required: true,
  });
  const views = [
    {
      view: email,
      check: (value) => {
        if (value.trim() === '') return t('blankEmailErrorHint');
        return email.control.validity.typeMismatch ? t('invalidEmailErrorHint') : '';
      },
    },
    { view: password, check: (value) => (value === '' ? t('blankPasswordErrorHint') : '') },
  ];
  const nodes = [email.node, password.node];
  if (allowShowPassword) {
    const toggle = el('input', { id: id('show-password'), type: 'checkbox', class: 'mlk-checkbox' });
    toggle.addEventListener('change', () => { password.control.type = toggle.checked ? 'text' : 'password'; });
    nodes.push(el('div', { class: 'mlk-field mlk-check' }, toggle,
      el('label', { for: id('show-password'), class: 'mlk-check-label' }, t('showPassword'))));
  }
  return { views, nodes, email, password };
}
