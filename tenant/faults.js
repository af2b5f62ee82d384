// Fault injection for tests of retry and error paths, off by default. Shares are in [0, 1]:
// error429 (a rate-limit response), error5xx (a 503), drop (the connection is destroyed
// without a response); latencyMs delays every response (a number, or [min, max]).
// `seed` makes the sequence of faults reproducible.
import { json, serviceUnavailable } from './http.js';
import { tooManyRequests } from './rate-limit.js';

// mulberry32: a small seeded generator, so a failing run can be replayed.
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function parseFaults(text) {
  const faults = JSON.parse(text);
  if (!faults || typeof faults !== 'object') throw new Error('faults must be a JSON object');
  return faults;
}

export function createFaults(faults = {}) {
  const random = Number.isInteger(faults.seed) ? seededRandom(faults.seed) : Math.random;
  const share = (name) => Math.min(1, Math.max(0, Number(faults[name]) || 0));
  const enabled = share('error429') > 0 || share('error5xx') > 0 || share('drop') > 0 || latency(faults.latencyMs, () => 1) > 0;

  return {
    enabled,
    // -> {delayMs, action: null | 'drop' | a response} for one request of `api`.
    decide(api) {
      const delayMs = latency(faults.latencyMs, random);
      if (random() < share('drop')) return { delayMs, action: 'drop' };
      if (random() < share('error429')) return { delayMs, action: json(429, tooManyRequests(api)) };
      if (random() < share('error5xx')) return { delayMs, action: serviceUnavailable(api, 'Service Unavailable (injected fault)') };
      return { delayMs, action: null };
    },
  };
}

function latency(setting, random) {
  if (Array.isArray(setting)) {
    const [min, max] = setting.map(Number);
    return min + (max - min) * random();
  }
  return Number(setting) || 0;
}
