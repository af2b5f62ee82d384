// The one error type of the API and the codes metalock decides.

/** Codes the C++ core decides (sdk/include/metalock/error.hpp); JS uses a few for the same trouble. */
export type CoreErrorCode =
  | 'invalid_json' | 'too_deep' | 'payload_too_large' | 'invalid_body'
  | 'invalid_field_name' | 'reserved_field' | 'empty_metadata' | 'insufficient_scope'
  | 'invalid_field_spec' | 'invalid_option' | 'field_required' | 'too_many_fields'
  | 'field_name_too_long' | 'not_a_string' | 'value_too_long'
  | 'invalid_token' | 'token_expired' | 'token_not_yet_valid' | 'invalid_issuer'
  | 'invalid_audience' | 'invalid_azp' | 'invalid_nonce' | 'auth_time_too_old'
  | 'invalid_argument' | 'invalid_storage'
  | 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'too_many_requests'
  | 'server_error' | 'http_error';

/** Codes only the JS side can decide (network, tokens at hand, the wasm module itself). */
export type JsErrorCode =
  | 'login_required' | 'network_error' | 'timeout' | 'unknown_error'
  | 'invalid_value' | 'prefill_failed' | 'options_failed' | 'wasm_load_failed' | 'internal_error';

/** Server codes, passed through as the server spelled them (others may come too). */
export type ServerErrorCode =
  | 'user_exists' | 'invalid_password' | 'invalid_grant' | 'inexistent_user' | 'too_many_attempts';

/** Codes metalock itself decides, and the server codes it knows. js/error-codes.js lists each once. */
export type MetalockErrorCode = CoreErrorCode | JsErrorCode | ServerErrorCode;

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
