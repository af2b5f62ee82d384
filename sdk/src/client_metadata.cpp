// client_metadata: Auth0's limits and its PATCH semantics (client_metadata.hpp).
#include "metalock/client_metadata.hpp"

#include "signup_limits.hpp"   // utf16_length: lengths as JavaScript and Auth0 count them

#include <string>

namespace metalock {
namespace {

constexpr const char* kClientMetadata = "client_metadata";
constexpr std::size_t kMaxProperties = 10;
constexpr std::size_t kMaxNameLength = 255;
constexpr std::size_t kMaxValueLength = 255;

bool is_name_character(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string(":,-+=_*?\"/\\()<>@\t ").find(c) != std::string::npos;
}

Status check_name(const std::string& name, const std::string& field) {
  if (signup_rules::utf16_length(name) > kMaxNameLength) {
    return Error::make(code::field_name_too_long, "client_metadata names have at most 255 characters", field);
  }
  if (name.empty()) return Error::make(code::invalid_field_name, "A client_metadata name must not be empty", field);
  for (char c : name) {
    if (!is_name_character(c)) {
      return Error::make(code::invalid_field_name,
                         "client_metadata names hold letters, digits and :,-+=_*?\"/\\()<>@ tab space only: '" + name +
                             "'",
                         field);
    }
  }
  return ok_status();
}

// A null value is accepted only where it means "delete" (a patch).
Status check_property(const std::string& name, const Json& value, bool null_deletes) {
  const std::string field = std::string(kClientMetadata) + "." + name;
  if (auto status = check_name(name, field); !status) return status;
  if (value.is_null() && null_deletes) return ok_status();
  if (!value.is_string()) return Error::make(code::not_a_string, "client_metadata values must be strings", field);
  if (signup_rules::utf16_length(value.get_ref<const std::string&>()) > kMaxValueLength) {
    return Error::make(code::value_too_long, "client_metadata values have at most 255 characters", field);
  }
  return ok_status();
}

Status check_properties(const Json& metadata, bool null_deletes) {
  if (auto depth = check_json_depth(metadata); !depth) return depth;
  if (!metadata.is_object()) {
    return Error::make(code::invalid_body, "client_metadata must be an object", kClientMetadata);
  }
  for (const auto& item : metadata.items()) {
    if (auto status = check_property(item.key(), item.value(), null_deletes); !status) return status;
  }
  return ok_status();
}

}  // namespace

Status validate_client_metadata(const Json& metadata) {
  if (auto status = check_properties(metadata, false); !status) return status;
  if (metadata.size() > kMaxProperties) {
    return Error::make(code::too_many_fields, "client_metadata holds at most 10 properties", kClientMetadata);
  }
  return ok_status();
}

Result<Json> apply_client_metadata_patch(const Json& current, const Json& changes) {
  if (auto status = check_properties(changes, true); !status) return status.error();
  Json result = Json::object();
  if (!changes.empty()) {
    if (!current.is_null() && !current.is_object()) {
      return Error::make(code::invalid_body, "The client's client_metadata is not an object", kClientMetadata);
    }
    if (current.is_object()) result = current;
    for (const auto& item : changes.items()) {
      if (item.value().is_null()) {
        result.erase(item.key());
      } else {
        result[item.key()] = item.value();
      }
    }
  }
  if (auto status = validate_client_metadata(result); !status) return status.error();
  return result;
}

}  // namespace metalock
