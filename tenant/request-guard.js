// What keeps a local tool reachable only by what it serves: the tenant listens on loopback,
// but any web page the developer visits can send requests to it. Two checks, before routing:
// - Host: a DNS-rebinding page reaches 127.0.0.1 under its own name (`Host: evil.example`);
//   only the tenant's own loopback names are served.
// - Origin: a cross-site page can send "simple" requests (a text/plain POST, a form POST)
//   that need no CORS preflight, so CORS alone never stops them from creating users or minting
//   tokens. A state-changing request must come with no Origin (a program, not a page) or an
//   allowed one.
import { authError, managementError } from './http.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

// Auth0's two APIs spell a 403 differently.
function forbidden(pathname, message) {
  return pathname.startsWith('/api/v2/') ? managementError(403, message) : authError(403, 'access_denied', message);
}

export function createRequestGuard({ cors }) {
  return {
    // Each -> a response that refuses the request, or null when it may go on.
    checkHost(req, pathname, port) {
      const host = String(req.headers.host ?? '').toLowerCase();
      const ownHosts = LOOPBACK_NAMES.flatMap((name) => (port === 80 ? [name, `${name}:80`] : [`${name}:${port}`]));
      if (ownHosts.includes(host)) return null;
      return forbidden(pathname, `Host '${host}' is not this tenant: use http://127.0.0.1:${port} or http://localhost:${port}`);
    },
    checkOrigin(req, pathname) {
      const { origin } = req.headers;
      if (!STATE_CHANGING.has(req.method) || origin === undefined || cors.isAllowed(origin)) return null;
      return forbidden(pathname, `Origin '${origin}' is not allowed: list it in a client's allowedOrigins`);
    },
  };
}
