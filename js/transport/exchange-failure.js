// How one exchange fails, worded the same whichever API made it (fetch-exchange.js,
// xhr-exchange.js): a timeout, or a network_error carrying what the API reported.
import * as ErrorCode from '../error-codes.js';
import { MetalockError } from '../errors.js';

// For descriptions: method and path only. Query strings never carry tokens here, but
// keeping them out of messages costs nothing.
function describe(request) {
  try {
    return `${request.method} ${new URL(request.url).pathname}`;
  } catch {
    return request.method;
  }
}

export function timedOut(request, timeoutMs) {
  return new MetalockError({
    code: ErrorCode.timeout,
    description: `${describe(request)} got no response within ${timeoutMs} ms`,
  });
}

export function networkError(request, reason, original) {
  return new MetalockError({ code: ErrorCode.network_error, description: `${describe(request)} failed: ${reason}`, original });
}

// A timer's delay: browsers and Node run a delay past 2^31 - 1 ms at once (and XHR's timeout
// wraps at 2^32), so a longer timeout is held at about 24.8 days instead.
export const timerDelayMs = (timeoutMs) => Math.min(timeoutMs, 2 ** 31 - 1);
