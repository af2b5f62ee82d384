// `metalock/tenant` as a consumer's test suite uses it, resolved via package.json "exports"
// -> dist/tenant.d.ts (a missing declaration would be TS7016 under strict).
import { createTenant, DEFAULT_DATA_DIR, type Tenant, type TenantConfig } from 'metalock/tenant';

function expectType<T>(_value: T): void {}

async function main(): Promise<void> {
  const config: TenantConfig = {
    users: [{ email: 'ada@example.com', password: 'Str0ng-Passw0rd', user_metadata: { theme: 'dark' } }],
    rateLimits: { token: { limit: 30, windowSeconds: 60 } },
    faults: { error5xx: 0.2, latencyMs: [0, 200], seed: 1 },
    clients: [{ clientId: 'app', type: 'spa', client_metadata: { homepage: 'https://app.example.com' } }],
    connections: [
      { name: 'Username-Password-Authentication' },
      { name: 'acme-idp', strategy: 'upstream', set_user_root_attributes: 'on_first_login',
        profiles: [{ id: 'u-1', email: 'ada@acme.example', password: 'x', name: 'Ada' }] },
    ],
    postLogin: { claims: [{ claim: 'https://app.example.com/prefs', from: 'user_metadata', idToken: true }] },
  };
  const tenant: Tenant = await createTenant({ port: 0, dataDir: DEFAULT_DATA_DIR, config });
  expectType<string>(tenant.url);
  expectType<string>(tenant.managementAudience);
  await tenant.close();

  // @ts-expect-error the port is a number
  await createTenant({ port: '3000' });
  // @ts-expect-error not one of Auth0's sync options
  await createTenant({ config: { connections: [{ name: 'x', strategy: 'upstream', set_user_root_attributes: 'never', profiles: [] }] } });
  // @ts-expect-error not a password policy
  await createTenant({ config: { connections: [{ name: 'x', passwordPolicy: 'strong' }] } });
}

void main;
