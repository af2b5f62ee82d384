// The one table `npm run bench` prints: every figure of one run, each beside what it is
// compared with, the ratio and the target. Rows are built from the results of each
// part (native, Node, Chromium, sizes, startup, end to end, memory).
import { SIZE_TARGETS } from './sizes.mjs';

// KB = 1,000 bytes, as the figures (auth0-js 10: 51.5 KB = 51,509 B gz).
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const ms = (value) => `${value.toFixed(1)} ms`;
const mbps = (value) => `${value.toFixed(1)} MB/s`;
const ratio = (value) => `${value.toFixed(2)}x`;
const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
const sizeLabels = { 1024: '1 KB', 16384: '16 KB', 262144: '256 KB' };

// "BM_merge/16384" -> { op: "merge", size: "16 KB", bytes: 16384 }; "BM_signup_max_form" -> size "form".
export function describe(name) {
  const [fn, arg] = name.replace(/^BM_/, '').split('/');
  if (arg === undefined) return { op: fn, size: 'form' };
  return { op: fn, size: sizeLabels[arg] ?? `${arg} B`, bytes: Number(arg) };
}

const verdict = (met) => (met ? 'met' : 'MISSED');

function sizeRows(sizes) {
  const rows = [];
  const client = sizes.client.bytes;
  rows.push(['size gz: client-only page (metalock.js + .wasm)', kb(client), `auth0-js 10 ${kb(sizes.auth0js.bytes)}`,
    ratio(client / sizes.auth0js.bytes), `<= ${kb(SIZE_TARGETS.client)}: ${verdict(client <= SIZE_TARGETS.client)}`]);
  for (const part of sizes.client.parts) rows.push([`  of which ${part.file}`, kb(part.bytes), '', '', '']);
  rows.push(sizes.widget.bytes === null
    ? ['size gz: client + widget page', sizes.widget.note, `auth0-spa-js 2 ${kb(sizes.spa.bytes)}`, '', `<= ${kb(SIZE_TARGETS.widget)}`]
    : ['size gz: client + widget page', kb(sizes.widget.bytes), `auth0-spa-js 2 ${kb(sizes.spa.bytes)}`,
      ratio(sizes.widget.bytes / sizes.spa.bytes), `<= ${kb(SIZE_TARGETS.widget)}: ${verdict(sizes.widget.bytes <= SIZE_TARGETS.widget)}`]);
  for (const part of sizes.widget.parts ?? []) rows.push([`  widget adds ${part.file}`, kb(part.bytes), '', '', '']);
  rows.push(['size gz: peer auth0-spa-js 2 (production.js)', '', kb(sizes.spa.bytes), '', '']);
  rows.push(['size gz: peer auth0-lock 14 (esbuild, minified)', '', kb(sizes.lock.bytes),
    `client page = ${ratio(client / sizes.lock.bytes)}`, '']);
  return rows;
}

// The plain pages (from the import / the script's insertion) carry the target; the second row
// is the pages README's "Bundlers" advice gives (bench/startup.mjs), timed from their first
// request for the SDK.
function startupRows(startup) {
  const r = startup.metalock / startup.auth0js;
  const rows = [[`startup in Chromium, median of ${startup.loads} (cache off)`, ms(startup.metalock),
    `auth0-js ${ms(startup.auth0js)}`, ratio(r), `<= 1.00x: ${verdict(r <= 1)}`]];
  const { preloaded } = startup;
  if (preloaded) {
    rows.push(['  startup, pages preload the SDK (README Bundlers), from its first request', ms(preloaded.metalock),
      `auth0-js ${ms(preloaded.auth0js)}`, ratio(preloaded.metalock / preloaded.auth0js), '']);
  }
  return rows;
}

// What a Node call pays for: the share of JS's own JSON work (stringify of the arguments,
// JSON.parse of the result), and the native/wasm ratio that would remain with a core as fast
// as native, given that JS work: (native time + JS JSON time) / native time.
function crossing(n, side) {
  if (side.jsJsonShare === undefined) return '';
  const floor = 1 + side.jsJsonShare * (n.mbps / side.mbps);   // times per byte: 1/MB/s, same bytes
  return `JS JSON ${(100 * side.jsJsonShare).toFixed(0)}%, floor ${floor.toFixed(1)}x`;
}

// The ops with the >= 200 MB/s native target at 256 KB. The merge has two rows: merge (the const
// overload, a new document) and merge_in_place (the owning one the bindings run, which the Node
// and Chromium rows are compared with).
const NATIVE_TARGET_OPS = ['merge', 'merge_in_place', 'diff', 'validate'];

