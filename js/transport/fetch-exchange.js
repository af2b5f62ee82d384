// One exchange by fetch (the app's own, or globalThis.fetch where XMLHttpRequest is absent)
// under the timeout -> {status, headers, body}, or a MetalockError timeout / network_error.
import { headerObject } from './header-object.js';
import { networkError, timedOut, timerDelayMs } from './exchange-failure.js';

const TIMED_OUT = Symbol('timed out');

// The race (not only the abort signal) bounds the exchange even when a custom fetch ignores
// the signal.
export async function fetchExchange(fetchImpl, request, timeoutMs) {
  const controller = new AbortController();
  let timer;
  const expired = new Promise((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(TIMED_OUT);
    }, timerDelayMs(timeoutMs));
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
      throw networkError(request, error?.cause?.code ?? error?.cause?.message ?? error?.message ?? String(error), error);
    }
  } finally {
    clearTimeout(timer);
  }
  throw timedOut(request, timeoutMs);
}
