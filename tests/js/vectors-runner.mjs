// Runs conformance vectors (docs/vectors.md) through the wasm build, each case through both
// modules (wasm/CMakeLists.txt) where the module holds the op's bindings: the browser one
// through the pure helpers of the built package (dist/metalock.node.js, what Node imports) for merge / diff / signup
// and its core facade for the ops that have no public helper; the tenant one through its
// facade. Shared by `npm run vectors` and tests/js/vectors.test.js.
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const vectorsDir = `${root}tests/vectors`;

export async function vectorFiles() {
  return (await readdir(vectorsDir)).filter((name) => name.endsWith('.json')).sort().map((name) => `${vectorsDir}/${name}`);
}

// module -> {merge, diff, signup, core}
let apis;
async function loadApis() {
  apis ??= Promise.all([import(`${root}dist/metalock.node.js`), import(`${root}js/core/load.js`),
    import(`${root}tenant/core.js`), import(`${root}js/signup/field-specs.js`)])
    .then(async ([dist, load, tenant, fieldSpecs]) => {
      const tenantCore = await tenant.loadTenantCore();
      return {
        browser: {
          merge: dist.applyMetadataPatch, diff: dist.buildMetadataPatch, signup: dist.mapSignupFields,
          core: await load.loadCore(),
        },
        tenant: {
          merge: tenantCore.merge, diff: tenantCore.diff,
          signup: (fields, values, base) => fieldSpecs.mapSignupFieldsWith(tenantCore, fields, values, base),
          core: tenantCore,
        },
      };
    });
  return apis;
}
export const MODULES = ['browser', 'tenant'];

// Whether a module holds what the op calls: client metadata is the tenant's only.
const holds = ({ core }, op) => op !== 'client_metadata' || typeof core.validateClientMetadata === 'function';

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

// One op of docs/vectors.md applied to its input, through one module (MODULES).
export async function runOp(op, input = {}, module = 'browser') {
  const api = (await loadApis())[module];
  const { core } = api;
  switch (op) {
    case 'merge': return api.merge(input.user, input.patch);
    case 'diff': return api.diff(input.before, input.after);
    case 'signup': return api.signup(input.fields ?? [], input.values ?? {}, input.base ?? {});
    case 'validate_patch':
      return core.validatePatch(input.patch, {
        scope: str(input.scope), subject: str(input.subject), userId: str(input.user_id),
        allowClear: input.allow_clear === true, storedUserMetadata: input.stored_user_metadata,
      });
    case 'client_metadata':
      return Object.hasOwn(input, 'patch')
        ? core.applyClientMetadataPatch(input.current ?? null, input.patch)
        : core.validateClientMetadata(input.metadata ?? null);
    // The browser module reads a profile from the whole response, as the client does; the
    // tenant's also holds normalizeProfile, over the body alone.
    case 'profile': return core.normalizeProfile
      ? core.normalizeProfile(input.userinfo ?? null, input.options ?? {})
      : core.profileResponse({ status: 200, body: profileText(input.userinfo ?? null) }, input.options ?? {});
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

// A profile vector's userinfo as the body of a response: raw text stays as it is.
const profileText = (userinfo) => (typeof userinfo === 'string' ? userinfo : JSON.stringify(userinfo));

// Equal as JSON: key order ignored, numbers compared as numbers.
export function sameJson(a, b) {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]));
}

// -> [{module, pass, expected, got}] (display strings), one per module that holds the op.
export async function runCaseInEachModule(testCase) {
  const all = await loadApis();
  const outcomes = [];
  for (const module of MODULES) {
    if (holds(all[module], testCase.op)) outcomes.push({ module, ...await runCaseIn(testCase, module) });
  }
  return outcomes;
}

// -> {pass, expected, got}: every module that holds the op passes (got names the one that did not).
export async function runCase(testCase) {
  const outcomes = await runCaseInEachModule(testCase);
  const failed = outcomes.find((outcome) => !outcome.pass);
  if (failed) return { pass: false, expected: failed.expected, got: `${failed.got} (${failed.module} module)` };
  return outcomes[0];
}

async function runCaseIn(testCase, module) {
  let value;
  let error;
  try {
    value = await runOp(testCase.op, testCase.input ?? {}, module);
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

// -> {passed, failures: [{file, name, expected, got}]}, a case counted once per module that ran
// it; an unreadable file is one failure.
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
    for (const outcome of await runCaseInEachModule(testCase)) {
      if (outcome.pass) report.passed += 1;
      else report.failures.push({ file, name: `${testCase.name} (${outcome.module} module)`, expected: outcome.expected, got: outcome.got });
    }
  }
  return report;
}
