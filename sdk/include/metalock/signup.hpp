// Lock's additionalSignUpFields -> the POST /dbconnections/signup body.
#pragma once

#include "metalock/error.hpp"
#include "metalock/json.hpp"

#include <optional>
#include <string>
#include <vector>

namespace metalock {

inline constexpr std::size_t kMaxSignupMetadataFields = 10;
inline constexpr std::size_t kMaxSignupFieldNameLength = 100;
inline constexpr std::size_t kMaxSignupValueLength = 500;

enum class FieldType { text, select, checkbox, hidden };

struct FieldOption {
  std::string label;
  std::string value;
};

struct SignupField {
  std::string name;
  FieldType type = FieldType::text;
  std::string placeholder;
  std::vector<FieldOption> options;        // select
  std::optional<std::string> value;        // hidden
  std::optional<std::string> prefill;      // JS resolves prefill functions before calling
  bool has_validator = false;              // JS runs validators; the core then skips `required`
  bool root = false;                       // storage: 'root'
  std::string aria_label;
};

// Validates one spec list (JSON array of Lock field specs; `validator: true` marks a field
// whose JS validator already ran). Errors: invalid_field_spec (field = the spec's name or index).
Result<std::vector<SignupField>> parse_signup_fields(const Json& specs);

// The signup body: base (client_id, connection, email, password, optional username, ...)
// plus root attributes and user_metadata. Errors: invalid_field_spec, invalid_option,
// field_required, too_many_fields, field_name_too_long, not_a_string, value_too_long,
// invalid_body.
Result<Json> map_signup_fields(const Json& specs, const Json& values, const Json& base);

// Removes HTML tags, keeping text; <script> and <style> elements are dropped whole.
std::string strip_html(const std::string& value);

}  // namespace metalock
