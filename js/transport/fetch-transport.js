// Sends the requests the core describes with fetch, and hands every response to the core
// (core.parseResponse) to be parsed or normalized into a MetalockError. Adds what only I/O
// can know: a timeout, and retries (retry-policy.js). Every failure ends as a MetalockError
// with a code: timeout, network_error, or the server's normalized error.
import * as ErrorCode from '../error-codes.js';
import { MetalockError } from '../errors.js';
import { headerObject } from './header-object.js';
import { backoffDelayMs, rateLimitDelayMs, retryDefaults } from './retry-policy.js';

const TIMED_OUT = Symbol('timed out');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

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

  // One exchange under the timeout. The race (not only the abort signal) bounds it even when
  // a custom fetch ignores the signal.
  async function attempt(request) {
    const controller = new AbortController();
    let timer;
    const expired = new Promise((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        resolve(TIMED_OUT);
      }, timeoutMs);
    });
    const exchange = (async () => {
      const response = await fetchImpl(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body === '' ? undefined : request.body,
        signal: controller.signal,
      });
      const body = await response.text();   // under the same timeout
      return { status: response.status, headers: headerObject(response.headers), body };
    })();
    exchange.catch(() => {});   // after a timeout nobody waits for it any more
    try {
      const outcome = await Promise.race([exchange, expired]);
      if (outcome !== TIMED_OUT) return outcome;
    } catch (error) {
      if (!controller.signal.aborted) {
        const reason = error?.cause?.code ?? error?.cause?.message ?? error?.message ?? String(error);
        throw new MetalockError({ code: ErrorCode.network_error, description: `${describe(request)} failed: ${reason}`, original: error });
      }
    } finally {
      clearTimeout(timer);
    }
    throw new MetalockError({
      code: ErrorCode.timeout,
      description: `${describe(request)} got no response within ${timeoutMs} ms`,
    });
  }

  // Auth0's brute-force protection answers a blocked login with a 429 too_many_attempts:
  // not a rate limit, since waiting does not lift it, so it is not retried. The core reads it.
  function isAccountBlock(response) {
    try {
      core.parseResponse(response);
      return false;
    } catch (error) {
      return error?.code === ErrorCode.too_many_attempts;
    }
  }

  // -> what read(response) makes of the final response: by default the parsed 2xx body (null
  // when empty); a caller may have the core read it into something else in the same crossing
  // (core.profileResponse). Throws MetalockError.
  async function send(request, { idempotent = false, read = core.parseResponse } = {}) {
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
      if (response.status === 429 && canRetry && !isAccountBlock(response)) {
        const wait = rateLimitDelayMs(response.headers, Date.now()) ?? backoffDelayMs(tries, policy.backoffMs);
        if (wait <= policy.maxWaitMs) {
          await sleep(wait);
          continue;
        }
      } else if (response.status >= 500 && idempotent && canRetry) {
        await sleep(backoffDelayMs(tries, policy.backoffMs));
        continue;
      }
      return read(response);
    }
  }

  return { send };
}
