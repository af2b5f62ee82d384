// One form control per field: a visible label (or the field's ariaLabel as its accessible
// name), the control, and a hint line that the control names in aria-describedby and that
// is announced (aria-live) when it changes. Every text here is set as text.
import { el } from './dom.js';
import { sanitizedFragment } from './placeholder-html.js';

// -> {node, control, value(), setHint(text), focus()}
export function withHint(node, control, hintId, read) {
  const hint = el('p', { id: hintId, class: 'mlk-hint', 'aria-live': 'polite' });
  node.append(hint);
  control.setAttribute('aria-describedby', hintId);
  return {
    node,
    control,
    value: read,
    setHint(text) {
      hint.textContent = text;
      node.classList.toggle('mlk-invalid', Boolean(text));
      if (text) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    },
    focus: () => control.focus(),
  };
}

function labelled(id, text, ariaLabel, control) {
  if (ariaLabel) control.setAttribute('aria-label', ariaLabel);
  return el('div', { class: 'mlk-field' }, el('label', { for: id, class: 'mlk-label' }, text), control);
}

// A plain input (text, email, password).
export function inputField({ id, label, type = 'text', placeholder, value, ariaLabel, autocomplete, required }) {
  const input = el('input', {
    id, name: id, type, class: 'mlk-input', placeholder, autocomplete, 'aria-required': required ? 'true' : undefined,
  });
  if (value !== undefined && value !== null) input.value = value;
  return withHint(labelled(id, label, ariaLabel, input), input, `${id}-hint`, () => input.value);
}

function selectField(field, id, prefill) {
  const select = el('select', { id, name: field.name, class: 'mlk-input mlk-select' },
    el('option', { value: '' }, ''),
    field.options.map((option) => el('option', { value: option.value }, option.label)));
  select.value = prefill ?? '';
  return withHint(labelled(id, field.placeholder, field.ariaLabel, select), select, `${id}-hint`, () => select.value);
}

// Lock labels a checkbox by its placeholder (or placeholderHTML, sanitized).
function checkboxField(field, id, prefill) {
  const box = el('input', { id, name: field.name, type: 'checkbox', class: 'mlk-checkbox' });
  box.checked = prefill === 'true';
  if (field.ariaLabel) box.setAttribute('aria-label', field.ariaLabel);
  const text = field.placeholderHTML ? sanitizedFragment(field.placeholderHTML) : field.placeholder;
  const node = el('div', { class: 'mlk-field mlk-check' }, box, el('label', { for: id, class: 'mlk-check-label' }, text));
  return withHint(node, box, `${id}-hint`, () => String(box.checked));
}

function textField(field, id, prefill) {
  const input = el('input', { id, name: field.name, type: 'text', class: 'mlk-input', placeholder: field.placeholder || undefined });
  if (prefill !== undefined && prefill !== null) input.value = prefill;
  const label = field.placeholderHTML ? sanitizedFragment(field.placeholderHTML) : field.placeholder;
  return withHint(labelled(id, label, field.ariaLabel, input), input, `${id}-hint`, () => input.value);
}

// A field as the core parsed it -> its view, or null for a hidden field (its value is fixed).
export function signupField(field, id) {
  const prefill = field.prefill ?? undefined;
  if (field.type === 'hidden') return null;
  if (field.type === 'select') return selectField(field, id, prefill);
  if (field.type === 'checkbox') return checkboxField(field, id, prefill);
  return textField(field, id, prefill);
}
