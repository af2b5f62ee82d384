// How the wasm modules write doubles into the JSON they send: nlohmann's notation (the native
// build's, pinned there by json_reader_test against nlohmann's own dump) around JavaScript's
// shortest digits (sdk/src/double_digits.hpp). Every double must read back as itself, with
// the digits JSON.stringify writes for it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCore } from '../../js/core/load.js';
import { loadTenantCore } from '../../tenant/core.js';

// The text the core writes for `value`, read out of a PATCH body it builds.
function written(core, value) {
  const { body } = core.patchUserRequest('https://tenant.example', 'auth0|1', { user_metadata: { v: value } }, 'token', {});
  const prefix = '{"user_metadata":{"v":';
  assert.ok(body.startsWith(prefix) && body.endsWith('}}'), body);
  return body.slice(prefix.length, -2);
}

// nlohmann's notation for the digits d1..dk x 10^(n-k): fixed when -4 < n <= 15 (always with a
// fraction: 100.0), else d[.ddd]e+XX with a signed exponent of at least two digits.
const EXPECTED = [
  [0.1, '0.1'], [1.5, '1.5'], [100.5, '100.5'], [-2.5e-7, '-2.5e-07'], [1e-5, '1e-05'], [0.0001, '0.0001'],
  [0.0001234, '0.0001234'], [1e20, '1e+20'], [1e21, '1e+21'], [1.5e300, '1.5e+300'], [1e15 + 0.5, '1.0000000000000005e+15'],
  [123456789012345.6, '123456789012345.6'], [5e-324, '5e-324'], [1.7976931348623157e308, '1.7976931348623157e+308'],
  [-1.7976931348623157e308, '-1.7976931348623157e+308'], [1 / 3, '0.3333333333333333'], [2.5e-100, '2.5e-100'],
];

// The significant digits of a number's text: no sign, point, exponent, leading or trailing zeros.
const digitsOf = (text) => text.replace(/^-/, '').replace(/e.*$/i, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');

function randomDoubles(count) {
  const view = new DataView(new ArrayBuffer(8));
  const values = [];
  let seed = 0x9e3779b9;
  const next = () => { seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0; return seed; };
  while (values.length < count) {
    view.setUint32(0, next());
    view.setUint32(4, next());
    const value = view.getFloat64(0);
    // Integers of the int64/uint64 range are written as integers, not through the double path.
    if (Number.isFinite(value) && !(Number.isInteger(value) && Math.abs(value) < 2 ** 64)) values.push(value);
  }
  return values;
}

for (const [module, load] of [['browser', loadCore], ['tenant', loadTenantCore]]) {
  test(`${module} module: doubles in nlohmann's notation`, async () => {
    const core = await load();
    for (const [value, text] of EXPECTED) assert.equal(written(core, value), text, String(value));
  });

  test(`${module} module: 20,000 random doubles read back exactly, with JSON.stringify's digits`, async () => {
    const core = await load();
    for (const value of randomDoubles(20_000)) {
      const text = written(core, value);
      assert.equal(Number(text), value, `${value} written as ${text}`);
      assert.equal(digitsOf(text), digitsOf(JSON.stringify(value)), `${value} written as ${text}`);
      const exponent = Number(value.toExponential().split('e')[1]);   // exact, unlike Math.log10
      const fixed = exponent >= -4 && exponent < 15;
      assert.match(text, fixed ? /^-?\d+\.\d+$/ : /^-?\d(\.\d+)?e[+-]\d{2,3}$/, `${value} written as ${text}`);
    }
  });
}
