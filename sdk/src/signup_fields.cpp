// Lock's additionalSignUpFields specs, checked as Lock documents them. Where Lock only warns
// and drops a bad spec, the core refuses it: a silently missing field is worse than an error.
// A member set to null counts as absent (JS callers often spell "unset" that way).
#include "metalock/signup.hpp"

#include "signup_limits.hpp"
#include "text.hpp"

#include <algorithm>
#include <string_view>

namespace metalock {
namespace {

constexpr std::string_view kReservedNames[] = {"email", "username", "password"};

template <std::size_t N>
bool one_of(const std::string& value, const std::string_view (&list)[N]) {
  return std::find(std::begin(list), std::end(list), value) != std::end(list);
}

bool is_field_name(const std::string& name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

const Json* member(const Json& spec, const char* key) {
  auto it = spec.find(key);
  return it == spec.end() || it->is_null() ? nullptr : &*it;
}

// The spec-checking context: which spec is at fault, for Error::field.
class SpecReader {
 public:
  SpecReader(const Json& spec, std::string field) : spec_(spec), field_(std::move(field)) {}

  Error bad(const std::string& why) const {
    return Error::make(code::invalid_field_spec, "Sign-up field '" + field_ + "': " + why, field_);
  }

  // Absent is fine; present must be a string (and non-empty when `non_empty`).
  bool optional_string(const char* key, std::optional<std::string>& out, bool non_empty = false) const {
    const Json* value = member(spec_, key);
    if (value == nullptr) return true;
    if (!value->is_string() || (non_empty && value->get_ref<const std::string&>().empty())) return false;
    out = value->get<std::string>();
    return true;
  }

  const Json* get(const char* key) const { return member(spec_, key); }

 private:
  const Json& spec_;
  std::string field_;
};

Result<FieldType> parse_type(const SpecReader& spec) {
  const Json* type = spec.get("type");
  if (type == nullptr) return FieldType::text;
  const std::string name = type->is_string() ? type->get<std::string>() : std::string();
  if (name == "text") return FieldType::text;
  if (name == "select") return FieldType::select;
  if (name == "checkbox") return FieldType::checkbox;
  if (name == "hidden") return FieldType::hidden;
  return spec.bad("type must be one of text, select, checkbox, hidden");
}

Result<std::vector<FieldOption>> parse_options(const SpecReader& spec) {
  const Json* options = spec.get("options");
  if (options == nullptr || !options->is_array() || options->empty()) {
    return spec.bad("a select needs a non-empty options array");
  }
  std::vector<FieldOption> parsed;
  for (const Json& option : *options) {
    const Json* label = option.is_object() ? member(option, "label") : nullptr;
    const Json* value = option.is_object() ? member(option, "value") : nullptr;
    if (!label || !value || !label->is_string() || !value->is_string() ||
        label->get_ref<const std::string&>().empty() || value->get_ref<const std::string&>().empty()) {
      return spec.bad("every option must be {label, value} with non-empty strings");
    }
    parsed.push_back({label->get<std::string>(), value->get<std::string>()});
  }
  return parsed;
}

Result<SignupField> parse_field(const Json& spec_json, std::size_t index) {
  const std::string position = text::decimal(index);
  if (!spec_json.is_object()) return SpecReader(spec_json, position).bad("a field spec must be an object");
  const Json* name_json = member(spec_json, "name");
  const bool named = name_json && name_json->is_string() && !name_json->get_ref<const std::string&>().empty();
  const SpecReader spec(spec_json, named ? name_json->get<std::string>() : position);
  if (!named) return spec.bad("name must be a non-empty string");

  SignupField field;
  field.name = name_json->get<std::string>();
  if (!is_field_name(field.name)) return spec.bad("name may only hold letters, digits and '_'");
  if (one_of(field.name, kReservedNames)) return spec.bad("email, username and password are reserved names");

  auto type = parse_type(spec);
  if (!type) return type.error();
  field.type = type.value();

  std::optional<std::string> placeholder;
  std::optional<std::string> placeholder_html;
  if (!spec.optional_string("placeholder", placeholder, /*non_empty=*/true)) {
    return spec.bad("placeholder must be a non-empty string");
  }
  if (!spec.optional_string("placeholderHTML", placeholder_html, /*non_empty=*/true)) {
    return spec.bad("placeholderHTML must be a non-empty string");
  }
  if (!placeholder && !placeholder_html && field.type != FieldType::hidden) {
    return spec.bad("placeholder (or placeholderHTML) is required");
  }
  field.placeholder = placeholder.value_or("");
  field.placeholder_html = placeholder_html.value_or("");

  if (const Json* validator = spec.get("validator")) {
    if (!validator->is_boolean()) return spec.bad("validator must be true or false (its JS function already ran)");
    field.has_validator = validator->get<bool>();
  }
  if (field.type == FieldType::select) {
    if (field.has_validator) return spec.bad("a select takes no validator");
    auto options = parse_options(spec);
    if (!options) return options.error();
    field.options = std::move(options).value();
  }

  if (!spec.optional_string("value", field.value)) return spec.bad("value must be a string");
  if (field.type == FieldType::hidden && !field.value) return spec.bad("a hidden field needs a value");
  if (!spec.optional_string("prefill", field.prefill)) return spec.bad("prefill must be a string");
  if (field.prefill && field.prefill->empty()) field.prefill.reset();  // Lock ignores a "" prefill
  if (field.prefill && field.type == FieldType::checkbox && *field.prefill != "true" && *field.prefill != "false") {
    return spec.bad("a checkbox prefill must be \"true\" or \"false\"");
  }
  if (field.prefill && field.type == FieldType::select &&
      std::none_of(field.options.begin(), field.options.end(),
                   [&](const FieldOption& option) { return option.value == *field.prefill; })) {
    return spec.bad("a select prefill must be one of its option values");
  }

  std::optional<std::string> aria_label;
  if (!spec.optional_string("ariaLabel", aria_label)) return spec.bad("ariaLabel must be a string");
  field.aria_label = aria_label.value_or("");

  if (const Json* storage = spec.get("storage")) {
    if (!storage->is_string() || storage->get_ref<const std::string&>() != "root") {
      return spec.bad("storage may only be 'root'");
    }
    if (!signup_rules::is_root_attribute(field.name)) {
      return spec.bad("storage 'root' is only for given_name, family_name, name, nickname, picture");
    }
    field.root = true;
  }
  return field;
}

}  // namespace

Result<std::vector<SignupField>> parse_signup_fields(const Json& specs) {
  if (!specs.is_array()) return Error::make(code::invalid_field_spec, "additionalSignUpFields must be an array");
  std::vector<SignupField> fields;
  fields.reserve(specs.size());
  for (std::size_t i = 0; i < specs.size(); ++i) {
    auto field = parse_field(specs[i], i);
    if (!field) return field.error();
    const std::string& name = field.value().name;
    if (std::any_of(fields.begin(), fields.end(), [&](const SignupField& f) { return f.name == name; })) {
      return Error::make(code::invalid_field_spec, "Sign-up field '" + name + "' is configured twice", name);
    }
    fields.push_back(std::move(field).value());
  }
  return fields;
}

}  // namespace metalock
