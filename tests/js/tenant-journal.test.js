// The journal grows by what changed: a login journals its three fields, not the whole user,
// so a user with 1 MB of metadata can log in many times without the data folder growing by a
// megabyte per login; the fields survive a restart, replayed from those small records.
// (`npm run reliability` runs the same scenario with 1,000 logins.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { journalGrowth } from '../reliability/journal-growth.mjs';

test('40 logins of a user with 1 MB of metadata add well under 1 KB each to the journal', async (t) => {
  const result = await journalGrowth({ logins: 40 });
  t.diagnostic(JSON.stringify(result));
  assert.ok(result.bytesPerLogin < 400, `the journal grew ${result.bytesPerLogin} bytes per login`);
  assert.equal(result.loginsAfterRestart, 40, 'the login fields were replayed from the small records');
  assert.equal(result.metadataIntact, true);
});
