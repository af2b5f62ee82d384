// Every visible string: the chosen language (English unless `language` names one we ship),
// with the app's languageDictionary laid over it key by key (Lock's rule). English is in the
// widget's chunk; every other language is a chunk of its own, fetched only by a page that
// asks for it (as Lock fetches its language files), so an English page carries no Spanish.
import en from './i18n/en.js';

const LANGUAGES = {
  en: async () => en,
  es: async () => (await import('./i18n/es.js')).default,
};

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

// -> a promise of t(path, ...args): the string at a dotted path ('error.login.blocked_user' —
// a key may itself hold dots: 'error.login.lock.network'), %d/%s replaced by args in order; ''
// when the dictionary has no string there.
export async function createDictionary(language, languageDictionary) {
  const name = String(language ?? 'en').toLowerCase();
  const base = Object.hasOwn(LANGUAGES, name) ? await LANGUAGES[name]() : en;
  const strings = overlay(base, languageDictionary);
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
