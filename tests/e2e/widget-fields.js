// The sign-up fields the widget tests configure: every field type Lock has, written as page
// code (they hold functions). Not a test file: imported by the widget tests.
export const ALL_FIELDS = `[
  { name: 'company', placeholder: 'Company', validator: (value) => ({ valid: value.trim().length >= 2, hint: 'At least 2 characters' }) },
  { name: 'bio', placeholder: 'About you' },
  { name: 'plan', type: 'select', placeholder: 'Plan',
    options: (callback) => setTimeout(() => callback(null, [{ label: 'Free', value: 'free' }, { label: 'Pro', value: 'pro' }]), 100) },
  { name: 'newsletter', type: 'checkbox', placeholder: 'Send me the newsletter' },
  { name: 'terms_ok', type: 'checkbox', placeholderHTML: 'I accept the <a href="https://example.com/terms">terms</a>', prefill: 'true' },
  { name: 'source', type: 'hidden', value: 'widget-test' },
  { name: 'given_name', placeholder: 'First name', storage: 'root' },
  { name: 'color', placeholder: 'Favorite color', prefill: (callback) => callback(null, 'teal') },
]`;

// What a sign-up with FILLED stores: values as typed (tags removed), the hidden value, the
// prefills, checkboxes as "true"/"false"; given_name at the root.
export const FILLED = { company: 'Acme <3', bio: ' I <3 cats, a < b & c <b>!</b>', plan: 'pro', given_name: 'Ann' };
export const STORED_METADATA = {
  company: 'Acme <3',
  bio: ' I <3 cats, a < b & c !',
  plan: 'pro',
  newsletter: 'false',
  terms_ok: 'true',
  source: 'widget-test',
  color: 'teal',
};
