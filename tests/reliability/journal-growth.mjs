// How much the tenant's journal grows per login of a user with 1 MB of user_metadata, and
// whether what was journaled survives a restart.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { adminToken, call, login, startTenant, tempDir, userPath } from '../js/support/tenant.js';

const EMAIL = 'big@example.com';
const PASSWORD = 'Str0ng-Passw0rd';
const USER_ID = 'auth0|big';

export async function journalGrowth({ logins = 1000, metadataBytes = 1_000_000 } = {}) {
  const dataDir = tempDir('journal');
  const blob = 'x'.repeat(metadataBytes);
  const config = {
    users: [{ email: EMAIL, password: PASSWORD, user_id: USER_ID, user_metadata: { blob } }],
    storage: { compactEvery: logins * 10 },   // no snapshot in between: every record stays in the journal
  };
  let tenant = await startTenant({ dataDir, config });
  const journal = join(dataDir, 'journal.jsonl');
  let grownBytes;
  try {
    const before = statSync(journal).size;
    for (let i = 0; i < logins; i += 1) {
      const response = await login(tenant, { username: EMAIL, password: PASSWORD });
      if (response.status !== 200) throw new Error(`login ${i + 1} failed: ${response.text}`);
    }
    grownBytes = statSync(journal).size - before;
  } finally {
    await tenant.stop();
  }
  tenant = await startTenant({ dataDir, config });
  try {
    const user = await call(tenant.url, userPath(USER_ID), { token: await adminToken(tenant) });
    return {
      logins,
      metadataBytes,
      journalBytes: grownBytes,
      bytesPerLogin: grownBytes / logins,
      loginsAfterRestart: user.body.logins_count,
      metadataIntact: user.body.user_metadata?.blob === blob,
    };
  } finally {
    await tenant.stop();
  }
}
