// The journal grows by what changed: a login journals its three fields, not the whole user,
// so a user with 1 MB of metadata can log in many times without the data folder growing by a
// megabyte per login; and the fields survive a restart, replayed from those small records.
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { adminToken, call, login, startTenant, tempDir, userPath } from './support/tenant.js';

const LOGINS = 40;
const email = 'big@example.com';
const blob = 'x'.repeat(1_000_000);
const config = {
  users: [{ email, password: 'Str0ng-Passw0rd', user_id: 'auth0|big', user_metadata: { blob } }],
  storage: { compactEvery: 100000 },
};

const dataDir = tempDir('journal');
let tenant;
after(() => tenant?.stop());

test(`${LOGINS} logins of a user with 1 MB of metadata add well under 1 KB each to the journal`, async () => {
  tenant = await startTenant({ dataDir, config });
  const journal = join(dataDir, 'journal.jsonl');
  const before = statSync(journal).size;
  for (let i = 0; i < LOGINS; i += 1) {
    const response = await login(tenant, { username: email, password: 'Str0ng-Passw0rd' });
    assert.equal(response.status, 200, response.text);
  }
  const perLogin = (statSync(journal).size - before) / LOGINS;
  assert.ok(perLogin < 400, `the journal grew ${perLogin} bytes per login`);

  await tenant.stop();
  tenant = await startTenant({ dataDir, config });
  const user = await call(tenant.url, userPath('auth0|big'), { token: await adminToken(tenant) });
  assert.equal(user.body.logins_count, LOGINS, 'the login fields were replayed from the small records');
  assert.equal(user.body.user_metadata.blob.length, blob.length, 'and the metadata is whole');
});
