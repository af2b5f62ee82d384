// The signup endpoint's limits (docs/semantics.md, "Sign-up"), shared by map_signup_fields and
// validate_signup_body.
//
// Lengths are counted in UTF-16 code units, as JavaScript (Lock, and Auth0's own servers)
// count a string's length, so the core agrees with the browser on where a limit falls.
#include "signup_limits.hpp"

#include "metalock/signup.hpp"

#include <algorithm>

namespace metalock::signup_rules {

bool is_root_attribute(const std::string& name) {
  return std::find(std::begin(kRootAttributes), std::end(kRootAttributes), name) != std::end(kRootAttributes);
}

std::size_t utf16_length(const std::string& text) {
  std::size_t units = 0;
  for (unsigned char byte : text) {
    if ((byte & 0xC0) != 0x80) ++units;  // a sequence starts here
    if (byte >= 0xF0) ++units;           // four bytes: outside the BMP, a surrogate pair
  }
  return units;
}

std::optional<std::size_t> name_attribute_max_length(const std::string& name) {
  if (name == "given_name" || name == "family_name") return 150;
  if (name == "name" || name == "nickname") return 300;
  return std::nullopt;
}

Error field_error(const char* error_code, const std::string& field, const std::string& why) {
  return Error::make(error_code, "Sign-up field '" + field + "': " + why, field);
}

Status check_required_keys(const Json& body) {
  for (const char* key : {"client_id", "connection", "email", "password"}) {
    auto it = body.find(key);
    if (it == body.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) {
      return Error::make(code::field_required, std::string(key) + " is required", key);
    }
  }
  return ok_status();
}

Status check_metadata_count(std::size_t count, const std::string& field) {
  if (count <= kMaxSignupMetadataFields) return ok_status();
  return Error::make(code::too_many_fields, "user_metadata may hold at most 10 properties at sign-up", field);
}

Status check_metadata_name(const std::string& name, const std::string& field) {
  if (utf16_length(name) > kMaxSignupFieldNameLength) {
    return field_error(code::field_name_too_long, field, "names are at most 100 characters");
  }
  if (name.find_first_of(".$") != std::string::npos) {
    return field_error(code::invalid_field_name, field, "names must not contain '.' or '$'");
  }
  return ok_status();
}

Status check_value_length(std::size_t length, const std::string& field) {
  if (length <= kMaxSignupValueLength) return ok_status();
  return field_error(code::value_too_long, field, "at most 500 characters");
}

Status check_metadata_value(const Json& value, const std::string& field) {
  if (!value.is_string()) return field_error(code::not_a_string, field, "user_metadata values must be strings");
  return check_value_length(utf16_length(value.get_ref<const std::string&>()), field);
}

}  // namespace metalock::signup_rules
