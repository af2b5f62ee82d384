// Sign-up values -> the POST /dbconnections/signup body, with Lock's field rules and the
// signup endpoint's limits checked before any request is made.
//
// Lengths are counted in UTF-16 code units, as JavaScript (Lock, and Auth0's own servers)
// count a string's length, so the core agrees with the browser on where a limit falls.
#include "metalock/signup.hpp"

#include <algorithm>

namespace metalock {
namespace {

constexpr const char* kRequiredBaseKeys[] = {"client_id", "connection", "email", "password"};

std::size_t utf16_length(const std::string& text) {
  std::size_t units = 0;
  for (unsigned char byte : text) {
    if ((byte & 0xC0) != 0x80) ++units;  // a sequence starts here
    if (byte >= 0xF0) ++units;           // four bytes: outside the BMP, a surrogate pair
  }
  return units;
}

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

Error field_error(const char* error_code, const std::string& field, const std::string& why) {
  return Error::make(error_code, "Sign-up field '" + field + "': " + why, field);
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
  return trim(strip_html(raw));
}

// Lock's default validator, which a field's own validator replaces: non-empty after
// trimming, and given/family name 1-150, name/nickname 1-300 characters (design.md counts
// the ranges as part of "required").
std::size_t required_max_length(const std::string& name) {
  if (name == "given_name" || name == "family_name") return 150;
  if (name == "name" || name == "nickname") return 300;
  return kMaxSignupValueLength;
}

Result<std::string> field_value(const SignupField& field, const Json& values) {
  const Json* given = field.type == FieldType::hidden ? nullptr : given_value(values, field.name);
  Result<std::string> value = field.type == FieldType::checkbox ? checkbox_value(field, given)
                              : field.type == FieldType::select ? select_value(field, given)
                                                                : text_value(field, given);
  if (!value) return value;
  const std::size_t length = utf16_length(value.value());
  if (!field.has_validator) {
    const std::size_t limit = required_max_length(field.name);
    if (length == 0) return field_error(code::field_required, field.name, "a value is required");
    if (length > limit && limit < kMaxSignupValueLength) {
      return field_error(code::field_required, field.name,
                         "a value of 1 to " + std::to_string(limit) + " characters is required");
    }
  }
  if (length > kMaxSignupValueLength) {
    return field_error(code::value_too_long, field.name, "at most 500 characters");
  }
  return value;
}

// user_metadata entries that came in the base body obey the endpoint's limits too.
Status check_metadata_entry(const std::string& name, const Json& value) {
  if (name.size() > kMaxSignupFieldNameLength) {
    return field_error(code::field_name_too_long, name, "names are at most 100 characters");
  }
  if (!value.is_string()) return field_error(code::not_a_string, name, "user_metadata values must be strings");
  if (utf16_length(value.get_ref<const std::string&>()) > kMaxSignupValueLength) {
    return field_error(code::value_too_long, name, "at most 500 characters");
  }
  return ok_status();
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
  bool has_metadata_field = false;
  for (const SignupField& field : fields) {
    if (field.name.size() > kMaxSignupFieldNameLength) {
      return field_error(code::field_name_too_long, field.name, "names are at most 100 characters");
    }
    if (!field.root) {
      has_metadata_field = true;
      metadata[field.name] = "";  // placeholder: counts the property before values are read
    }
  }
  if (metadata.size() > kMaxSignupMetadataFields) {
    return Error::make(code::too_many_fields, "user_metadata may hold at most 10 properties at sign-up");
  }

  for (const char* key : kRequiredBaseKeys) {
    auto it = base.find(key);
    if (it == base.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) {
      return Error::make(code::field_required, std::string(key) + " is required", key);
    }
  }

  Json body = base;
  for (const SignupField& field : fields) {
    auto value = field_value(field, values);
    if (!value) return value.error();
    if (!field.root) {
      metadata[field.name] = std::move(value).value();
    } else if (!value.value().empty()) {  // Auth0 refuses an empty root attribute
      body[field.name] = std::move(value).value();
    }
  }
  if (auto it = base.find("user_metadata"); it != base.end()) {
    for (const auto& item : it->items()) {
      if (auto status = check_metadata_entry(item.key(), metadata[item.key()]); !status) return status.error();
    }
  }
  if (has_metadata_field || base.contains("user_metadata")) body["user_metadata"] = std::move(metadata);
  return body;
}

}  // namespace metalock
