// Every error code metalock itself decides, listed once. Each export is its own code, so a
// bundler ships only the codes that code actually uses. Three groups, as
// js/types/errors.d.ts types them (tests/js/error-codes.test.js keeps the three in step
// with sdk/include/metalock/error.hpp):
//   core   — the C++ core decides them (error.hpp's namespace code, same names); JS uses a
//            few of them for the same trouble found before text reaches the core;
//   js     — only the JS side can know them (network, storage of tokens, the wasm itself);
//   server — a server's own codes, passed through as it spelled them (listed for the types).

// core
export const invalid_json = 'invalid_json';
export const too_deep = 'too_deep';
export const payload_too_large = 'payload_too_large';
export const invalid_body = 'invalid_body';
export const invalid_field_name = 'invalid_field_name';
export const reserved_field = 'reserved_field';
export const empty_metadata = 'empty_metadata';
export const insufficient_scope = 'insufficient_scope';
export const invalid_field_spec = 'invalid_field_spec';
export const invalid_option = 'invalid_option';
export const field_required = 'field_required';
export const too_many_fields = 'too_many_fields';
export const field_name_too_long = 'field_name_too_long';
export const not_a_string = 'not_a_string';
export const value_too_long = 'value_too_long';
export const invalid_token = 'invalid_token';
export const token_expired = 'token_expired';
export const token_not_yet_valid = 'token_not_yet_valid';
export const invalid_issuer = 'invalid_issuer';
export const invalid_audience = 'invalid_audience';
export const invalid_azp = 'invalid_azp';
export const invalid_nonce = 'invalid_nonce';
export const auth_time_too_old = 'auth_time_too_old';
export const invalid_argument = 'invalid_argument';
export const invalid_storage = 'invalid_storage';
export const bad_request = 'bad_request';
export const unauthorized = 'unauthorized';
export const forbidden = 'forbidden';
export const not_found = 'not_found';
export const too_many_requests = 'too_many_requests';
export const server_error = 'server_error';
export const http_error = 'http_error';

// js
export const login_required = 'login_required';
export const network_error = 'network_error';
export const timeout = 'timeout';
export const unknown_error = 'unknown_error';
export const invalid_value = 'invalid_value';
export const prefill_failed = 'prefill_failed';
export const options_failed = 'options_failed';
export const wasm_load_failed = 'wasm_load_failed';
export const internal_error = 'internal_error';

// server
export const user_exists = 'user_exists';
export const invalid_password = 'invalid_password';
export const invalid_grant = 'invalid_grant';
export const inexistent_user = 'inexistent_user';
export const too_many_attempts = 'too_many_attempts';
