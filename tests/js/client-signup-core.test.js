// A client works with the core it was given, for everything: sign-up's field mapping
// included (it once went through the public helpers and the global loader instead).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client } from '../../js/client/client.js';
import { loadCore } from '../../js/core/load.js';
import { createTransport } from '../../js/transport/transport.js';
import { CLIENT_ID, CONNECTION, PASSWORD, startTenant, uniqueEmail } from './support/tenant.js';

let tenant;
before(async () => {
  tenant = await startTenant();
});
after(() => tenant?.stop());

test('signup maps additionalSignUpFields with the client\'s own core', async () => {
  const shared = await loadCore();
  const calls = [];
  // The real core, with its calls counted: this client's core is a different object from
  // the one the global loader hands out.
  const core = Object.fromEntries(Object.entries(shared).map(([name, method]) =>
    [name, (...args) => { calls.push(name); return method(...args); }]));
  const transport = createTransport({ core, timeoutMs: 10_000 });
  const client = new Client({
    core, base: core.baseUrl(tenant.url), settings: { clientId: CLIENT_ID }, tokens: null, transport, verifyIdToken: null,
  });
  const email = uniqueEmail('own-core');
  const created = await client.signup({
    connection: CONNECTION, email, password: PASSWORD,
    additionalSignUpFields: [{ name: 'favorite_color', placeholder: 'Favorite color' }],
    values: { favorite_color: 'teal' },
  });
  assert.equal(created.email, email);
  assert.deepEqual(created.user_metadata, { favorite_color: 'teal' });
  assert.deepEqual(calls, ['baseUrl', 'mapSignup', 'signupRequest', 'parseResponse']);
});
