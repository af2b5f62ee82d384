// The one shape every binding returns: JSON text {"value": ...} or {"error": {...}}
// (wasm/contract.json declares every binding). Text crosses the boundary, not emscripten::val
// trees: one parse on each side beats walking deep objects property by property, and the
// core's JSON limits apply.
//
// Text arguments arrive as (address, size) of UTF-8 bytes that js/core/facade.js malloc'ed
// and filled with TextEncoder + HEAPU8.set. Embind's own std::string conversion walks every
// character in JS: about half a second for a hostile 50 MB body, before the core could
// refuse it; this way it costs a memcpy.
#pragma once

#include "metalock/error.hpp"
#include "metalock/json.hpp"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace metalock::wasm {

// An address/size pair for one text argument; the binding adopts (copies and frees) it.
using TextAddress = std::uintptr_t;
std::string adopt_text(TextAddress data, std::size_t size);

// How an envelope crosses back: the address of a malloc'ed block holding its length (32-bit,
// little-endian) and then its UTF-8 bytes, which js/core/facade.js decodes with one
// TextDecoder call and frees (0 when the block cannot be allocated). Embind's std::string
// return made the same copy and then walked every byte twice in JS.
TextAddress hand_over(const std::string& envelope);

template <auto Binding>
struct ReturnsText;
template <typename... Args, std::string (*Binding)(Args...)>
struct ReturnsText<Binding> {
  static TextAddress call(Args... args) { return hand_over(Binding(args...)); }
};
// Every binding is registered as emscripten::function(name, returns_text<&binding>).
template <auto Binding>
constexpr auto returns_text = &ReturnsText<Binding>::call;

std::string ok_envelope(const Json& value);
std::string error_envelope(const Error& error);

template <typename T>
std::string envelope(const Result<T>& result) {
  return result ? ok_envelope(result.value()) : error_envelope(result.error());
}
// A check that passed crosses as {"value": true}.
std::string envelope(const Status& status);

// A JSON text argument from JS, parsed under the core's limits straight from the bytes JS
// placed (no std::string copy of them), which it then frees.
Result<Json> adopt_json(TextAddress data, std::size_t size, const JsonLimits& limits = {});

// use(doc...) once every argument parsed, else the first failure's error envelope. Adopt
// every argument before checking any, so none is leaked: with_json(use, adopt_json(...), ...).
const Error* first_failure(std::initializer_list<const Result<Json>*> docs);

// The documents are the binding's own: `use` may take them as Json& and move them (an owning
// core overload then skips a copy).
template <typename Use, typename... Docs>
std::string with_json(Use&& use, Docs&&... docs) {
  if (const Error* failure = first_failure({&docs...})) return error_envelope(*failure);
  return use(docs.value()...);
}

// Reads of an options object that JS built. Absent or mistyped members read as absent:
// the options are ours (js/core), not untrusted input.
std::string string_option(const Json& options, const char* name);
std::optional<std::string> optional_string_option(const Json& options, const char* name);
std::optional<std::int64_t> integer_option(const Json& options, const char* name);
bool bool_option(const Json& options, const char* name);

// {"a": "1"} -> [("a", "1")] (non-string values skipped) and back.
std::vector<std::pair<std::string, std::string>> header_pairs(const Json& headers);
Json header_object(const std::vector<std::pair<std::string, std::string>>& headers);

}  // namespace metalock::wasm
