// parseSignupFields / checkSignupField: the widget renders the form from the core's reading of
// Lock's additionalSignUpFields and asks the core about each value on input and blur, so the
// form and the sign-up body (mapSignup) follow one set of rules. JS resolves option and
// prefill functions and runs validators first (`validator: true` marks one that passed).
#include "envelope.hpp"
#include "metalock/signup.hpp"

#include <emscripten/bind.h>

namespace metalock::wasm {
namespace {

const char* type_name(FieldType type) {
  switch (type) {
    case FieldType::select: return "select";
    case FieldType::checkbox: return "checkbox";
    case FieldType::hidden: return "hidden";
    case FieldType::text: break;
  }
  return "text";
}

// The parsed spec in Lock's own member names, every member present (null when unset).
Json field_json(const SignupField& field) {
  Json options = Json::array();
  for (const FieldOption& option : field.options) options.push_back(json_object({{"label", option.label}, {"value", option.value}}));
  const auto optional = [](const std::optional<std::string>& text) { return text ? Json(*text) : Json(nullptr); };
  return json_object({{"name", field.name},
          {"type", type_name(field.type)},
          {"placeholder", field.placeholder},
          {"placeholderHTML", field.placeholder_html},
          {"options", std::move(options)},
          {"value", optional(field.value)},
          {"prefill", optional(field.prefill)},
          {"validator", field.has_validator},
          {"storage", field.root ? Json("root") : Json(nullptr)},
          {"ariaLabel", field.aria_label}});
}

std::string parse_fields(TextAddress specs_at, std::size_t specs_size) {
  return with_json(
      [](const Json& specs) {
        auto fields = parse_signup_fields(specs);
        if (!fields) return error_envelope(fields.error());
        Json parsed = Json::array();
        for (const SignupField& field : fields.value()) parsed.push_back(field_json(field));
        return ok_envelope(parsed);
      },
      adopt_json(specs_at, specs_size));
}

// One spec and the form's values -> {"value": the text that would be sent} or the field's error.
std::string check_field(TextAddress spec_at, std::size_t spec_size, TextAddress values_at, std::size_t values_size) {
  return with_json(
      [](const Json& spec, const Json& values) {
        // A one-element array built by push_back: Json::array({spec}) would bring back Json's
        // initializer-list constructor, which nothing else in the browser module uses.
        Json one = Json::array();
        one.push_back(spec);
        auto fields = parse_signup_fields(one);
        if (!fields) return error_envelope(fields.error());
        if (!values.is_object()) return error_envelope(Error::make(code::invalid_body, "The values must be an object", "values"));
        return envelope(signup_field_value(fields.value().front(), values));
      },
      adopt_json(spec_at, spec_size), adopt_json(values_at, values_size));
}

}  // namespace
}  // namespace metalock::wasm

EMSCRIPTEN_BINDINGS(metalock_signup_fields) {
  emscripten::function("parseSignupFields", metalock::wasm::returns_text<&metalock::wasm::parse_fields>);
  emscripten::function("checkSignupField", metalock::wasm::returns_text<&metalock::wasm::check_field>);
}
