// The error codes are listed once for JS (js/error-codes.js) and once for C++ (error.hpp's
// namespace code); the public types (js/types/errors.d.ts) and README's error table, when it
// has one, name the same codes, and no JS site spells a code as a string literal.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as ErrorCode from '../../js/error-codes.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path) => readFileSync(join(root, path), 'utf8');
const sorted = (values) => [...new Set(values)].sort();

const cppCodes = sorted([...read('sdk/include/metalock/error.hpp')
  .matchAll(/inline constexpr const char\* (\w+) = "(\w+)";/g)].map(([, name, value]) => {
  assert.equal(name, value, `code::${name} spells its own name`);
  return value;
}));
const jsCodes = sorted(Object.entries(ErrorCode).map(([name, value]) => {
  assert.equal(name, value, `ErrorCode.${name} spells its own name`);
  return value;
}));

// The string literals of one `export type Name = 'a' | 'b' ...;` of errors.d.ts.
function typeUnion(name) {
  const match = read('js/types/errors.d.ts').match(new RegExp(`export type ${name} =([^;]*);`));
  assert.ok(match, `errors.d.ts declares ${name}`);
  return sorted([...match[1].matchAll(/'(\w+)'/g)].map(([, code]) => code));
}

test('the C++ list is the .d.ts CoreErrorCode, and the JS list holds it', () => {
  assert.ok(cppCodes.length > 20, 'error.hpp parsed');
  assert.deepEqual(typeUnion('CoreErrorCode'), cppCodes);
  assert.deepEqual(cppCodes.filter((code) => !jsCodes.includes(code)), []);
});

test('the JS list is exactly the .d.ts codes', () => {
  const all = sorted(['CoreErrorCode', 'JsErrorCode', 'ServerErrorCode'].flatMap(typeUnion));
  assert.deepEqual(jsCodes, all);
  assert.match(read('js/types/errors.d.ts'), /export type MetalockErrorCode = CoreErrorCode \| JsErrorCode \| ServerErrorCode;/);
});

test("README's error-code table, when there is one, names the same codes", () => {
  const readme = read('README.md');
  const section = readme.split(/^#+ /m).find((part) => /^[^\n]*error codes?/i.test(part));
  if (!section) return;
  const listed = sorted([...section.matchAll(/^\|\s*`(\w+)`/gm)].map(([, code]) => code));
  if (listed.length === 0) return;
  assert.deepEqual(listed.filter((code) => !jsCodes.includes(code)), [], 'README codes unknown to js/error-codes.js');
  assert.deepEqual(jsCodes.filter((code) => !listed.includes(code)), [], 'codes README does not list');
});

function jsFiles(dir) {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return jsFiles(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

// Where JS names an error code: comparing or setting a `code`, MetalockError.from(e, code),
// the facade's fail(code, ...).
const CODE_SITES = [
  /(?<!typeof\s+[\w.?]*)\bcode\s*(?:===|!==|==|!=|:)\s*(['"`])(\w+)\1/g,
  /MetalockError\.from\([^()]*,\s*(['"`])(\w+)\1/g,
  /\bfail\(\s*(['"`])(\w+)\1/g,
];
// The widget's UI chunk shares no module with the main bundle (js/widget/ui.js says why), so
// these read codes as literals for now; the code names still must be in the table.
const UI_CHUNK = ['js/widget/error-wording.js', 'js/widget/field-check.js'];
// A code given as a literal that the table does not know (only in a MetalockError's init).
const UNKNOWN_CODE = /new MetalockError\(\{[^}]*?\bcode:\s*(['"`])([^'"`]*)\1/g;

test('no JS site spells an error code as a string literal: they use js/error-codes.js', () => {
  const offenders = [];
  for (const file of jsFiles('js').filter((path) => path !== 'js/error-codes.js' && !UI_CHUNK.includes(path))) {
    const code = read(file).replace(/^\s*\/\/.*$/gm, '');
    for (const pattern of CODE_SITES) {
      for (const [literal, , value] of code.matchAll(pattern)) {
        if (jsCodes.includes(value)) offenders.push(`${file}: ${literal}`);
      }
    }
    for (const [literal, , value] of code.matchAll(UNKNOWN_CODE)) {
      if (!jsCodes.includes(value)) offenders.push(`${file}: ${literal}`);
    }
  }
  assert.deepEqual(offenders, []);
});
