// Nothing acknowledged is lost under faults: 1,000 concurrent metadata updates from two clients
// of one user through injected 429s, 503s, dropped connections and latency (the scenario lives
// in tests/reliability/, which `npm run reliability` runs too and reports).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { concurrentUpdates } from '../reliability/concurrent-updates.mjs';

test('1,000 concurrent updates under faults: every acknowledged update is stored, every failure has a code', async (t) => {
  const result = await concurrentUpdates({ updates: 1000 });
  t.diagnostic(JSON.stringify({ ...result, missing: result.missing.length }));
  assert.ok(result.faultsSeen.rateLimited + result.faultsSeen.serverErrors + result.faultsSeen.dropped > 50, 'faults were injected');
  assert.equal(result.acknowledged + result.failed, result.updates);
  assert.deepEqual(result.missing, []);
  assert.equal(result.uncodedFailures, 0);
  assert.ok(result.acknowledged > result.updates * 0.9, `most updates get through the retries (${result.acknowledged})`);
});
