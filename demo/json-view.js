// Pretty JSON as DOM: the text JSON.stringify(value, null, 2) would print, with keys, strings,
// numbers and literals in spans the stylesheet colours. Built from text nodes only.
import { h } from './dom.js';

const INDENT = '  ';

function scalar(value) {
  if (value === null) return h('span', { class: 'json-literal' }, 'null');
  if (typeof value === 'string') return h('span', { class: 'json-string' }, JSON.stringify(value));
  if (typeof value === 'number') return h('span', { class: 'json-number' }, JSON.stringify(value));
  return h('span', { class: 'json-literal' }, String(value));
}

function append(out, value, depth) {
  if (value === null || typeof value !== 'object') {
    out.push(scalar(value));
    return;
  }
  // A short list of scalars stays on one line: [1, 2].
  if (Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object')
      && JSON.stringify(value).length <= 60) {
    out.push('[');
    value.forEach((item, index) => out.push(...(index > 0 ? [', '] : []), scalar(item)));
    out.push(']');
    return;
  }
  const entries = Array.isArray(value) ? value.map((item) => [null, item]) : Object.entries(value);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) {
    out.push(open + close);
    return;
  }
  out.push(`${open}\n`);
  entries.forEach(([key, item], index) => {
    out.push(INDENT.repeat(depth + 1));
    if (key !== null) out.push(h('span', { class: 'json-key' }, JSON.stringify(key)), ': ');
    append(out, item, depth + 1);
    out.push(index < entries.length - 1 ? ',\n' : '\n');
  });
  out.push(INDENT.repeat(depth) + close);
}

export function jsonNodes(value) {
  const out = [];
  append(out, value, 0);
  return out;
}
