// Server bodies are read as JSON.parse reads them (as every other Auth0 SDK does): a lone
// surrogate (V8 writes one when it cuts a string inside an emoji) becomes U+FFFD and a number
// past the double range becomes the largest finite double, instead of invalid_json for the
// whole profile. What metalock sends keeps the strict rules.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadCore } from '../../js/core/load.js';
import { clientFor } from './support/session.js';
import { CONNECTION, PASSWORD, startTenant, USER_SCOPES } from './support/tenant.js';

const CUT = 'Ann \ud83d';   // 'Ann 😀' cut after the emoji's first UTF-16 unit
let tenant;
before(async () => {
  // A seed user whose stored strings hold a lone surrogate: the tenant writes it as \ud83d.
  tenant = await startTenant({ config: { users: [{ email: 'cut@example.com', password: PASSWORD, name: CUT, user_metadata: { note: CUT } }] } });
});
after(() => tenant?.stop());

test('/userinfo and the Management API body with a lone surrogate: the profile arrives, with U+FFFD', async () => {
  const client = await clientFor(tenant);
  await client.login({ username: 'cut@example.com', password: PASSWORD, realm: CONNECTION, audience: tenant.managementAudience, scope: USER_SCOPES });
  const profile = await client.getUser();
  assert.equal(profile.name, 'Ann \ufffd');
  assert.deepEqual(profile.user_metadata, { note: 'Ann \ufffd' });
  const info = await (await clientFor(tenant)).getUserInfo((await client.login({ username: 'cut@example.com', password: PASSWORD, realm: CONNECTION })).accessToken);
  assert.equal(info.name, 'Ann \ufffd');
});

test('out-of-range numbers in a response become +-1.7976931348623157e308; requests stay strict', async () => {
  const core = await loadCore();
  const body = '{"score":1e400,"debt":-1e999,"tiny":1e-400,"name":"Ann \\ud83d"}';
  assert.equal(JSON.parse(body).score, Infinity);   // what JSON.parse makes of it
  const parsed = core.parseResponse({ status: 200, headers: {}, body });
  assert.deepEqual(parsed, { score: Number.MAX_VALUE, debt: -Number.MAX_VALUE, tiny: 0, name: 'Ann \ufffd' });
  assert.equal(core.profileResponse({ status: 200, body: '{"sub":"a","n":1e400}' }).n, Number.MAX_VALUE);
  // An error body too keeps its message.
  assert.throws(() => core.parseResponse({ status: 400, headers: {}, body: '{"statusCode":400,"message":"bad \\ud83d","errorCode":"x"}' }),
    (error) => error.code === 'x' && error.description === 'bad \ufffd');
  // A lone surrogate in what metalock would send is refused, not repaired.
  assert.throws(() => core.validatePatch({ user_metadata: { note: CUT } }), (error) => error.code === 'invalid_json');
});
