// Every hostile value in every argument and option of the public JS API. Each call must end
// in a result or a MetalockError with a code: never another error, a crash or a hang; nothing
// pollutes Object.prototype; a failed call sends no write and leaves stored tokens as they were.
import { isDeepStrictEqual } from 'node:util';
import { applyMetadataPatch, buildMetadataPatch, createClient, mapSignupFields, MetalockError } from '../../dist/metalock.node.js';
import { CONNECTION, recordingFetch, startTenant, uniqueEmail, PASSWORD, USER_SCOPES } from '../js/support/tenant.js';
import { HOSTILE_VALUES } from './hostile-values.mjs';

const HANG_MS = 15000;
const WRITE_SLOT = 'client.updateUserMetadata({k: value})';

// Equal as JSON values (key order aside); -0 and 0 are the same JSON number.
function sameJson(a, b) {
  return isDeepStrictEqual(normalize(a), normalize(b));
}
function normalize(value) {
  if (Object.is(value, -0)) return 0;
  if (Array.isArray(value)) return value.map(normalize);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((key) => [key, normalize(value[key])]));
  return value;
}
const base = { client_id: 'metalock-demo', connection: CONNECTION, email: 'a@example.com', password: 'Secret-123' };

// [slot name, (value, ctx) => promise]
function slots(ctx) {
  const options = (extra) => ({ domain: ctx.tenant.url, clientId: 'metalock-demo', ...extra });
  return [
    ['buildMetadataPatch(value, {})', (v) => buildMetadataPatch(v, {})],
    ['buildMetadataPatch({}, value)', (v) => buildMetadataPatch({}, v)],
    ['buildMetadataPatch({}, {k: value})', (v) => buildMetadataPatch({}, { k: v })],
    ['applyMetadataPatch(value, patch)', (v) => applyMetadataPatch(v, { user_metadata: { a: 1 } })],
    ['applyMetadataPatch({}, value)', (v) => applyMetadataPatch({ user_metadata: {} }, v)],
    ['applyMetadataPatch({}, {user_metadata: {k: value}})', (v) => applyMetadataPatch({ user_metadata: {} }, { user_metadata: { k: v } })],
    ['mapSignupFields(value)', (v) => mapSignupFields(v, {}, base)],
    ['mapSignupFields(fields, {a: value})', (v) => mapSignupFields([{ name: 'a', placeholder: 'A' }], { a: v }, base)],
    ['mapSignupFields([{name: value}])', (v) => mapSignupFields([{ name: v, placeholder: 'A' }], {}, base)],
    ['mapSignupFields(fields, values, value)', (v) => mapSignupFields([], {}, v)],
    ['createClient(value)', (v) => createClient(v)],
    ['createClient({domain: value})', (v) => createClient(options({ domain: v }))],
    ['createClient({clientId: value})', (v) => createClient(options({ clientId: v }))],
    ['createClient({cacheLocation: value})', (v) => createClient(options({ cacheLocation: v }))],
    ['createClient({leeway: value})', (v) => createClient(options({ leeway: v }))],
    ['createClient({scope: value})', (v) => createClient(options({ scope: v }))],
    ['client.updateUserMetadata({k: value})', (v) => ctx.client.updateUserMetadata({ k: v })],
    ['client.updateUserMetadata(value)', (v) => ctx.client.updateUserMetadata(v)],
    ['client.updateUserMetadata(value, {k: 1})', (v) => ctx.client.updateUserMetadata(v, { k: 1 })],
    ['client.getUserInfo(value)', (v) => ctx.client.getUserInfo(v)],
    ['client.getUser(value)', (v) => ctx.client.getUser(v)],
    ['client.signup(value)', (v) => ctx.client.signup(v)],
    ['client.signup({email: value})', (v) => ctx.client.signup({ connection: CONNECTION, email: v, password: PASSWORD })],
    ['client.login(value)', (v) => ctx.client.login(v)],
    ['client.login({username: value})', (v) => ctx.client.login({ username: v, password: PASSWORD, realm: CONNECTION })],
  ];
}

function withTimeout(promise, label) {
  let timer;
  const hang = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hang: ${label} did not settle in ${HANG_MS} ms`)), HANG_MS);
  });
  return Promise.race([promise, hang]).finally(() => clearTimeout(timer));
}

// -> {inputs, resolved, refused, codes, problems: [string]}
export async function publicApiCorpus() {
  const tenant = await startTenant();
  const store = new Map();
  const cacheLocation = { get: (key) => store.get(key) ?? null, set: (key, value) => { store.set(key, value); }, remove: (key) => { store.delete(key); } };
  const recorder = recordingFetch();
  const client = await createClient({ domain: tenant.url, clientId: 'metalock-demo', cacheLocation, fetch: recorder.fetch });
  const email = uniqueEmail('corpus');
  await client.signup({ connection: CONNECTION, email, password: PASSWORD });
  await client.login({ username: email, password: PASSWORD, realm: CONNECTION, audience: tenant.managementAudience, scope: USER_SCOPES });
  const ctx = { tenant, client };
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).join();
  let lastStored;
  const result = { inputs: 0, resolved: 0, refused: 0, codes: new Set(), problems: [] };
  try {
    for (const [slot, call] of slots(ctx)) {
      for (const [name, make] of HOSTILE_VALUES) {
        const label = `${slot} with ${name}`;
        const storedBefore = JSON.stringify([...store]);
        recorder.reset();
        result.inputs += 1;
        try {
          const value = make();
          await withTimeout(Promise.resolve().then(() => call(value)), label);
          result.resolved += 1;
          if (slot === WRITE_SLOT) {
            // Resolved means stored as given: JSON must not have turned the value into
            // something else (NaN -> null deletes; a Map -> {} empties). A top-level
            // undefined is "no change" (as JSON.stringify drops it); null deletes.
            const stored = (await ctx.client.getUser()).user_metadata;
            const expected = value === undefined ? lastStored : (value ?? undefined);
            if (!sameJson(stored.k, expected)) result.problems.push(`${label}: resolved, but the server holds ${JSON.stringify(stored.k)?.slice(0, 80)}`);
            lastStored = stored.k;
          }
        } catch (error) {
          if (!(error instanceof MetalockError) || typeof error.code !== 'string' || error.code === '') {
            result.problems.push(`${label}: not a MetalockError with a code: ${error?.stack ?? error}`);
            continue;
          }
          result.refused += 1;
          result.codes.add(error.code);
          // Refused by the SDK (no statusCode: not the server's answer) yet a write went out.
          const writes = recorder.count('PATCH') + recorder.count('POST');
          if (error.statusCode === undefined && writes > 0 && !slot.startsWith('client.signup') && !slot.startsWith('client.login')) {
            result.problems.push(`${label}: refused (${error.code}) by the SDK after sending a write`);
          }
          if (!slot.startsWith('client.login') && JSON.stringify([...store]) !== storedBefore) {
            result.problems.push(`${label}: refused (${error.code}) but the stored tokens changed`);
          }
        }
        if (({}).polluted !== undefined || Object.getOwnPropertyNames(Object.prototype).join() !== prototypeKeys) {
          result.problems.push(`${label}: Object.prototype was polluted`);
        }
      }
    }
    // Still logged in and working after all of it.
    const profile = await client.getUserInfo();
    if (profile.email !== email) result.problems.push('the client no longer works after the corpus');
  } finally {
    await tenant.stop();
  }
  return { ...result, codes: [...result.codes].sort() };
}
