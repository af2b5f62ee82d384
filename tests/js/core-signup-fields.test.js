// The widget's two bindings (wasm/signup_fields_bindings.cpp through js/core/facade.js):
// parseSignupFields gives the core's reading of Lock's specs, every member present;
// checkSignupField judges one value as the sign-up body will.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCore } from '../../js/core/load.js';
import { MetalockError } from '../../js/errors.js';

const core = await loadCore();

test('parseSignupFields: the parsed specs, defaults filled in, in order', () => {
  assert.deepEqual(core.parseSignupFields([
    { name: 'company', placeholder: 'Company', icon: 'ignored.png' },
    { name: 'plan', type: 'select', placeholder: 'Plan', options: [{ label: 'Free', value: 'free' }], prefill: 'free', ariaLabel: 'Your plan' },
    { name: 'news', type: 'checkbox', placeholderHTML: '<b>News</b>', validator: true },
    { name: 'source', type: 'hidden', value: 'web' },
    { name: 'given_name', placeholder: 'First name', storage: 'root' },
  ]), [
    { name: 'company', type: 'text', placeholder: 'Company', placeholderHTML: '', options: [], value: null, prefill: null, validator: false, storage: null, ariaLabel: '' },
    { name: 'plan', type: 'select', placeholder: 'Plan', placeholderHTML: '', options: [{ label: 'Free', value: 'free' }], value: null, prefill: 'free', validator: false, storage: null, ariaLabel: 'Your plan' },
    { name: 'news', type: 'checkbox', placeholder: '', placeholderHTML: '<b>News</b>', options: [], value: null, prefill: null, validator: true, storage: null, ariaLabel: '' },
    { name: 'source', type: 'hidden', placeholder: '', placeholderHTML: '', options: [], value: 'web', prefill: null, validator: false, storage: null, ariaLabel: '' },
    { name: 'given_name', type: 'text', placeholder: 'First name', placeholderHTML: '', options: [], value: null, prefill: null, validator: false, storage: 'root', ariaLabel: '' },
  ]);
});

test('parseSignupFields: a bad spec is invalid_field_spec naming the field', () => {
  assert.throws(() => core.parseSignupFields([{ name: 'password', placeholder: 'P' }]),
    (error) => error instanceof MetalockError && error.code === 'invalid_field_spec' && error.field === 'password');
  assert.throws(() => core.parseSignupFields({}), (error) => error.code === 'invalid_field_spec');
});

test('checkSignupField: the value as it would be sent, or the field error', () => {
  const bio = { name: 'bio', placeholder: 'Bio' };
  assert.equal(core.checkSignupField(bio, { bio: ' I <3 <i>cats</i> ' }), ' I <3 cats ');
  const code = (spec, values) => {
    try {
      core.checkSignupField(spec, values);
      return 'ok';
    } catch (error) {
      return `${error.code} ${error.field}`;
    }
  };
  assert.equal(code(bio, { bio: ' ' }), 'field_required bio');
  assert.equal(code(bio, { bio: 'x'.repeat(501) }), 'value_too_long bio');
  assert.equal(code({ ...bio, validator: true }, { bio: '' }), 'ok');
  assert.equal(code({ name: 'plan', type: 'select', placeholder: 'P', options: [{ label: 'A', value: 'a' }] }, { plan: 'b' }), 'invalid_option plan');
  assert.equal(code({ name: 'email', placeholder: 'E' }, {}), 'invalid_field_spec email');
  assert.equal(code(bio, 'not an object'), 'invalid_body values');
});
