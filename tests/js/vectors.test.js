// Every conformance vector (tests/vectors/*.json) through the wasm build, one test per case.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, test } from 'node:test';
import { runCase, vectorFiles } from './vectors-runner.mjs';

const files = await vectorFiles();

test('there are vector files to run', () => {
  assert.ok(files.length > 0);
});

for (const file of files) {
  const { cases } = JSON.parse(readFileSync(file, 'utf8'));
  describe(basename(file), () => {
    for (const testCase of cases) {
      test(testCase.name, async () => {
        const outcome = await runCase(testCase);
        assert.ok(outcome.pass, `expected ${outcome.expected}\n     got ${outcome.got}`);
      });
    }
  });
}
