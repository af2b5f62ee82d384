// Type declarations of `metalock/tenant` (dist/tenant.js): the local tenant started from
// code, e.g. by a test suite. Node only. See docs/tenant.md.

export interface TenantClient {
  clientId: string;
  /** 'spa' (no secret) or 'machine' (client_credentials with `secret`). */
  type: 'spa' | 'machine';
  name?: string;
  secret?: string;
  /** Origins allowed by CORS besides loopback ones. */
  allowedOrigins?: string[];
  /** The namespaced /userinfo claim that carries user_metadata (as an Auth0 Action adds it). */
  userMetadataClaim?: string;
  appMetadataClaim?: string;
  /** Application metadata under Auth0's rules: at most 10 string values (names, values <= 255 chars). */
  client_metadata?: Record<string, string>;
}

export interface TenantDatabaseConnection {
  name: string;
  strategy?: 'auth0';
  passwordPolicy?: 'none' | 'low' | 'fair' | 'good' | 'excellent';
  requiresUsername?: boolean;
}

/** A provider profile of an upstream connection (the provider's side of its users). */
export interface UpstreamProfile {
  id: string | number;
  email: string;
  password: string;
  email_verified?: boolean;
  name?: string;
  given_name?: string;
  family_name?: string;
  nickname?: string;
  picture?: string;
}

/** Stands in for a social or enterprise identity provider. */
export interface TenantUpstreamConnection {
  name: string;
  strategy: 'upstream';
  /** Auth0's connection option: refresh root attributes at each login (default) or set them once. */
  set_user_root_attributes?: 'on_each_login' | 'on_first_login';
  profiles: UpstreamProfile[];
}

export type TenantConnection = TenantDatabaseConnection | TenantUpstreamConnection;

/** One custom claim a post-login Action would add. */
export interface PostLoginClaim {
  /** Namespaced (https://...) or private; Auth0's restricted and standard claims are refused. */
  claim: string;
  /** 'user_metadata' | 'app_metadata' | 'client_metadata', whole or one property ('user_metadata.hobby'). */
  from: string;
  idToken?: boolean;
  accessToken?: boolean;
}

export interface TenantUser {
  email: string;
  password: string;
  user_id?: string;
  username?: string;
  given_name?: string;
  family_name?: string;
  name?: string;
  nickname?: string;
  picture?: string;
  user_metadata?: Record<string, unknown>;
  app_metadata?: Record<string, unknown>;
  /** MFA providers configured for the user, shown by GET /api/v2/users/{id}. */
  multifactor?: string[];
  [attribute: string]: unknown;
}

export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

/** Shares in [0, 1]; latencyMs a number or [min, max]; seed makes the mix repeatable. */
export interface TenantFaults {
  error429?: number;
  error5xx?: number;
  drop?: number;
  latencyMs?: number | [number, number];
  seed?: number | null;
}

/** Overrides of the defaults: lists replace them, maps merge with them. */
export interface TenantConfig {
  clients?: TenantClient[];
  connections?: TenantConnection[];
  defaultConnection?: string;
  users?: TenantUser[];
  rateLimits?: Partial<Record<'default' | 'discovery' | 'token' | 'userinfo' | 'signup' | 'users' | 'clients' | 'jobs', RateLimit>>;
  /** Custom claims copied from metadata into tokens and /userinfo, as a post-login Action would. */
  postLogin?: { claims: PostLoginClaim[] };
  faults?: TenantFaults;
  tokens?: { accessTokenLifetime?: number; idTokenLifetime?: number };
  storage?: { compactEvery?: number };
  corsLoopback?: boolean;
  /** Auth0's: after maxAttempts failed logins of a user from one IP, 429 too_many_attempts for blockSeconds. */
  bruteForceProtection?: { enabled?: boolean; maxAttempts?: number; blockSeconds?: number };
}

export interface TenantOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Where users, refresh tokens and the signing key persist (default '.tenant-data'). One tenant per folder. */
  dataDir?: string;
  config?: TenantConfig;
  faults?: TenantFaults;
  /** One line per request (method, path, status); off by default. */
  log?: (line: string) => void;
  /** Failures (never a body or a header); default: stderr. */
  logError?: (line: string) => void;
}

export interface Tenant {
  /** http://127.0.0.1:PORT (no trailing slash). */
  url: string;
  port: number;
  /** url + '/'. */
  issuer: string;
  /** url + '/api/v2/'. */
  managementAudience: string;
  /** The configuration in force (defaults + overrides). */
  config: Required<TenantConfig>;
  /** Stops listening, ends open connections and releases the data folder. */
  close(): Promise<void>;
}

export const DEFAULT_DATA_DIR: string;

export function createTenant(options?: TenantOptions): Promise<Tenant>;
