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
  std::string placeholder_html;            // Lock's placeholderHTML; the widget sanitizes it
  std::vector<FieldOption> options;        // select
  std::optional<std::string> value;        // hidden
  std::optional<std::string> prefill;      // JS resolves prefill functions before calling
  bool has_validator = false;              // JS runs validators; the core then skips `required`
  bool root = false;                       // storage: 'root'
  std::string aria_label;
};

// Validates one spec list (JSON array of Lock field specs; `validator: true` marks a field
// whose JS validator already ran). A field needs a non-empty placeholder or placeholderHTML
// (except hidden ones). A "" prefill counts as absent, as Lock ignores it. A member set to null counts as absent; unknown members
// (icon, ...) are ignored. A checkbox prefill must be "true"/"false" and a select prefill
// one of its option values. Errors: invalid_field_spec (field = the spec's name, or its
// index when it has no usable name).
Result<std::vector<SignupField>> parse_signup_fields(const Json& specs);

// One field's value as map_signup_fields sends it (cleaned, checked against the field's rules
// and limits), from `values` (an object by field name; a null or missing value takes the
// prefill). The widget asks this per field on input and blur. Errors as map_signup_fields'
// per-field checks: not_a_string, invalid_option, field_required, value_too_long.
Result<std::string> signup_field_value(const SignupField& field, const Json& values);

// The signup body: base (client_id, connection, email, password, optional username, ...)
// plus root attributes and user_metadata. Values: text/hidden are HTML-stripped and otherwise
// sent as typed (trimmed only to decide whether they are empty); checkbox -> "true"/"false"; select -> the option's value; a null or missing value
// takes the prefill. An empty (blank) root attribute (possible only with a validator) is left out;
// user_metadata appears whenever any field is configured (possibly {}, as Lock sends it, even
// when every field is a root one) (entries already in
// base.user_metadata are kept, below the fields, and obey the same limits). Lengths count
// UTF-16 code units, as JS does. Checked in this order: invalid_body (values/base not
// objects); invalid_field_spec; field_name_too_long; too_many_fields (no field);
// field_required (for a base key: field = that key); then per field in spec order:
// not_a_string, invalid_option, field_required (without a validator: empty, or
// given_name/family_name over 150, name/nickname over 300 characters), value_too_long (over
// 500) (field = the field's name); then per base.user_metadata entry: field_name_too_long,
// invalid_field_name ('.' or '$'), not_a_string, value_too_long (field = the entry's name).
// The limits are validate_signup_body's, but a field's own validator replaces the name
// ranges here (as in Lock), so a validated given_name of 151-500 characters passes here and
// not there.
Result<Json> map_signup_fields(const Json& specs, const Json& values, const Json& base);

// Checks a /dbconnections/signup body as the endpoint receives it (a server's side: the
// local tenant), against the same limits map_signup_fields applies when building one. No
// Lock field rule applies: user_metadata names may be anything but '.'/'$', and nothing is
// trimmed or stripped. Lengths count UTF-16 code units, as JS does. Unknown keys are left to
// the caller. Error::field is the property's path in the body. Checked in this order:
//   invalid_body: the body is not an object (no field);
//   field_required: client_id, connection, email, password not a non-empty string (field = key);
//   not_a_string: username present and not a string (field "username");
//   per root attribute, in the order given_name, family_name, name, nickname, picture:
//     not_a_string; field_required when empty (Auth0 refuses an empty root attribute);
//     value_too_long over 150 (given_name, family_name) or 300 (name, nickname) characters;
//     picture has no length limit;
//   invalid_body: user_metadata present and not an object (field "user_metadata");
//   too_many_fields: more than 10 properties (field "user_metadata");
//   per user_metadata property, in key order (field = "user_metadata.<key>"):
//     field_name_too_long (over 100), invalid_field_name ('.' or '$'), not_a_string,
//     value_too_long (over 500).
// A null counts as present: it is not a string (or for user_metadata, not an object).
Status validate_signup_body(const Json& body);

// Removes HTML tags, keeping text; <script> and <style> elements are dropped whole. A '<'
// before a letter, '/', '!' or '?' opens a tag up to the next '>' (or the end); any other
// '<' is text and stays ("I <3 cats"). The result never holds a '<' that opens a tag.
std::string strip_html(const std::string& value);

}  // namespace metalock
