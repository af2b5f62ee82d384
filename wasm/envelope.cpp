#include "envelope.hpp"

#include <cstdlib>
#include <cstring>

namespace metalock::wasm {

std::string adopt_text(TextAddress data, std::size_t size) {
  if (data == 0) return std::string();
  std::string text(reinterpret_cast<const char*>(data), size);
  std::free(reinterpret_cast<void*>(data));
  return text;
}

TextAddress hand_over(const std::string& envelope) {
  const auto size = static_cast<std::uint32_t>(envelope.size());
  auto* block = static_cast<unsigned char*>(std::malloc(sizeof size + envelope.size()));
  if (block == nullptr) return 0;
  for (std::size_t i = 0; i < sizeof size; ++i) block[i] = static_cast<unsigned char>(size >> (8 * i));
  std::memcpy(block + sizeof size, envelope.data(), envelope.size());
  return reinterpret_cast<TextAddress>(block);
}

Result<Json> adopt_json(TextAddress data, std::size_t size, const JsonLimits& limits) {
  if (data == 0) return parse_json(std::string_view(), limits);
  auto parsed = parse_json(std::string_view(reinterpret_cast<const char*>(data), size), limits);
  std::free(reinterpret_cast<void*>(data));
  return parsed;
}

// The value's text written once, inside the envelope's text: wrapping the Json instead
// deep-copies it, and concatenating a dump copies the text twice more.
std::string ok_envelope(const Json& value) {
  std::string text = "{\"value\":";
  append_json(text, value);
  text += '}';
  return text;
}

std::string error_envelope(const Error& error) {
  Json body = json_object({{"code", error.code}, {"description", error.description}});
  if (!error.field.empty()) body["field"] = error.field;
  if (error.status_code != 0) body["statusCode"] = error.status_code;
  if (!error.original.is_null()) body["original"] = error.original;
  Json envelope = Json::object();
  envelope["error"] = std::move(body);
  return dump_json(envelope);
}

std::string envelope(const Status& status) {
  return status ? ok_envelope(true) : error_envelope(status.error());
}

const Error* first_failure(std::initializer_list<const Result<Json>*> docs) {
  for (const Result<Json>* doc : docs) {
    if (!*doc) return &doc->error();
  }
  return nullptr;
}

std::string string_option(const Json& options, const char* name) {
  return optional_string_option(options, name).value_or(std::string());
}

std::optional<std::string> optional_string_option(const Json& options, const char* name) {
  if (!options.is_object()) return std::nullopt;
  auto it = options.find(name);
  if (it == options.end() || !it->is_string()) return std::nullopt;
  return it->get_ref<const std::string&>();
}

// JS numbers arrive as doubles when they carry a fraction (e.g. Date.now() / 1000) and as
// unsigned or float text when huge: json_int64 clamps them instead of wrapping.
std::optional<std::int64_t> integer_option(const Json& options, const char* name) {
  if (!options.is_object()) return std::nullopt;
  auto it = options.find(name);
  if (it == options.end()) return std::nullopt;
  return json_int64(*it);
}

bool bool_option(const Json& options, const char* name) {
  if (!options.is_object()) return false;
  auto it = options.find(name);
  return it != options.end() && it->is_boolean() && it->get<bool>();
}

std::vector<std::pair<std::string, std::string>> header_pairs(const Json& headers) {
  std::vector<std::pair<std::string, std::string>> pairs;
  if (!headers.is_object()) return pairs;
  for (auto it = headers.begin(); it != headers.end(); ++it) {
    if (it.value().is_string()) pairs.emplace_back(it.key(), it.value().get_ref<const std::string&>());
  }
  return pairs;
}

Json header_object(const std::vector<std::pair<std::string, std::string>>& headers) {
  Json object = Json::object();
  for (const auto& [name, value] : headers) object[name] = value;
  return object;
}

}  // namespace metalock::wasm
