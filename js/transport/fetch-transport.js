// Sends the requests the core describes with fetch, and hands every response to the core
// (core.parseResponse) to be parsed or normalized into a MetalockError. Adds what only I/O
// can know: a timeout, and retries (retry-policy.js). Every failure ends as a MetalockError
// with a code: timeout, network_error, or the server's normalized error.
import { MetalockError } from '../errors.js';
import { backoffDelayMs, rateLimitDelayMs, retryDefaults } from './retry-policy.js';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// fetch's Headers (or a plain object from a custom fetch) -> {lower-case name: value}.
function headerObject(headers) {
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

// For descriptions: method and path only. Query strings never carry tokens here, but
// keeping them out of messages costs nothing.
function describe(request) {
  try {
    return `${request.method} ${new URL(request.url).pathname}`;
  } catch {
    return request.method;
  }
}

export function createTransport({ core, fetch, timeoutMs, retry = {} }) {
  const fetchImpl = fetch ?? ((...args) => globalThis.fetch(...args));   // unbound fetch throws in browsers
  const policy = { ...retryDefaults, ...retry };

  async function attempt(request) {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const response = await fetchImpl(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body === '' ? undefined : request.body,
        signal: controller.signal,
      });
      const body = await response.text();   // under the same timeout
      return { status: response.status, headers: headerObject(response.headers), body };
    } catch (error) {
      if (timedOut) {
        throw new MetalockError({
          code: 'timeout',
          description: `${describe(request)} got no response within ${timeoutMs} ms`,
        });
      }
      const reason = error?.cause?.code ?? error?.cause?.message ?? error?.message ?? String(error);
      throw new MetalockError({ code: 'network_error', description: `${describe(request)} failed: ${reason}` });
    } finally {
      clearTimeout(timer);
    }
  }

  // -> the parsed 2xx body (null when empty); throws MetalockError.
  async function send(request, { idempotent = false } = {}) {
    for (let tries = 0; ; tries += 1) {
      const canRetry = tries < policy.maxRetries;
      let response;
      try {
        response = await attempt(request);
      } catch (error) {
        if (idempotent && canRetry) {
          await sleep(backoffDelayMs(tries, policy.backoffMs));
          continue;
        }
        throw error;
      }
      if (response.status === 429 && canRetry) {
        const wait = rateLimitDelayMs(response.headers, Date.now()) ?? backoffDelayMs(tries, policy.backoffMs);
        if (wait <= policy.maxWaitMs) {
          await sleep(wait);
          continue;
        }
      } else if (response.status >= 500 && idempotent && canRetry) {
        await sleep(backoffDelayMs(tries, policy.backoffMs));
        continue;
      }
      return core.parseResponse(response);
    }
  }

  return { send };
}
