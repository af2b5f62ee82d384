// The one error type of the core and its stable codes.
#pragma once

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <new>

namespace metalock {

// Stable snake_case codes (docs/errors.md). Codes that come from a server
// (user_exists, invalid_grant, inexistent_user, ...) are passed through as the
// server spelled them; the codes below are the ones the core itself decides. JS lists the
// same ones in js/error-codes.js, and tests/js/error-codes.test.js keeps the two in step.
namespace code {
inline constexpr const char* invalid_json = "invalid_json";
inline constexpr const char* too_deep = "too_deep";
inline constexpr const char* payload_too_large = "payload_too_large";
inline constexpr const char* invalid_body = "invalid_body";
inline constexpr const char* invalid_field_name = "invalid_field_name";
inline constexpr const char* reserved_field = "reserved_field";
inline constexpr const char* empty_metadata = "empty_metadata";
inline constexpr const char* insufficient_scope = "insufficient_scope";
inline constexpr const char* invalid_field_spec = "invalid_field_spec";
inline constexpr const char* invalid_option = "invalid_option";
inline constexpr const char* field_required = "field_required";
inline constexpr const char* too_many_fields = "too_many_fields";
inline constexpr const char* field_name_too_long = "field_name_too_long";
inline constexpr const char* not_a_string = "not_a_string";
inline constexpr const char* value_too_long = "value_too_long";
inline constexpr const char* invalid_token = "invalid_token";
inline constexpr const char* token_expired = "token_expired";
inline constexpr const char* token_not_yet_valid = "token_not_yet_valid";
inline constexpr const char* invalid_issuer = "invalid_issuer";
inline constexpr const char* invalid_audience = "invalid_audience";
inline constexpr const char* invalid_azp = "invalid_azp";
inline constexpr const char* invalid_nonce = "invalid_nonce";
inline constexpr const char* auth_time_too_old = "auth_time_too_old";
inline constexpr const char* invalid_argument = "invalid_argument";
inline constexpr const char* invalid_storage = "invalid_storage";
// Generic HTTP outcomes, used when a server body names no code of its own.
inline constexpr const char* bad_request = "bad_request";
inline constexpr const char* unauthorized = "unauthorized";
inline constexpr const char* forbidden = "forbidden";
inline constexpr const char* not_found = "not_found";
inline constexpr const char* too_many_requests = "too_many_requests";
inline constexpr const char* server_error = "server_error";
inline constexpr const char* http_error = "http_error";
}  // namespace code

struct Error {
  std::string code;
  std::string description;
  std::string field;            // the offending field or path, when there is one
  int status_code = 0;          // the HTTP status, when the error came from a server
  nlohmann::json original;      // the server's body (object, or string when not JSON)

  // Out of line (error.cpp), and taking views: inlined, or taking std::string by value, every
  // one of the core's error sites built and destroyed three strings (about 1 KB of the wasm).
  static Error make(std::string_view code, std::string_view description, std::string_view field = {});
  // The description as pieces joined in order: make(code::x, {"Issuer ", name, " is ..."})
  // instead of "Issuer " + name + " is ...", whose temporaries were built at each call site.
  static Error make(std::string_view code, std::initializer_list<std::string_view> description,
                    std::string_view field = {});
};

// Reached only through a broken precondition (value() of an error, error() of a value): says
// which, on stderr, then std::abort(). Never returns and never throws.
[[noreturn]] void result_access_failed(const char* accessor, const Error* error) noexcept;

// Either a value or an Error. The core never throws (wasm builds run without exceptions), and
// neither does this: check ok() (or the bool conversion) first. value() of an error and error()
// of a value are precondition violations, which abort the program with a message, in every
// build type, instead of throwing std::bad_variant_access or reading the wrong member.
template <typename T>
class Result {
 public:
  Result(T value) : ok_(true) { new (&value_) T(std::move(value)); }          // NOLINT: implicit by design
  Result(Error error) : ok_(false) { new (&error_) Error(std::move(error)); }  // NOLINT: implicit by design
  Result(const Result& other) : ok_(other.ok_) { construct_from(other); }
  Result(Result&& other) noexcept : ok_(other.ok_) { construct_from(std::move(other)); }
  Result& operator=(Result other) noexcept {
    destroy();
    ok_ = other.ok_;
    construct_from(std::move(other));
    return *this;
  }
  ~Result() { destroy(); }

  bool ok() const noexcept { return ok_; }
  explicit operator bool() const noexcept { return ok(); }

  // Precondition: ok().
  const T& value() const& noexcept { return *value_ptr(); }
  T& value() & noexcept { return *value_ptr(); }
  T&& value() && noexcept { return std::move(*value_ptr()); }
  // Precondition: !ok().
  const Error& error() const noexcept {
    if (ok_) result_access_failed("error", nullptr);
    return error_;
  }

 private:
  const T* value_ptr() const noexcept {
    if (!ok_) result_access_failed("value", &error_);
    return &value_;
  }
  T* value_ptr() noexcept { return const_cast<T*>(std::as_const(*this).value_ptr()); }
  // The member `other` holds (ok_ already says which), copied or moved as `other` is passed.
  template <typename Other>
  void construct_from(Other&& other) {
    if (ok_) new (&value_) T(std::forward<Other>(other).value_);
    else new (&error_) Error(std::forward<Other>(other).error_);
  }
  void destroy() noexcept {
    if (ok_) value_.~T(); else error_.~Error();
  }

  bool ok_;
  union {
    T value_;
    Error error_;
  };
};

// For checks that produce nothing but may fail.
struct Ok {};
using Status = Result<Ok>;
inline Status ok_status() { return Ok{}; }

}  // namespace metalock
