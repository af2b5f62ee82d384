// Response headers in the one form the JS side passes around: a plain object with lower-case
// names. Accepts fetch's Headers (or anything with a Headers-like forEach) or a plain object
// from a custom fetch. Names are case-insensitive in HTTP; the core reads them that way too.
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
