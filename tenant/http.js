// Request bodies in, responses out. Handlers return plain response objects
// ({status, json} | {status, text} with optional headers); this module writes them.

export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLarge extends Error {}

export function readBody(req, limit = MAX_BODY_BYTES) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge(`Payload content length greater than maximum allowed: ${limit}`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function mediaType(req) {
  return String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

// JSON or application/x-www-form-urlencoded, as Auth0's endpoints accept both.
// Returns {ok: true, value} or {ok: false, reason}.
export function parseBody(req, text) {
  const type = mediaType(req);
  if (type === 'application/x-www-form-urlencoded') {
    return { ok: true, value: Object.fromEntries(new URLSearchParams(text)) };
  }
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, reason: 'Invalid request payload JSON format' };
  }
}

export function json(status, body, headers = {}) {
  return { status, json: body, headers };
}

export function text(status, body, headers = {}) {
  return { status, text: body, headers };
}

export function send(res, response) {
  if (res.writableEnded || res.destroyed) return;
  for (const [name, value] of Object.entries(response.headers ?? {})) res.setHeader(name, value);
  if (response.json !== undefined) {
    const payload = JSON.stringify(response.json);
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', Buffer.byteLength(payload));
    res.writeHead(response.status);
    res.end(payload);
    return;
  }
  const payload = response.text ?? '';
  if (payload !== '') res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(payload));
  res.writeHead(response.status);
  res.end(payload);
}

// Auth0's Management API error shape.
export function managementError(status, message, errorCode) {
  const body = { statusCode: status, error: REASONS[status] ?? 'Error', message };
  if (errorCode) body.errorCode = errorCode;
  return json(status, body);
}

// Auth0's Authentication API (OAuth) error shape.
export function authError(status, error, description) {
  return json(status, { error, error_description: description });
}

// A 503 in the shape of the route's API: injected faults, and a data disk that is full.
export function serviceUnavailable(api, message) {
  return api === 'management'
    ? managementError(503, message)
    : authError(503, 'temporarily_unavailable', message);
}

// Auth0's /dbconnections error shape.
export function signupError(status, code, description, name = 'BadRequestError') {
  return json(status, { name, code, description, statusCode: status });
}

export const REASONS = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  413: 'Request Entity Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};
