// placeholderHTML and signUpTerms: app-supplied markup reduced to a few inline elements and
// http(s) links, rebuilt node by node with createElement/text nodes. DOMParser makes an inert
// document (its scripts never run, its images never load); only its text and the allowed
// element names are carried over, never an attribute except a checked link href.
import { el } from './dom.js';

const INLINE = new Set(['B', 'STRONG', 'I', 'EM', 'U', 'SMALL', 'BR', 'SPAN']);
const DROPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'IFRAME', 'OBJECT', 'SVG', 'MATH', 'TITLE']);
const MAX_DEPTH = 16;

function safeLink(node) {
  let url;
  try {
    url = new URL(node.getAttribute('href') ?? '', document.baseURI);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return el('a', { href: url.href, target: '_blank', rel: 'noopener noreferrer' });
}

function copyChildren(from, to, depth) {
  for (const node of from.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      to.append(node.data);
    } else if (node.nodeType === Node.ELEMENT_NODE && !DROPPED.has(node.tagName) && depth < MAX_DEPTH) {
      let copy = null;
      if (node.tagName === 'A') copy = safeLink(node);
      else if (INLINE.has(node.tagName)) copy = document.createElement(node.tagName.toLowerCase());
      if (copy) {
        copyChildren(node, copy, depth + 1);
        to.append(copy);
      } else {
        copyChildren(node, to, depth + 1);   // an element we do not keep: its text stays
      }
    }
  }
}

export function sanitizedFragment(html) {
  const inert = new DOMParser().parseFromString(String(html), 'text/html');
  const fragment = document.createDocumentFragment();
  copyChildren(inert.body, fragment, 0);
  return fragment;
}
