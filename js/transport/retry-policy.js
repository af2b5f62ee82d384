// When to try a request again and how long to wait first.
//
// A 429 means the server did not act on the request, so any request may be sent again
// once the window resets. A network error, a timeout or a 5xx leaves it unknown whether
// the server acted, so only idempotent requests (GET, and the metadata PATCH whose
// top-level merge gives the same result twice) are retried then.

export const retryDefaults = Object.freeze({
  maxRetries: 3,          // extra attempts after the first
  maxWaitMs: 10_000,      // a 429 asking for a longer wait fails at once instead
  backoffMs: 250,         // first backoff after a network error / 5xx; doubles each time
});

function header(headers, name) {
  const value = headers[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

// Retry-After (delta seconds or HTTP date), else X-RateLimit-Reset (epoch seconds, as
// Auth0 sends it). headers: a plain object with lower-case names. undefined when neither
// header says anything usable.
export function rateLimitDelayMs(headers, nowMs) {
  const retryAfter = header(headers, 'retry-after');
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - nowMs);
  }
  const reset = header(headers, 'x-ratelimit-reset');
  if (reset !== undefined) {
    const epochSeconds = Number(reset);
    if (Number.isFinite(epochSeconds)) return Math.max(0, epochSeconds * 1000 - nowMs);
  }
  return undefined;
}

// Exponential backoff with jitter (half fixed, half random), so that clients that failed
// together do not come back together.
export function backoffDelayMs(attempt, baseMs) {
  const ceiling = baseMs * 2 ** attempt;
  return ceiling / 2 + Math.random() * (ceiling / 2);
}
