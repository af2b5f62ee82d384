// new Lock(clientId, domain, options) refuses a wrong call at once, with the client's
// invalid_argument and the offending argument's name (js/widget/lock.js checks them with
// js/client/arguments.js, as createClient does); nothing is loaded for that.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Lock, MetalockError } from '../../js/index.js';

const refused = (field) => (error) => error instanceof MetalockError && error.code === 'invalid_argument'
  && error.field === field && error.description.startsWith(field);

test('Lock needs a non-empty clientId and domain and an options object', () => {
  assert.throws(() => new Lock('', 'tenant.example'), refused('clientId'));
  assert.throws(() => new Lock(undefined, 'tenant.example'), refused('clientId'));
  assert.throws(() => new Lock('client', ''), refused('domain'));
  assert.throws(() => new Lock('client', 42), refused('domain'));
  assert.throws(() => new Lock('client', 'tenant.example', null), refused('options'));
  assert.throws(() => new Lock('client', 'tenant.example', 'auth'), refused('options'));
  assert.ok(new Lock('client', 'tenant.example') instanceof Lock);
  assert.ok(new Lock('client', 'tenant.example', { auth: {} }) instanceof Lock);
});
