// CORS: any loopback origin by default, plus the origins each client lists in the config.
// Preflights allow the headers Auth0's own SDKs send (Auth0-Client carries their telemetry),
// and the rate-limit headers are exposed so that browser code can read them.

const LOOPBACK = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/i;

const ALLOWED_METHODS = 'GET, POST, PATCH, DELETE, OPTIONS';
const ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'Auth0-Client', 'Accept', 'Cache-Control', 'X-Requested-With'];
const EXPOSED_HEADERS = 'X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, WWW-Authenticate';

export function createCors(config) {
  const listed = new Set(config.clients.flatMap((client) => client.allowedOrigins ?? []).map((origin) => origin.replace(/\/$/, '')));
  const isAllowed = (origin) => listed.has(origin) || (config.corsLoopback !== false && LOOPBACK.test(origin));

  return {
    isAllowed,
    // Sets the headers on `res`. Returns true when the request was a preflight and is answered.
    handle(req, res) {
      const origin = req.headers.origin;
      res.setHeader('Vary', 'Origin');
      const allowed = typeof origin === 'string' && isAllowed(origin);
      if (allowed) {
        res.setHeader('Access-Control-Allow-Origin', origin);
        res.setHeader('Access-Control-Allow-Credentials', 'true');
        res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
      }
      const isPreflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
      if (!isPreflight) return false;
      if (allowed) {
        res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
        res.setHeader('Access-Control-Allow-Headers', allowedRequestHeaders(req.headers['access-control-request-headers']));
        res.setHeader('Access-Control-Max-Age', '86400');
      }
      // A refused origin gets no Allow-* headers: the browser then blocks the request.
      res.writeHead(204, { 'Content-Length': '0' });
      res.end();
      return true;
    },
  };
}

// Echo back the requested headers we accept, in the browser's spelling.
function allowedRequestHeaders(requested) {
  const accepted = new Set(ALLOWED_HEADERS.map((name) => name.toLowerCase()));
  const names = String(requested ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  const granted = names.filter((name) => accepted.has(name.toLowerCase()));
  return [...new Set([...ALLOWED_HEADERS, ...granted])].join(', ');
}
