// profileResponse reads a whole response into the profile in one crossing: for every response
// it must answer exactly what parseResponse followed by normalizeProfile answered (the client
// used those two calls before), value or error alike. normalizeProfile is the tenant module's
// (pages no longer carry it); both modules' profileResponse must agree.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCore } from '../../js/core/load.js';
import { loadTenantCore } from '../../tenant/core.js';

const CLAIMS = { userMetadataClaim: 'https://example.com/user_metadata', appMetadataClaim: 'https://example.com/app_metadata' };

const responses = [
  { status: 200, headers: {}, body: '{"sub":"auth0|1","https://example.com/user_metadata":{"theme":"dark"}}' },
  { status: 200, headers: {}, body: '{"user_id":"auth0|1","user_metadata":{"a":[1,{"b":null}]},"app_metadata":{"plan":"pro"}}' },
  { status: 200, headers: {}, body: '{"sub":"auth0|1","name":"Ann \\ud83d","big":1e400}' },
  { status: 200, headers: {}, body: '' },
  { status: 200, headers: {}, body: '[1,2]' },
  { status: 200, headers: {}, body: '<html>' },
  { status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token", error_description="expired"' }, body: 'Unauthorized' },
  { status: 403, headers: {}, body: '{"statusCode":403,"error":"Forbidden","message":"Insufficient scope","errorCode":"insufficient_scope"}' },
  { status: 429, headers: { 'x-ratelimit-reset': '1' }, body: '{"statusCode":429,"error":"Too Many Requests","message":"slow down"}' },
  { status: 500, headers: {}, body: 'oops' },
];

function outcome(run) {
  try {
    return { value: run() };
  } catch (error) {
    return { error: { name: error.name, code: error.code, description: error.description, statusCode: error.statusCode } };
  }
}

test('profileResponse answers as parseResponse + normalizeProfile did, for values and errors', async () => {
  const core = await loadCore();
  const tenantCore = await loadTenantCore();
  for (const response of responses) {
    for (const options of [{}, CLAIMS]) {
      const fused = outcome(() => core.profileResponse(response, options));
      const twoSteps = outcome(() => tenantCore.normalizeProfile(tenantCore.parseResponse(response), options));
      assert.deepEqual(fused, twoSteps, `${response.status} ${response.body}`);
      assert.deepEqual(outcome(() => tenantCore.profileResponse(response, options)), fused);
    }
  }
  // The cases above reach both sides of the answer.
  assert.ok(core.profileResponse(responses[0], CLAIMS).user_metadata.theme === 'dark');
  assert.throws(() => core.profileResponse(responses[6]), { code: 'invalid_token', statusCode: 401 });
});
