// The client: createClient, its options and what its methods take and resolve.

import type { MetalockError } from './errors.js';
import type { MetadataChanges, UserProfile } from './user.js';
import type { SignupField, SignupValues } from './signup.js';
import type { WasmSource } from './wasm.js';

/** A custom token store. Methods may be synchronous or return promises; values are strings. */
export interface TokenStore {
  get(key: string): string | null | undefined | Promise<string | null | undefined>;
  set(key: string, value: string): void | Promise<void>;
  remove(key: string): void | Promise<void>;
}

export type CacheLocation = 'memory' | 'localstorage' | 'sessionstorage' | TokenStore;

export interface RetryOptions {
  /** Extra attempts after the first (default 3). */
  maxRetries?: number;
  /** A 429 asking for a longer wait fails at once (default 10000 ms). */
  maxWaitMs?: number;
  /** First backoff after a network error or 5xx of an idempotent request; doubles (default 250 ms). */
  backoffMs?: number;
}

/** The providers Auth0's DELETE /api/v2/users/{id}/multifactor/{provider} accepts. */
export type MultifactorProvider = 'duo' | 'google-authenticator';

export interface ClientOptions {
  /** 'tenant.auth0.com', 'https://tenant.auth0.com' or 'http://127.0.0.1:3000' (http:// for loopback hosts only). */
  domain: string;
  clientId: string;
  /** API audience for login's tokens; `${base}/api/v2/` gives getUser/updateUserMetadata their token. */
  audience?: string;
  /** Default 'openid profile email'. */
  scope?: string;
  /** Where tokens are kept (default 'memory'). */
  cacheLocation?: CacheLocation;
  /** Seconds of clock skew allowed; tokens count as expired this early (default 60). */
  leeway?: number;
  /**
   * The namespaced claim lifted into profile.user_metadata. Default: the one claim whose name
   * is an http(s) URL ending in `/user_metadata`, when exactly one is there.
   */
  userMetadataClaim?: string;
  /** The namespaced claim lifted into profile.app_metadata (default: detected as for user_metadata). */
  appMetadataClaim?: string;
  /** Per-request timeout (default 10000 ms). */
  timeoutMs?: number;
  /** A fetch implementation (default: XMLHttpRequest in browsers, else globalThis.fetch). */
  fetch?: typeof fetch;
  /** The clock token expiry and ID token times are judged by, in epoch milliseconds (default Date.now). */
  now?: () => number;
  retry?: RetryOptions;
  /** Where the .wasm comes from when a bundler does not serve it next to the module (see init). */
  wasm?: WasmSource;
}

export interface SignupOptions {
  connection: string;
  email: string;
  password: string;
  username?: string;
  additionalSignUpFields?: SignupField[];
  values?: SignupValues;
  /** auth0-js's form: sent with the fields' values, under the same limits (10 string properties). */
  user_metadata?: { [key: string]: string };
}

/** The tenant's sign-up response. */
export interface SignupResult {
  _id?: string;
  email?: string;
  email_verified?: boolean;
  username?: string;
  user_metadata?: { [key: string]: string };
  [field: string]: unknown;
}

export interface LoginOptions {
  username: string;
  password: string;
  /** The connection (password-realm grant). */
  realm: string;
  audience?: string;
  scope?: string;
}

export interface IdTokenClaims {
  iss: string;
  sub: string;
  aud: string | string[];
  exp: number;
  iat: number;
  nbf?: number;
  azp?: string;
  nonce?: string;
  auth_time?: number;
  [claim: string]: unknown;
}

export interface AuthResult {
  accessToken: string;
  idToken?: string;
  /** Seconds, as the server sent it. */
  expiresIn: number;
  /** The granted scope. */
  scope: string;
  tokenType: string;
  /** The ID token's checked claims (when an ID token came back). */
  idTokenPayload?: IdTokenClaims;
  refreshToken?: string;
}

export type ProfileCallback = (error: MetalockError | null, profile?: UserProfile) => void;

export interface Client {
  /** POST /dbconnections/signup. */
  signup(options: SignupOptions): Promise<SignupResult>;
  /** The password-realm grant; tokens are cached under the requested audience and scope. */
  login(options: LoginOptions): Promise<AuthResult>;
  /** GET /userinfo, with the given token or the cached one. */
  getUserInfo(accessToken?: string): Promise<UserProfile>;
  /** Lock's callback form. */
  getUserInfo(accessToken: string | undefined, callback: ProfileCallback): void;
  getUserInfo(callback: ProfileCallback): void;
  /** GET /api/v2/users/{id}; the id defaults to the logged-in user. */
  getUser(userId?: string): Promise<UserProfile>;
  /**
   * PATCH /api/v2/users/{id} with the user_metadata changes as given (null deletes a key;
   * never diffed against a local copy, so a repeated write is sent again). Validated before
   * any request; an empty change set sends no PATCH (never `{}`) and resolves the user as
   * the server has it (one GET).
   */
  updateUserMetadata(changes: MetadataChanges): Promise<UserProfile>;
  updateUserMetadata(userId: string, changes: MetadataChanges): Promise<UserProfile>;
  /**
   * DELETE /api/v2/users/{id}/multifactor/{provider}; the id defaults to the logged-in user.
   * Needs a Management API token with update:users: otherwise `insufficient_scope` before
   * any request (as is a provider Auth0 does not name: `invalid_argument`).
   */
  deleteMultifactorProvider(provider: MultifactorProvider, userId?: string): Promise<void>;
  /** Forgets the stored tokens. */
  logout(): Promise<void>;
}

export function createClient(options: ClientOptions): Promise<Client>;
