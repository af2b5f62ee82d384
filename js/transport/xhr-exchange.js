// One exchange by XMLHttpRequest -> {status, headers, body}, or a MetalockError timeout /
// network_error, as fetchExchange. Browsers use it when the app gives no fetch of its own: in
// Chromium a request by XHR costs the page less main-thread time than the same one by fetch
// (README Performance, end to end), and XHR bounds the whole exchange by itself (its
// timeout covers the body too), with no AbortController, timer or race to set up.
import { headersFromBlock } from './header-object.js';
import { networkError, timedOut, timerDelayMs } from './exchange-failure.js';

export const xhrAvailable = () => typeof XMLHttpRequest === 'function';

export function xhrExchange(request, timeoutMs) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.onload = () => resolve({ status: xhr.status, headers: headersFromBlock(xhr.getAllResponseHeaders()), body: xhr.responseText });
    // XHR says nothing about why (CORS, DNS, a dropped connection look alike to a page).
    xhr.onerror = (event) => reject(networkError(request, 'network error', event));
    xhr.ontimeout = () => reject(timedOut(request, timeoutMs));
    // The page can abort it too (window.stop(), some navigations): then no other event comes.
    xhr.onabort = (event) => reject(networkError(request, 'aborted', event));
    try {
      xhr.open(request.method, request.url);
      for (const [name, value] of Object.entries(request.headers ?? {})) xhr.setRequestHeader(name, value);
      xhr.timeout = timerDelayMs(timeoutMs);
      xhr.send(request.body === '' ? null : request.body);
    } catch (error) {
      // A request the browser refuses to send (a bad URL or header): fetch rejects these too.
      reject(networkError(request, error?.message ?? String(error), error));
    }
  });
}
