#include "metalock/error.hpp"

#include "text.hpp"

#include <cstdlib>
#ifndef METALOCK_ABORT_WITHOUT_MESSAGE
#include <cstdio>
#endif

namespace metalock {

Error Error::make(std::string_view code, std::string_view description, std::string_view field) {
  Error e;
  e.code = code;
  e.description = description;
  e.field = field;
  return e;
}

Error Error::make(std::string_view code, std::initializer_list<std::string_view> description,
                  std::string_view field) {
  return make(code, text::concat(description), field);
}

// The wasm core is built with METALOCK_ABORT_WITHOUT_MESSAGE (cmake/metalock_emscripten.cmake):
// stdio would cost it about 1 KB gzipped, and its abort reaches JS as an internal_error anyway.
void result_access_failed(const char* accessor, const Error* error) noexcept {
#ifndef METALOCK_ABORT_WITHOUT_MESSAGE
  std::fputs("metalock: Result::", stderr);
  std::fputs(accessor, stderr);
  std::fputs(error != nullptr ? "() called on an error: " : "() called on a value", stderr);
  if (error != nullptr) {
    std::fputs(error->code.c_str(), stderr);
    std::fputs(": ", stderr);
    std::fputs(error->description.c_str(), stderr);
  }
  std::fputs("\n", stderr);
#else
  static_cast<void>(accessor);
  static_cast<void>(error);
#endif
  std::abort();
}

}  // namespace metalock
