// validateClientMetadata / applyClientMetadataPatch: client_metadata.hpp over JSON text.
#include "envelope.hpp"
#include "metalock/client_metadata.hpp"

#include <emscripten/bind.h>

namespace metalock::wasm {
namespace {

std::string validate(TextAddress metadata_at, std::size_t metadata_size) {
  auto use = [](const Json& metadata) {
    return envelope(validate_client_metadata(metadata));
  };
  return with_json(use, adopt_json(metadata_at, metadata_size));
}

std::string apply(TextAddress current_at, std::size_t current_size, TextAddress changes_at, std::size_t changes_size) {
  return with_json([](const Json& current, const Json& changes) { return envelope(apply_client_metadata_patch(current, changes)); },
                   adopt_json(current_at, current_size), adopt_json(changes_at, changes_size));
}

}  // namespace
}  // namespace metalock::wasm

EMSCRIPTEN_BINDINGS(metalock_client_metadata) {
  emscripten::function("validateClientMetadata", metalock::wasm::returns_text<&metalock::wasm::validate>);
  emscripten::function("applyClientMetadataPatch", metalock::wasm::returns_text<&metalock::wasm::apply>);
}