// One row per op and size: native MB/s, then Node and Chromium (MB/s, native/wasm, x JSON.parse,
// what the call pays for).
function opRows(native, node, chromium) {
  const byName = (rows) => new Map(rows.map((row) => [row.name, row]));
  const nodeBy = byName(node);
  const chromeBy = byName(chromium);
  const rows = [];
  for (const n of native.filter((row) => !row.name.startsWith('BM_refuse'))) {
    const { op, size, bytes } = describe(n.name);
    const targeted = bytes >= 16384;
    const target = (w) => (targeted ? `<= 2x: ${verdict(n.mbps / w.mbps <= 2)}` : '');
    for (const [where, side] of [['Node', nodeBy.get(n.name)], ['Chromium', chromeBy.get(n.name)]]) {
      if (!side) continue;
      if (side.error) { rows.push([`${op} ${size} (${where})`, 'error', '', side.error, '', '', '']); continue; }
      rows.push([`${op} ${size} (${where})`, mbps(side.mbps), `native ${mbps(n.mbps)}`,
        `native/wasm ${(n.mbps / side.mbps).toFixed(1)}`, `${side.jsonParseRatio.toFixed(1)}x`, crossing(n, side), target(side)]);
    }
    if (!nodeBy.has(n.name) && !chromeBy.has(n.name)) {
      const nativeTarget = NATIVE_TARGET_OPS.includes(op) && bytes === 262144;
      rows.push([`${op} ${size} (native only)`, mbps(n.mbps), '', '', '', '', nativeTarget ? `>= 200 MB/s: ${verdict(n.mbps >= 200)}` : '']);
    } else if (NATIVE_TARGET_OPS.includes(op) && bytes === 262144) {
      rows.push([`${op} ${size} native`, mbps(n.mbps), '', '', '', '', `>= 200 MB/s: ${verdict(n.mbps >= 200)}`]);
    }
  }
  return rows;
}

function refusalRows(native) {
  return native.filter((row) => row.name.startsWith('BM_refuse'))
    .map((row) => [`native early refusal: ${row.name.replace('BM_refuse_', '')}`, `${row.micros.toFixed(2)} us/call`, '', '', '', '', '']);
}

function endToEndRows(e2e, calls) {
  const names = { login: 'login', userInfo: 'getUserInfo | userInfo', updateMetadata: 'updateUserMetadata | patchUserMetadata' };
  const rows = Object.entries(e2e).filter(([op]) => names[op]).map(([op, { metalock, auth0js }]) => [`end to end ${names[op]}, median of ${calls}`,
    ms(metalock), `auth0-js ${ms(auth0js)}`, ratio(metalock / auth0js), `<= 1.05x: ${verdict(metalock / auth0js <= 1.05)}`]);
  // No target: what the transports alone cost on the same requests, under the SDKs' ratios.
  const floors = { bareGet: 'GET /userinfo', barePatch: 'PATCH user_metadata' };
  for (const [op, what] of Object.entries(floors)) {
    const floor = e2e[op];
    if (floor) rows.push([`  floor: ${what} by bare fetch | bare XHR`, ms(floor.metalock), `XHR ${ms(floor.auth0js)}`, ratio(floor.metalock / floor.auth0js), '']);
  }
  return rows;
}

function memoryRows(memory) {
  const [first, last] = [memory[0], memory[memory.length - 1]];
  const growth = last.wasmHeap - first.wasmHeap;
  return memory.map((m) => [`memory after ${m.calls.toLocaleString('en')} mixed calls (Node)`,
    `wasm ${mb(m.wasmHeap)}`, `JS heap ${mb(m.jsHeap)}`, '',
    m === last ? `no growth: ${verdict(growth === 0)} (wasm +${growth} B, JS ${((last.jsHeap - first.jsHeap) / 1024).toFixed(0)} KB)` : '']);
}

export function printTable(results, log = console.log) {
  const header = ['figure', 'metalock', 'beside', 'ratio', 'x JSON.parse', 'a Node call pays', 'target'];
  const rows = [
    ...sizeRows(results.sizes),
    ...startupRows(results.startup),
    ...opRows(results.native, results.node, results.chromium),
    ...refusalRows(results.native),
    ...endToEndRows(results.endToEnd, results.e2eCalls),
    ...memoryRows(results.memory),
  ].map((row) => (row.length === 5 ? [...row.slice(0, 4), '', '', row[4]] : row));   // the per-op columns: per-op rows only
  const widths = header.map((_, i) => Math.max(header[i].length, ...rows.map((row) => String(row[i]).length)));
  const line = (row) => row.map((cell, i) => String(cell).padEnd(widths[i])).join(' | ').trimEnd();
  log(line(header));
  log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  rows.forEach((row) => log(line(row)));
}
