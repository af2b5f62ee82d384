// The hand-written declarations (dist/metalock.d.ts, dist/tenant.d.ts) compile against a consumer's use of the
// whole public API, and refuse the misuse marked @ts-expect-error in tests/types/*.ts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('tsc --noEmit accepts tests/types/usage.ts against dist/metalock.d.ts', () => {
  assert.ok(existsSync(`${root}dist/metalock.d.ts`), 'npm run build writes dist/metalock.d.ts');
  const tsc = `${root}node_modules/typescript/bin/tsc`;
  const result = spawnSync(process.execPath, [tsc, '--noEmit', '-p', 'tests/types/tsconfig.json'], {
    cwd: root,
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, `tsc failed:\n${result.stdout}${result.stderr}`);
});
