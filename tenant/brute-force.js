// Auth0's brute-force protection: after `maxAttempts` consecutive failed logins for one user
// from one IP, further logins of that user from that IP are refused (even with the right
// password) until the block expires (`blockSeconds`) or the user's password is changed.
// Other IPs are not affected.
// Counted per identifier for unknown users too, so that blocking does not reveal who exists.
// Kept in memory: a restarted local tenant starts with no blocks.

export const TOO_MANY_ATTEMPTS =
  "Your account has been blocked after multiple consecutive login attempts. We've sent you an email with instructions on how to unblock it.";

export function createBruteForceProtection({ enabled = true, maxAttempts = 10, blockSeconds = 30 * 24 * 3600 } = {}, now) {
  const failures = new Map(); // `${subject}\n${ip}` -> {count, blockedAt}
  const keyOf = (subject, ip) => `${subject}\n${ip}`;

  return {
    isBlocked(subject, ip) {
      if (!enabled) return false;
      const entry = failures.get(keyOf(subject, ip));
      if (!entry || entry.blockedAt === null) return false;
      if (now() - entry.blockedAt >= blockSeconds) {
        failures.delete(keyOf(subject, ip));
        return false;
      }
      return true;
    },
    recordFailure(subject, ip) {
      if (!enabled) return;
      const key = keyOf(subject, ip);
      const entry = failures.get(key) ?? { count: 0, blockedAt: null };
      entry.count += 1;
      if (entry.count >= maxAttempts && entry.blockedAt === null) entry.blockedAt = now();
      failures.set(key, entry);
    },
    // A successful login ends the run of consecutive failures from that IP.
    recordSuccess(subject, ip) {
      failures.delete(keyOf(subject, ip));
    },
    // A password change lifts every block of the user, from every IP.
    unblock(subject) {
      for (const key of failures.keys()) if (key.startsWith(`${subject}\n`)) failures.delete(key);
    },
  };
}
