// Per-endpoint-group rate limits with Auth0's headers: X-RateLimit-Limit, -Remaining and
// -Reset (epoch seconds at which the window starts over). A fixed window per group: the
// tenant serves one machine, so one bucket per endpoint group, as Auth0 keeps per tenant.

export function createRateLimiter(rules, now = () => Date.now()) {
  const windows = new Map();

  function ruleFor(group) {
    return rules[group] ?? rules.default;
  }

  return {
    // -> {allowed, headers}
    take(group) {
      const rule = ruleFor(group);
      const nowMs = now();
      let window = windows.get(group);
      if (!window || nowMs >= window.resetsAt) {
        window = { used: 0, resetsAt: nowMs + rule.windowSeconds * 1000 };
        windows.set(group, window);
      }
      const allowed = window.used < rule.limit;
      if (allowed) window.used += 1;
      return {
        allowed,
        headers: {
          'X-RateLimit-Limit': String(rule.limit),
          'X-RateLimit-Remaining': String(Math.max(0, rule.limit - window.used)),
          'X-RateLimit-Reset': String(Math.ceil(window.resetsAt / 1000)),
        },
      };
    },
  };
}

// The 429 bodies, as each of Auth0's APIs spells them.
export function tooManyRequests(api) {
  if (api === 'management') {
    return {
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Global limit has been reached',
      errorCode: 'too_many_requests',
    };
  }
  return { error: 'too_many_requests', error_description: 'Global limit has been reached' };
}
