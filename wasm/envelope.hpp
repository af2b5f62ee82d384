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
#include <tuple>
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

// The I-th parameter type of a binding function.
template <typename Function>
struct Parameters;
template <typename... Args>
struct Parameters<std::string (*)(Args...)> {
  using type = std::tuple<Args...>;
};
template <auto Binding, std::size_t I>
using Parameter = std::tuple_element_t<I, typename Parameters<decltype(Binding)>::type>;

}  // namespace metalock::wasm

// A binding, exported from the wasm as a plain C function: METALOCK_BINDING(merge, merge, 4)
// exports `merge`, which JS calls as Module._merge(4 wasm arguments), running the C++ function
// `merge` (std::string (...)) and handing its envelope over. Plain exports, not Embind: every
// argument and result is a wasm integer already, and Embind's JS runtime was most of the glue.
// ARITY is the wasm argument count (contract.json's args: text and json 2, int 1); a wrong one
// does not compile. Used inside namespace metalock::wasm.
#define METALOCK_BINDING(NAME, FUNCTION, ARITY) METALOCK_BINDING_##ARITY(NAME, FUNCTION)
#define METALOCK_BINDING_EXPORT(NAME) \
  extern "C" __attribute__((used, export_name(#NAME))) TextAddress metalock_binding_##NAME
#define METALOCK_P(F, I) ::metalock::wasm::Parameter<&F, I>
#define METALOCK_BINDING_2(N, F) \
  METALOCK_BINDING_EXPORT(N)(METALOCK_P(F, 0) a, METALOCK_P(F, 1) b) { return hand_over(F(a, b)); }
#define METALOCK_BINDING_4(N, F) \
  METALOCK_BINDING_EXPORT(N)(METALOCK_P(F, 0) a, METALOCK_P(F, 1) b, METALOCK_P(F, 2) c, METALOCK_P(F, 3) d) { \
    return hand_over(F(a, b, c, d)); \
  }
#define METALOCK_BINDING_5(N, F) \
  METALOCK_BINDING_EXPORT(N)(METALOCK_P(F, 0) a, METALOCK_P(F, 1) b, METALOCK_P(F, 2) c, METALOCK_P(F, 3) d, \
                             METALOCK_P(F, 4) e) { \
    return hand_over(F(a, b, c, d, e)); \
  }
#define METALOCK_BINDING_6(N, F) \
  METALOCK_BINDING_EXPORT(N)(METALOCK_P(F, 0) a, METALOCK_P(F, 1) b, METALOCK_P(F, 2) c, METALOCK_P(F, 3) d, \
                             METALOCK_P(F, 4) e, METALOCK_P(F, 5) f) { \
    return hand_over(F(a, b, c, d, e, f)); \
  }
#define METALOCK_BINDING_7(N, F) \
  METALOCK_BINDING_EXPORT(N)(METALOCK_P(F, 0) a, METALOCK_P(F, 1) b, METALOCK_P(F, 2) c, METALOCK_P(F, 3) d, \
                             METALOCK_P(F, 4) e, METALOCK_P(F, 5) f, METALOCK_P(F, 6) g) { \
    return hand_over(F(a, b, c, d, e, f, g)); \
  }
#define METALOCK_BINDING_8(N, F) \
  METALOCK_BINDING_EXPORT(N)(METALOCK_P(F, 0) a, METALOCK_P(F, 1) b, METALOCK_P(F, 2) c, METALOCK_P(F, 3) d, \
                             METALOCK_P(F, 4) e, METALOCK_P(F, 5) f, METALOCK_P(F, 6) g, METALOCK_P(F, 7) h) { \
    return hand_over(F(a, b, c, d, e, f, g, h)); \
  }
#define METALOCK_BINDING_10(N, F) \
  METALOCK_BINDING_EXPORT(N)(METALOCK_P(F, 0) a, METALOCK_P(F, 1) b, METALOCK_P(F, 2) c, METALOCK_P(F, 3) d, \
                             METALOCK_P(F, 4) e, METALOCK_P(F, 5) f, METALOCK_P(F, 6) g, METALOCK_P(F, 7) h, \
                             METALOCK_P(F, 8) i, METALOCK_P(F, 9) j) { \
    return hand_over(F(a, b, c, d, e, f, g, h, i, j)); \
  }

namespace metalock::wasm {

std::string ok_envelope(const Json& value);
std::string error_envelope(const Error& error);

template <typename T>
std::string envelope(const Result<T>& result) {
  return result ? ok_envelope(result.value()) : error_envelope(result.error());
}

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
