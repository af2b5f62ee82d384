// Type declarations for the public API of the `metalock` package (design.md, "Public
// JavaScript API"). Hand-written: Emscripten 3.1.6 has no --emit-tsd. The dist step copies
// this file to dist/metalock.d.ts.

/** JSON values as they cross the API. */
export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

// ---------------------------------------------------------------------------------------
// Errors

/** Codes metalock itself decides. Server codes (user_exists, invalid_grant, ...) pass through as the server spelled them. */
export type MetalockErrorCode =
  | 'invalid_json' | 'too_deep' | 'payload_too_large' | 'invalid_body'
  | 'invalid_field_name' | 'reserved_field' | 'empty_metadata' | 'insufficient_scope'
  | 'invalid_field_spec' | 'invalid_option' | 'field_required' | 'too_many_fields'
  | 'field_name_too_long' | 'not_a_string' | 'value_too_long'
  | 'invalid_token' | 'token_expired' | 'token_not_yet_valid' | 'invalid_issuer'
  | 'invalid_audience' | 'invalid_azp' | 'invalid_nonce' | 'auth_time_too_old'
  | 'invalid_argument' | 'invalid_storage' | 'login_required' | 'network_error' | 'timeout'
  | 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'too_many_requests'
  | 'server_error' | 'http_error' | 'unknown_error'
  | 'invalid_value' | 'prefill_failed' | 'wasm_load_failed' | 'internal_error'
  | 'user_exists' | 'invalid_password' | 'invalid_grant' | 'inexistent_user';

export interface MetalockErrorInit {
  code?: string;
  description?: string;
  statusCode?: number;
  original?: unknown;
  field?: string;
}

/** The one error type: every failure of the API rejects or throws one of these. */
export class MetalockError extends Error {
  constructor(init?: MetalockErrorInit);
  readonly name: 'MetalockError';
  /** Stable snake_case code. */
  code: MetalockErrorCode | (string & {});
  /** Human-readable text (also `message`); the Management API's `message` when from there. */
  description: string;
  /** The HTTP status, when the error came from a server. */
  statusCode?: number;
  /** The server's body (object, or text when it was not JSON), or the wrapped cause. */
  original?: unknown;
  /** The offending field or path, when there is one. */
  field?: string;
  /** Any thrown value as a MetalockError (itself when it already is one). */
  static from(error: unknown, code?: string): MetalockError;
}

// ---------------------------------------------------------------------------------------
// Users and profiles

/** A normalized profile: every claim kept, metadata always present ({} when none). */
export interface UserProfile {
  sub?: string;
  user_id?: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  nickname?: string;
  given_name?: string;
  family_name?: string;
  picture?: string;
  updated_at?: string;
  user_metadata: JsonObject;
  app_metadata: JsonObject;
  [claim: string]: unknown;
}

/** A PATCH /api/v2/users/{id} body. */
export interface MetadataPatch {
  user_metadata?: { [key: string]: JsonValue };
  app_metadata?: { [key: string]: JsonValue };
  [field: string]: unknown;
}

/** user_metadata keys to set; `null` deletes a key. Nested values replace wholesale. */
export type MetadataChanges = { [key: string]: JsonValue };

// ---------------------------------------------------------------------------------------
// Sign-up fields (Lock's additionalSignUpFields)

export type FieldValidatorResult = boolean | { valid: boolean; hint?: string };
/** prefill as a function: Lock's (callback) form. */
export type PrefillFunction = (callback: (error: unknown, value?: string) => void) => void;

interface SignupFieldBase {
  /** ^[a-zA-Z0-9_]+$; not email, username or password. */
  name: string;
  ariaLabel?: string;
  /** 'root' stores given_name, family_name, name, nickname or picture at the root of the user. */
  storage?: 'root';
}

export interface TextSignupField extends SignupFieldBase {
  type?: 'text';
  placeholder: string;
  prefill?: string | PrefillFunction;
  validator?: (value: string) => FieldValidatorResult;
  icon?: string;
}

export interface SelectSignupField extends SignupFieldBase {
  type: 'select';
  placeholder: string;
  options: Array<{ label: string; value: string }>;
  prefill?: string | PrefillFunction;
  icon?: string;
}

export interface CheckboxSignupField extends SignupFieldBase {
  type: 'checkbox';
  placeholder: string;
  prefill?: 'true' | 'false' | PrefillFunction;
  validator?: (value: string) => FieldValidatorResult;
}

export interface HiddenSignupField extends SignupFieldBase {
  type: 'hidden';
  value: string;
}

