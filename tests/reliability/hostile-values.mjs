// Hostile values for the public JS API: what a careless or malicious caller can pass. Built
// lazily (some are megabytes) and each named, so that a failure says which one.

function nested(depth, leaf = 1, wrap = (inner) => [inner]) {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) value = wrap(value);
  return value;
}

function cyclic() {
  const value = { a: 1 };
  value.self = value;
  return value;
}

function throwingGetter() {
  return Object.defineProperty({}, 'boom', { enumerable: true, get() { throw new Error('getter threw'); } });
}

function throwingProxy() {
  return new Proxy({}, { ownKeys() { throw new Error('ownKeys threw'); }, get() { throw new Error('get threw'); } });
}

class Custom {
  constructor() { this.a = 1; }
}

// [name, () => value]
export const HOSTILE_VALUES = [
  ['undefined', () => undefined],
  ['null', () => null],
  ['true', () => true],
  ['zero', () => 0],
  ['negative zero', () => -0],
  ['NaN', () => NaN],
  ['Infinity', () => Infinity],
  ['-Infinity', () => -Infinity],
  ['2^53 + 1', () => 2 ** 53 + 1],
  ['-(2^63)', () => -(2 ** 63)],
  ['1e308', () => 1e308],
  ['BigInt', () => 10n ** 30n],
  ['symbol', () => Symbol('x')],
  ['function', () => () => 1],
  ['empty string', () => ''],
  ['NUL bytes', () => 'a\u0000b\u0000'],
  ['lone high surrogate', () => 'Ann \ud83d'],
  ['lone low surrogate', () => '\ude00 end'],
  ['U+FFFF and U+FFFE', () => '\uffff\ufffe'],
  ['emoji', () => '😀👍🏽'],
  ['1 MB string', () => 'x'.repeat(1 << 20)],
  ['17 MB string', () => 'y'.repeat(17 << 20)],
  ['array of 100,000 numbers', () => Array.from({ length: 100000 }, (_, i) => i)],
  ['sparse array', () => [1, , 3]], // eslint-disable-line no-sparse-arrays
  ['array holding undefined', () => [1, undefined]],
  ['100 levels of arrays', () => nested(100)],
  ['10,000 levels of arrays', () => nested(10000)],
  ['10,000 levels of objects', () => nested(10000, 1, (inner) => ({ a: inner }))],
  ['65 levels of objects', () => nested(65, 1, (inner) => ({ a: inner }))],
  ['cyclic object', cyclic],
  ['object with a throwing getter', throwingGetter],
  ['proxy that throws', throwingProxy],
  ['Map', () => new Map([['a', 1]])],
  ['Set', () => new Set([1])],
  ['Date', () => new Date(0)],
  ['RegExp', () => /x/],
  ['Uint8Array', () => new Uint8Array([1, 2])],
  ['Promise', () => Promise.resolve(1)],
  ['class instance', () => new Custom()],
  ['null-prototype object', () => Object.assign(Object.create(null), { a: 1 })],
  ['__proto__ key (JSON.parse)', () => JSON.parse('{"__proto__":{"polluted":"yes"},"a":1}')],
  ['constructor key', () => ({ constructor: { prototype: { polluted: 'yes' } } })],
  ['prototype key', () => ({ prototype: { polluted: 'yes' } })],
  ['dotted key', () => ({ 'a.b': 1 })],
  ['dollar key', () => ({ $where: 1 })],
  ['empty key', () => ({ '': 1 })],
  ['10,000-char key', () => ({ ['k'.repeat(10000)]: 1 })],
  ['NUL in a key', () => ({ 'a\u0000b': 1 })],
  ['lone surrogate in a key', () => ({ 'k\ud800': 1 })],
  ['nested NaN', () => ({ a: { b: [1, NaN] } })],
  ['nested undefined', () => ({ a: { b: undefined } })],
  ['nested BigInt', () => ({ a: [1n] })],
  ['nested function', () => ({ a: { f() {} } })],
  ['nested Map', () => ({ a: new Map() })],
  ['nested Date', () => ({ a: new Date(0) })],
  ['10,000 keys', () => Object.fromEntries(Array.from({ length: 10000 }, (_, i) => [`k${i}`, i]))],
];
