// Runs conformance vectors (docs/vectors.md) through the wasm build: the pure helpers of
// the built package (dist/metalock.js) for merge / diff / signup, the core facade for the
// ops that have no public helper. Shared by `npm run vectors` and tests/js/vectors.test.js.
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const vectorsDir = `${root}tests/vectors`;

export async function vectorFiles() {
  return (await readdir(vectorsDir)).filter((name) => name.endsWith('.json')).sort().map((name) => `${vectorsDir}/${name}`);
}

let apis;
async function loadApis() {
  apis ??= Promise.all([import(`${root}dist/metalock.js`), import(`${root}js/core/load.js`)])
    .then(async ([dist, core]) => ({ dist, core: await core.loadCore() }));
  return apis;
}

const str = (value) => (typeof value === 'string' ? value : undefined);

// As the client stores them: one text per entry, under the storage key the core names.
function tokenCacheSteps(core, steps) {
  const stored = new Map();
  const results = [];
  for (const step of steps ?? []) {
    if (step.do === 'put') {
      const entry = step.entry ?? {};
      const key = { clientId: entry.client_id, audience: entry.audience, scope: entry.scope };
      const put = core.cachePut(entry, key, step.at);
      stored.set(put.storageKey, put.serialized);
    } else {
      const key = step.key ?? {};
      const found = core.cacheGet([...stored.values()], { clientId: key.client_id, audience: key.audience, scope: key.scope },
        step.at, step.leeway);
      results.push(found ? found.accessToken : null);
    }
  }
  return results;
}

// One op of docs/vectors.md applied to its input, through the wasm build.
export async function runOp(op, input = {}) {
  const { dist, core } = await loadApis();
  switch (op) {
    case 'merge': return dist.applyMetadataPatch(input.user, input.patch);
    case 'diff': return dist.buildMetadataPatch(input.before, input.after);
    case 'signup': return dist.mapSignupFields(input.fields ?? [], input.values ?? {}, input.base ?? {});
    case 'validate_patch':
      return core.validatePatch(input.patch, {
        scope: str(input.scope), subject: str(input.subject), userId: str(input.user_id),
        allowClear: input.allow_clear === true, storedUserMetadata: input.stored_user_metadata,
      });
    case 'client_metadata':
      return Object.hasOwn(input, 'patch')
        ? core.applyClientMetadataPatch(input.current ?? null, input.patch)
        : core.validateClientMetadata(input.metadata ?? null);
    case 'profile': return core.normalizeProfile(input.userinfo ?? null, input.options ?? {});
    case 'id_token': {
      const o = input.options ?? {};
      return core.verifyIdTokenClaims(input.token, {
        issuer: o.issuer, audience: o.client_id ?? o.audience, nonce: str(o.nonce), now: o.now,
        leeway: o.leeway, maxAge: o.max_age,
      });
    }
    case 'token_cache': return tokenCacheSteps(core, input.steps);
    default: throw Object.assign(new Error(`unknown op '${op}'`), { code: 'invalid_argument' });
  }
}

// Equal as JSON: key order ignored, numbers compared as numbers.
export function sameJson(a, b) {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]));
}

// -> {pass, expected, got} as display strings.
export async function runCase(testCase) {
  let value;
  let error;
  try {
    value = await runOp(testCase.op, testCase.input ?? {});
  } catch (caught) {
    error = caught;
  }
  const withField = Object.hasOwn(testCase, 'field');
  if (Object.hasOwn(testCase, 'error')) {
    const expected = `error ${testCase.error}${withField ? ` (${testCase.field})` : ''}`;
    const got = error ? `error ${error.code}${withField ? ` (${error.field ?? ''})` : ''}` : JSON.stringify(value);
    return { pass: got === expected, expected, got };
  }
  const expected = JSON.stringify(testCase.expect ?? null);
  if (error) return { pass: false, expected, got: `error ${error.code}: ${error.message}` };
  return { pass: sameJson(value ?? null, testCase.expect ?? null), expected, got: JSON.stringify(value ?? null) };
}

// -> {passed, failures: [{file, name, expected, got}]}; an unreadable file is one failure.
export async function runVectorFile(file) {
  let doc;
  try {
    doc = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    return { passed: 0, failures: [{ file, name: '(file)', expected: 'a readable vector file', got: error.message }] };
  }
  if (!doc || !Array.isArray(doc.cases)) {
    return { passed: 0, failures: [{ file, name: '(file)', expected: 'a readable vector file', got: 'no cases' }] };
  }
  const report = { passed: 0, failures: [] };
  for (const testCase of doc.cases) {
    const outcome = await runCase(testCase);
    if (outcome.pass) report.passed += 1;
    else report.failures.push({ file, name: testCase.name, expected: outcome.expected, got: outcome.got });
  }
  return report;
}
