// The core as js/core/facade.js offers it to the rest of js/ (MetalockCore, the browser module)
// and to the tenant (MetalockTenantCore): one method per binding of wasm/contract.json, same
// names, same results (tests/js/core-contract.test.js keeps the three in step; tsc checks
// facade.js against this file). Arguments are JS values:
// the facade turns them into the text the binding takes. Every method throws a MetalockError
// when the core answers with an error envelope. Not part of the package's public types.
import type { JsonObject, JsonValue } from '../types/json.js';

/** What a metadata patch is validated against (validatePatch, patchUserRequest). */
export interface PatchPolicyOptions { scope?: string; subject?: string; userId?: string; allowClear?: boolean; storedUserMetadata?: JsonObject }

/** A request the core describes and the transport sends. */
export interface HttpRequest {
  method: string;
  url: string;
  headers: { [name: string]: string };
  body: string;
}

/** One cached token set (sdk/include/metalock/token_cache.hpp). */
export interface TokenEntry {
  clientId: string;
  audience: string;
  scope: string;
  accessToken: string;
  idToken: string;
  refreshToken: string;
  tokenType: string;
  expiresAt: number;
  idTokenClaims: JsonValue;
  /** The store key the entry lives under. */
  storageKey: string;
}

export interface TokenKey { clientId?: string; audience?: string; scope?: string }

export interface DecodedJwt { header: JsonObject; payload: JsonObject }

export interface MetalockCore {
  merge(user: unknown, patch: unknown): JsonObject;
  /** The PATCH body, or null when nothing changed. */
  diff(before: unknown, after: unknown): JsonObject | null;
  validatePatch(patch: unknown, policy?: PatchPolicyOptions): true;
  /** Whether a token with this scope may remove the user's `provider` MFA configuration; refusals throw. */
  validateMultifactorDeletion(provider: unknown, options?: { scope?: string }): true;
  deleteMultifactorRequest(base: unknown, userId: unknown, provider: unknown, accessToken: unknown): HttpRequest;
  mapSignup(fields: unknown, values?: unknown, base?: unknown): JsonObject;
  /** Lock's specs as the core reads them (Lock's member names, every member present). */
  parseSignupFields(specs: unknown): JsonObject[];
  /** One spec and the form's values -> the value that would be sent; the field's error throws. */
  checkSignupField(spec: unknown, values?: unknown): JsonValue;

  decodeJwt(token: unknown): DecodedJwt;
  verifyIdTokenClaims(token: unknown, expectations?: JsonObject): JsonObject;

  baseUrl(domain: unknown): string;
  userinfoRequest(base: unknown, accessToken: unknown): HttpRequest;
  jwksRequest(base: unknown): HttpRequest;
  passwordRealmRequest(base: unknown, grant?: JsonObject): HttpRequest;
  refreshTokenRequest(base: unknown, options?: JsonObject): HttpRequest;
  signupRequest(base: unknown, body: unknown): HttpRequest;
  getUserRequest(base: unknown, userId: unknown, accessToken: unknown): HttpRequest;
  patchUserRequest(base: unknown, userId: unknown, patch: unknown, accessToken: unknown, policy?: PatchPolicyOptions): HttpRequest;
  /** The parsed 2xx body (null when empty); an error status throws the normalized error. */
  parseResponse(response?: { status?: number; headers?: { [name: string]: string }; body?: unknown }): JsonValue;
  profileResponse(response: { status?: number; headers?: { [name: string]: string }; body?: unknown }, options?: { userMetadataClaim?: string; appMetadataClaim?: string }): JsonObject;

  /** stored: the texts read from the store, one per entry (null for a missing one). */
  cacheGet(stored: (string | null)[] | undefined, key: TokenKey | undefined, nowSeconds: number, leeway?: number): TokenEntry | null;
  cachePut(tokenResponseBody: unknown, key: TokenKey | undefined, nowSeconds: number):
    { storageKey: string; serialized: string; entry: TokenEntry };
  cacheRefreshToken(stored: (string | null)[] | undefined, key?: TokenKey): string | null;
  /** The manifest text after adding and removing store keys. */
  cacheManifest(manifest: unknown, change?: { add?: string[]; remove?: string[] }): { keys: string[]; serialized: string };
}

/**
 * The tenant module's core (tenant/core.js): the browser's bindings and the ones only the local
 * tenant calls (wasm/contract.json "modules"). Pages never load these.
 */
export interface MetalockTenantCore extends MetalockCore {
  scopeContains(scope: unknown, required: unknown): boolean;
  validateClientMetadata(metadata: unknown): true;
  /** The client's metadata after a PATCH /api/v2/clients/{id} client_metadata change. */
  applyClientMetadataPatch(current: unknown, changes: unknown): JsonObject;
  checkCustomClaim(name: unknown): { namespaced: boolean; inAuth0ApiAccessToken: boolean };
  validateSignupBody(body: unknown): true;
  verifyAccessTokenClaims(token: unknown, expectations?: JsonObject): JsonObject;
  /** A /userinfo body alone -> the profile (pages run profileResponse on the whole response). */
  normalizeProfile(userinfo: unknown, options?: { userMetadataClaim?: string; appMetadataClaim?: string }): JsonObject;
}
