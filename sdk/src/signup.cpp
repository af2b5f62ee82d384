// Sign-up values -> the POST /dbconnections/signup body, with Lock's field rules and the
// signup endpoint's limits (signup_limits.hpp) checked before any request is made.
#include "metalock/signup.hpp"

#include "signup_limits.hpp"
#include "text.hpp"

namespace metalock {
namespace {

using signup_rules::field_error;
using signup_rules::utf16_length;

// Byte length of the JS whitespace (String.prototype.trim's set) starting at text[at], or 0.
std::size_t whitespace_at(const std::string& text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return at + i < text.size() ? static_cast<unsigned char>(text[at + i]) : 0; };
  const unsigned char b0 = byte(0);
  if (b0 == ' ' || (b0 >= '\t' && b0 <= '\r')) return 1;
  if (b0 == 0xC2 && byte(1) == 0xA0) return 2;  // U+00A0
  if (b0 == 0xE1 && byte(1) == 0x9A && byte(2) == 0x80) return 3;  // U+1680
  if (b0 == 0xE2 && byte(1) == 0x80 && (byte(2) <= 0x8A || byte(2) == 0xA8 || byte(2) == 0xA9 || byte(2) == 0xAF)) {
    return 3;  // U+2000-U+200A, U+2028, U+2029, U+202F
  }
  if (b0 == 0xE2 && byte(1) == 0x81 && byte(2) == 0x9F) return 3;  // U+205F
  if (b0 == 0xE3 && byte(1) == 0x80 && byte(2) == 0x80) return 3;  // U+3000
  if (b0 == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF) return 3;  // U+FEFF
  return 0;
}

std::string trim(const std::string& text) {
  std::size_t begin = 0;
  while (std::size_t n = whitespace_at(text, begin)) begin += n;
  std::size_t end = text.size();
  while (end > begin) {
    std::size_t last = end - 1;  // back up to the first byte of the last code point
    while (last > begin && (static_cast<unsigned char>(text[last]) & 0xC0) == 0x80) --last;
    if (whitespace_at(text, last) != end - last) break;
    end = last;
  }
  return text.substr(begin, end - begin);
}

// The value as typed (or prefilled), before any cleaning. Null counts as absent.
const Json* given_value(const Json& values, const std::string& name) {
  auto it = values.find(name);
  return it == values.end() || it->is_null() ? nullptr : &*it;
}

Result<std::string> checkbox_value(const SignupField& field, const Json* given) {
  if (given == nullptr) return field.prefill.value_or("false");
  if (given->is_boolean()) return std::string(given->get<bool>() ? "true" : "false");
  if (given->is_string() && (*given == "true" || *given == "false")) return given->get<std::string>();
  return field_error(code::not_a_string, field.name, "a checkbox takes true or false");
}

Result<std::string> select_value(const SignupField& field, const Json* given) {
  if (given && !given->is_string()) return field_error(code::not_a_string, field.name, "the value must be a string");
  const std::string chosen = given ? given->get<std::string>() : field.prefill.value_or("");
  if (chosen.empty()) return field_error(code::field_required, field.name, "an option must be chosen");
  for (const FieldOption& option : field.options) {
    if (option.value == chosen) return option.value;
  }
  return field_error(code::invalid_option, field.name, "'" + chosen + "' is not one of its options");
}

Result<std::string> text_value(const SignupField& field, const Json* given) {
  if (given && !given->is_string()) return field_error(code::not_a_string, field.name, "the value must be a string");
  const std::string raw = field.type == FieldType::hidden ? field.value.value_or("")
                          : given                         ? given->get<std::string>()
                                                          : field.prefill.value_or("");
  return strip_html(raw);  // sent as typed: trimmed only to decide whether it is empty
}

// Lock's default validator, which a field's own validator replaces: non-empty after
// trimming, and given/family name 1-150, name/nickname 1-300 characters (of the value sent).
// docs/semantics.md counts those ranges as part of "required" (field_required) here, where Lock's form is asking;
// a received body over them is value_too_long (validate_signup_body).
}  // namespace

Result<std::string> signup_field_value(const SignupField& field, const Json& values) {
  const Json* given = field.type == FieldType::hidden ? nullptr : given_value(values, field.name);
  Result<std::string> value = field.type == FieldType::checkbox ? checkbox_value(field, given)
                              : field.type == FieldType::select ? select_value(field, given)
                                                                : text_value(field, given);
  if (!value) return value;
  const std::size_t length = utf16_length(value.value());
  if (!field.has_validator) {
    if (trim(value.value()).empty()) return field_error(code::field_required, field.name, "a value is required");
    const auto range_max = signup_rules::name_attribute_max_length(field.name);
    if (range_max && length > *range_max) {
      return field_error(code::field_required, field.name,
                         "a value of 1 to " + text::decimal(*range_max) + " characters is required");
    }
  }
  if (auto status = signup_rules::check_value_length(length, field.name); !status) return status.error();
  return value;
}

namespace {

// user_metadata entries that came in the base body obey the endpoint's limits too.
Status check_metadata_entry(const std::string& name, const Json& value) {
  if (auto status = signup_rules::check_metadata_name(name, name); !status) return status;
  return signup_rules::check_metadata_value(value, name);
}

}  // namespace

Result<Json> map_signup_fields(const Json& specs, const Json& values, const Json& base) {
  if (!values.is_object()) return Error::make(code::invalid_body, "The sign-up values must be an object", "values");
  if (!base.is_object()) return Error::make(code::invalid_body, "The sign-up base body must be an object", "base");
  auto parsed = parse_signup_fields(specs);
  if (!parsed) return parsed.error();
  const std::vector<SignupField>& fields = parsed.value();

  Json metadata = Json::object();
  if (auto it = base.find("user_metadata"); it != base.end()) {
    if (!it->is_object()) return Error::make(code::invalid_body, "user_metadata must be an object", "user_metadata");
    metadata = *it;
  }
  for (const SignupField& field : fields) {
    // Spec names are [A-Za-z0-9_] (parse_signup_fields), so only the length can fail here.
    if (auto status = signup_rules::check_metadata_name(field.name, field.name); !status) return status.error();
    if (!field.root) {
      metadata[field.name] = "";  // placeholder: counts the property before values are read
    }
  }
  // No one field is at fault: the error names none.
  if (auto status = signup_rules::check_metadata_count(metadata.size(), {}); !status) return status.error();
  if (auto status = signup_rules::check_required_keys(base); !status) return status.error();

  Json body = base;
  for (const SignupField& field : fields) {
    auto value = signup_field_value(field, values);
    if (!value) return value.error();
    if (!field.root) {
      metadata[field.name] = std::move(value).value();
    } else if (!trim(value.value()).empty()) {  // Auth0 refuses an empty root attribute
      body[field.name] = std::move(value).value();
    }
  }
  if (auto it = base.find("user_metadata"); it != base.end()) {
    for (const auto& item : it->items()) {
      if (auto status = check_metadata_entry(item.key(), metadata[item.key()]); !status) return status.error();
    }
  }
  // Lock sends user_metadata (possibly {}) whenever additionalSignUpFields is non-empty.
  if (!fields.empty() || base.contains("user_metadata")) body["user_metadata"] = std::move(metadata);
  return body;
}

}  // namespace metalock
