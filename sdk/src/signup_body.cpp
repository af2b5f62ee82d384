// A /dbconnections/signup body as a server receives it, held to the endpoint's rules
// (signup_limits.hpp): the same limits map_signup_fields applies to the bodies it builds, so
// the local tenant refuses exactly what the SDK would never send.
#include "metalock/signup.hpp"

#include "signup_limits.hpp"
#include "text.hpp"

namespace metalock {
namespace {

using signup_rules::field_error;

const Json* member(const Json& object, const std::string& key) {
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

// Here a name attribute over its range is too long, not missing: no form is asking for a
// value, a server is refusing one (map_signup_fields says field_required, as Lock does).
Status check_root_attribute(const std::string& name, const Json& value) {
  if (!value.is_string()) return field_error(code::not_a_string, name, "root attributes must be strings");
  const std::size_t length = signup_rules::utf16_length(value.get_ref<const std::string&>());
  if (length == 0) return field_error(code::field_required, name, "an empty value is not allowed");
  const auto max_length = signup_rules::name_attribute_max_length(name);
  if (max_length && length > *max_length) {
    return field_error(code::value_too_long, name, "at most " + text::decimal(*max_length) + " characters");
  }
  return ok_status();
}

Status check_user_metadata(const Json& metadata) {
  constexpr const char* kField = "user_metadata";
  if (!metadata.is_object()) return Error::make(code::invalid_body, "user_metadata must be an object", kField);
  if (auto status = signup_rules::check_metadata_count(metadata.size(), kField); !status) return status;
  for (const auto& item : metadata.items()) {
    const std::string path = std::string(kField) + "." + item.key();
    if (auto status = signup_rules::check_metadata_name(item.key(), path); !status) return status;
    if (auto status = signup_rules::check_metadata_value(item.value(), path); !status) return status;
  }
  return ok_status();
}

}  // namespace

Status validate_signup_body(const Json& body) {
  if (!body.is_object()) return Error::make(code::invalid_body, "The sign-up body must be a JSON object");
  if (auto status = signup_rules::check_required_keys(body); !status) return status;
  if (const Json* username = member(body, "username"); username && !username->is_string()) {
    return field_error(code::not_a_string, "username", "username must be a string");
  }
  for (std::string_view attribute : signup_rules::kRootAttributes) {
    const std::string name(attribute);
    if (const Json* value = member(body, name)) {
      if (auto status = check_root_attribute(name, *value); !status) return status;
    }
  }
  if (const Json* metadata = member(body, "user_metadata")) return check_user_metadata(*metadata);
  return ok_status();
}

}  // namespace metalock
