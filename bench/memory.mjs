// Memory after N mixed calls in Node, through the same facade the package uses: the wasm
// heap (the module's linear memory, which only grows) and the JS heap after a full GC.
// Mixed: diff, merge, validate, profile normalization and signup mapping on the 1 KB
// documents, in turn. Equal figures at 1,000 and at 100,000 calls mean no leak on either side.
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createFacade } from '../js/core/facade.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

export async function measureMemory({ documentsDir, checkpoints = [1_000, 100_000] }) {
  const read = (file) => JSON.parse(readFileSync(`${documentsDir}/${file}`, 'utf8'));
  const context = read('context.json');
  const { default: createMetalockCore } = await import('#core-glue');   // late: after the build is checked
  const module = await createMetalockCore({});
  const core = createFacade(module);
  const n = 1024;
  const before = read(`metadata-${n}.json`);
  const edited = read(`edited-${n}.json`);
  const user = read(`user-${n}.json`);
  const patch = read(`edit-patch-${n}.json`);
  const metadataPatch = read(`metadata-patch-${n}.json`);
  const userinfo = readFileSync(`${documentsDir}/userinfo-${n}.json`, 'utf8');
  const fields = read('signup-typical-fields.json');
  const values = read('signup-typical-values.json');
  const policy = { scope: context.currentUserScope, subject: context.userId, userId: context.userId };
  const calls = [
    () => core.diff(before, edited),
    () => core.merge(user, patch),
    () => core.validatePatch(metadataPatch, policy),
    () => core.profileResponse({ status: 200, body: userinfo }, { userMetadataClaim: context.userMetadataClaim }),
    () => core.mapSignup(fields, values, context.signupBase),
  ];
  const results = [];
  let done = 0;
  for (const target of checkpoints) {
    for (; done < target; done += 1) calls[done % calls.length]();
    gc();
    results.push({ calls: target, wasmHeap: module.HEAPU8.length, jsHeap: process.memoryUsage().heapUsed });
  }
  return results;
}
