// Hostile input through the whole public JS API (tests/reliability/public-api-corpus.mjs):
// every call ends in a result or a coded MetalockError, nothing hangs or pollutes a prototype,
// and a refused call sends no write and leaves the stored tokens as they were.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HOSTILE_VALUES } from '../reliability/hostile-values.mjs';
import { publicApiCorpus } from '../reliability/public-api-corpus.mjs';

test('every hostile value in every argument of the public API', async (t) => {
  const result = await publicApiCorpus();
  t.diagnostic(`${result.inputs} inputs: ${result.resolved} resolved, ${result.refused} refused; codes ${result.codes.join(' ')}`);
  assert.ok(HOSTILE_VALUES.length * 20 <= result.inputs && result.inputs >= 200);
  assert.deepEqual(result.problems, []);
});
