// scopeContains: scope.hpp, so JS never splits scope strings itself (one reading of a scope).
#include "envelope.hpp"
#include "metalock/scope.hpp"

#include <emscripten/bind.h>

namespace metalock::wasm {
namespace {

// Raw scope strings in; {"value": true|false} out (a bool would need another Embind type).
std::string contains(TextAddress scope_at, std::size_t scope_size, TextAddress required_at,
                     std::size_t required_size) {
  const std::string scope = adopt_text(scope_at, scope_size);
  return ok_envelope(scope_contains(scope, adopt_text(required_at, required_size)));
}

}  // namespace
}  // namespace metalock::wasm

EMSCRIPTEN_BINDINGS(metalock_scope) { emscripten::function("scopeContains", metalock::wasm::returns_text<&metalock::wasm::contains>); }
