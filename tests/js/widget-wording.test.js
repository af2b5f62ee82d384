// The widget's words for server errors (js/widget/error-wording.js over dictionary.js): the
// errors come from the core's reading of Auth0's real error bodies, as the widget meets them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCore } from '../../js/core/load.js';
import { MetalockError } from '../../js/errors.js';
import { createDictionary } from '../../js/widget/dictionary.js';
import { wordError } from '../../js/widget/error-wording.js';
import { passwordStrengthError } from '../../tenant/password-policy.js';

const core = await loadCore();
const en = await createDictionary('en', {});

// The MetalockError the client rejects with for this response.
function serverError(status, body) {
  try {
    core.parseResponse({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

test('login errors: wrong credentials, blocked user, too many attempts, 429, network, timeout', () => {
  const word = (error) => wordError(error, 'login', en).message;
  assert.equal(word(serverError(403, { error: 'invalid_grant', error_description: 'Wrong email or password.' })), 'Wrong email or password.');
  assert.equal(word(serverError(401, { error: 'unauthorized', error_description: 'user is blocked' })), 'The user is blocked.');
  assert.equal(word(serverError(429, { error: 'too_many_attempts', error_description: 'blocked' })),
    'Your account has been blocked after multiple consecutive login attempts.');
  assert.equal(word(serverError(429, { statusCode: 429, error: 'Too Many Requests', message: 'Global limit has been reached', errorCode: 'too_many_requests' })),
    "We're sorry. There are too many requests right now. Please wait a moment and try again.");
  assert.equal(word(new MetalockError({ code: 'network_error', description: 'POST /oauth/token failed: ECONNREFUSED' })),
    'We could not reach the server. Please check your connection and try again.');
  assert.equal(word(new MetalockError({ code: 'timeout', description: 'no response within 10000 ms' })),
    'The server took too long to answer. Please try again.');
  assert.equal(word(serverError(500, { error: 'server_error', error_description: '<b>boom</b>' })),
    "We're sorry, something went wrong when attempting to log in.", 'anything else: the fallback, never the server text');
});

test('sign-up errors: user_exists, invalid_signup, PasswordStrengthError with the failed rules, invalid_password', () => {
  const word = (error) => wordError(error, 'signUp', en);
  assert.equal(word(serverError(400, { name: 'BadRequestError', code: 'user_exists', description: 'The user already exists.', statusCode: 400 })).message,
    'The user already exists.');
  assert.equal(word(serverError(400, { name: 'BadRequestError', code: 'invalid_signup', description: 'Invalid sign up', statusCode: 400 })).message,
    'We could not create your account with these details.');
  const weak = word(serverError(400, passwordStrengthError('excellent', 'aaaaaaaaaaaa')));
  assert.equal(weak.message, 'Password is too weak.');
  assert.deepEqual(weak.rules, [
    { text: 'Contain at least 3 of the following 4 types of characters:', items: ['Lower case letters (a-z)', 'Upper case letters (A-Z)', 'Numbers (i.e. 0-9)', 'Special characters (e.g. !@#$%^&*)'] },
    { text: 'No more than 2 identical characters in a row (e.g., "aaa" not allowed)', items: [] },
  ]);
  const invalid = word(serverError(400, { name: 'BadRequestError', code: 'invalid_password', description: 'Password is invalid', statusCode: 400 }));
  assert.deepEqual(invalid, { message: 'Password is invalid.', rules: [] });
  assert.equal(word(new MetalockError({ code: 'timeout' })).message, 'The server took too long to answer. Please try again.');
  assert.equal(word(serverError(429, { error: 'too_many_requests', error_description: 'x' })).message,
    "We're sorry. There are too many requests right now. Please wait a moment and try again.");
});

test('Spanish, and a languageDictionary laid over it key by key (Lock keys, dotted ones included)', async () => {
  const es = await createDictionary('es', { error: { login: { 'lock.network': 'Sin red.' } }, title: 'Acme' });
  assert.equal(wordError(serverError(403, { error: 'invalid_grant', error_description: 'Wrong email or password.' }), 'login', es).message,
    'Correo electrónico o contraseña incorrectos.');
  assert.equal(wordError(new MetalockError({ code: 'network_error' }), 'login', es).message, 'Sin red.');
  assert.equal(es('title'), 'Acme');
  assert.equal(es('signUpLabel'), 'Registrarse');
  assert.equal((await createDictionary('xx', {}))('loginLabel'), 'Log In', 'an unknown language falls back to English');
  for (const inherited of ['constructor', '__proto__', 'toString']) {
    assert.equal((await createDictionary(inherited, {}))('loginLabel'), 'Log In', `${inherited} is not a language: English`);
  }
  assert.equal(en('passwordStrength.lengthAtLeast', 8), 'At least 8 characters in length');
  assert.equal((await createDictionary('en', { title: 42, loginLabel: { nested: 'x' } }))('title'), 'Welcome', 'only strings replace strings');
});
