// Response headers in the one form the JS side passes around: a plain object with lower-case
// names. Names are case-insensitive in HTTP; the core reads them that way too.

// From fetch's Headers (or anything with a Headers-like forEach) or a plain object from a
// custom fetch.
export function headerObject(headers) {
  const out = {};
  if (!headers) return out;
  if (typeof headers.forEach === 'function') {
    headers.forEach((value, name) => {
      out[String(name).toLowerCase()] = String(value);
    });
  } else {
    for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = String(value);
  }
  return out;
}

// From XMLHttpRequest's getAllResponseHeaders(): `name: value` lines joined by CRLF, a name
// that came more than once already combined with ", " (as Headers combines it).
export function headersFromBlock(block) {
  const out = {};
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) out[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return out;
}
