// Every visible string: the chosen language (English unless `language` names one we ship),
// with the app's languageDictionary laid over it key by key (Lock's rule).
import en from './i18n/en.js';
import es from './i18n/es.js';

const LANGUAGES = { en, es };

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function overlay(base, extra) {
  const out = { ...base };
  for (const [key, value] of Object.entries(extra ?? {})) {
    if (isObject(value) && isObject(base[key])) out[key] = overlay(base[key], value);
    else if (typeof value === 'string') out[key] = value;
  }
  return out;
}

// -> t(path, ...args): the string at a dotted path ('error.login.blocked_user' — a key may
// itself hold dots: 'error.login.lock.network'), %d/%s replaced by args in order; '' when
// the dictionary has no string there.
export function createDictionary(language, languageDictionary) {
  const strings = overlay(LANGUAGES[String(language ?? 'en').toLowerCase()] ?? en, languageDictionary);
  const lookup = (path) => {
    let node = strings;
    const parts = path.split('.');
    for (let i = 0; i < parts.length; i += 1) {
      if (!isObject(node)) return undefined;
      const rest = parts.slice(i).join('.');
      if (typeof node[rest] === 'string') return node[rest];
      node = node[parts[i]];
    }
    return typeof node === 'string' ? node : undefined;
  };
  const t = (path, ...args) => {
    let index = 0;
    return (lookup(path) ?? '').replace(/%[ds]/g, (match) => (index < args.length ? String(args[index++]) : match));
  };
  t.has = (path) => lookup(path) !== undefined;
  return t;
}
