// The one error type of the API and the codes metalock decides.

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