export type SignupField = TextSignupField | SelectSignupField | CheckboxSignupField | HiddenSignupField;

/** Values keyed by field name. Checkboxes may be given as booleans. */
export type SignupValues = { [name: string]: string | boolean };

/** The POST /dbconnections/signup body. */
export interface SignupBody {
  client_id: string;
  connection: string;
  email: string;
  password: string;
  username?: string;
  given_name?: string;
  family_name?: string;
  name?: string;
  nickname?: string;
  picture?: string;
  user_metadata?: { [key: string]: string };
  [field: string]: unknown;
}

/** The fields of the base body mapSignupFields builds on. */
export interface SignupBase {
  client_id: string;
  connection: string;
  email: string;
  password: string;
  username?: string;
  [field: string]: unknown;
}

// ---------------------------------------------------------------------------------------
// The client

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

export interface ClientOptions {
  /** 'tenant.auth0.com', 'https://tenant.auth0.com' or 'http://127.0.0.1:3000'. */
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
  /** The namespaced claim lifted into profile.user_metadata. */
  userMetadataClaim?: string;
  /** The namespaced claim lifted into profile.app_metadata. */
  appMetadataClaim?: string;
  /** Per-request timeout (default 10000 ms). */
  timeoutMs?: number;
  /** A fetch implementation (default globalThis.fetch). */
  fetch?: typeof fetch;
  retry?: RetryOptions;
}

export interface SignupOptions {
  connection: string;
  email: string;
  password: string;
  username?: string;
  additionalSignUpFields?: SignupField[];
  values?: SignupValues;
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
  /** Forgets the stored tokens. */
  logout(): Promise<void>;
}

export function createClient(options: ClientOptions): Promise<Client>;

// ---------------------------------------------------------------------------------------
// Pure helpers over the core (no network). They wait for the wasm module to load.

/** The minimal PATCH body turning `before` into `after` (user_metadata objects), or null. */
export function buildMetadataPatch(before: JsonObject, after: JsonObject): Promise<MetadataPatch | null>;
/** The user after Auth0's PATCH semantics. */
export function applyMetadataPatch<U extends object>(user: U, patch: MetadataPatch): Promise<U & { user_metadata?: JsonObject; app_metadata?: JsonObject }>;
/** The /dbconnections/signup body (validators and prefill functions are run first). */
export function mapSignupFields(fields: SignupField[], values: SignupValues, base: SignupBase): Promise<SignupBody>;

// ---------------------------------------------------------------------------------------
// The Lock-style widget

export interface LockAuthOptions {
  audience?: string;
  /** Lock's `auth.params`: scope, audience. */
  params?: { scope?: string; audience?: string; [param: string]: unknown };
  redirect?: boolean;
  responseType?: string;
}

export interface LockOptions {
  /** The id of an element to render into (inline mode) instead of a modal. */
  container?: string;
  allowedConnections?: string[];
  defaultDatabaseConnection?: string;
  additionalSignUpFields?: SignupField[];
  allowSignUp?: boolean;
  allowLogin?: boolean;
  initialScreen?: 'login' | 'signUp';
  closable?: boolean;
  autoclose?: boolean;
  autofocus?: boolean;
  rememberLastLogin?: boolean;
  auth?: LockAuthOptions;
  languageDictionary?: { [key: string]: unknown };
  theme?: { logo?: string; primaryColor?: string };
  /** As in ClientOptions. */
  cacheLocation?: CacheLocation;
  leeway?: number;
  userMetadataClaim?: string;
  appMetadataClaim?: string;
  [option: string]: unknown;
}

export interface LockShowOptions {
  initialScreen?: 'login' | 'signUp';
  flashMessage?: { type: 'success' | 'error' | 'info'; text: string };
  [option: string]: unknown;
}

export interface LockEvents {
  authenticated: (authResult: AuthResult) => void;
  authorization_error: (error: MetalockError) => void;
  unrecoverable_error: (error: MetalockError) => void;
  show: () => void;
  hide: () => void;
  'signin submit': (...args: unknown[]) => void;
  'signup submit': (...args: unknown[]) => void;
  'signup success': (result: SignupResult) => void;
  'signup error': (error: MetalockError) => void;
}

export class Lock {
  constructor(clientId: string, domain: string, options?: LockOptions);
  on<E extends keyof LockEvents>(event: E, listener: LockEvents[E]): this;
  on(event: string, listener: (...args: any[]) => void): this;
  show(options?: LockShowOptions): void;
  hide(): void;
  logout(options?: { [option: string]: unknown }): void;
  getUserInfo(accessToken: string, callback: ProfileCallback): void;
}
