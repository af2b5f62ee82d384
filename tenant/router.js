// Method + path matching. A route names its rate-limit group and which of Auth0's two APIs
// it belongs to, because the two APIs spell their errors (429, 5xx, 413) differently.

export function createRouter(routes) {
  const compiled = routes.map((route) => ({ ...route, regex: compile(route.path) }));

  return {
    // -> {route, params} | {methodMismatch: true} | null
    match(method, pathname) {
      let pathMatched = false;
      for (const route of compiled) {
        const found = route.regex.exec(pathname);
        if (!found) continue;
        pathMatched = true;
        if (route.method !== method) continue;
        const params = {};
        for (const [name, value] of Object.entries(found.groups ?? {})) params[name] = safeDecode(value);
        return { route, params };
      }
      return pathMatched ? { methodMismatch: true } : null;
    },
    methodsFor(pathname) {
      return compiled.filter((route) => route.regex.test(pathname)).map((route) => route.method);
    },
  };
}

// '/api/v2/users/:id' -> /^\/api\/v2\/users\/(?<id>[^/]+)\/?$/
function compile(path) {
  const source = path
    .split('/')
    .map((part) => (part.startsWith(':') ? `(?<${part.slice(1)}>[^/]+)` : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`);
}

function safeDecode(value) {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
