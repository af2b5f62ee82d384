// Embind's built-in type registrations, cut down to the types the bindings use.
//
// libembind's bind.cpp registers every C++ type Embind knows (wide strings, memory views,
// floats, 64-bit integers, emscripten::val) from a constructor, which keeps their JS
// converters (UTF-16/UTF-32 codecs, typed-array views, the emval handle table) and the C++
// type_info of each in the module. Our bindings only pass int / unsigned long (text
// addresses and sizes) and return unsigned long (the address of the envelope's text,
// envelope.hpp's hand_over), so this file defines the two symbols of bind.cpp itself and the
// linker never pulls bind.cpp out of libembind.a.
// A binding with any other parameter or return type fails at module start-up with Embind's
// "unbound type" error (the wasm tests catch it): register the type here first.
// Mirrors Emscripten 3.1.6's system/lib/embind/bind.cpp.
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>

#include <cstring>
#include <limits>
#include <string>

using namespace emscripten::internal;

namespace {

template <typename T>
void register_integer(const char* name) {
  _embind_register_integer(TypeID<T>::get(), name, sizeof(T), std::numeric_limits<T>::min(),
                           std::numeric_limits<T>::max());
}

}  // namespace

extern "C" {

// Embind's JS calls it to name a type in an "unbound type" error. Under -fno-rtti a type id
// is the address of a marker, not a std::type_info, so there is no name to give.
EMSCRIPTEN_KEEPALIVE const char* __getTypeName(const void*) { return strdup("(a type not registered in embind_types.cpp)"); }

EMSCRIPTEN_KEEPALIVE __attribute__((constructor)) void __embind_register_native_and_builtin_types() {
  register_integer<int>("int");
  register_integer<unsigned long>("unsigned long");
}

}  // extern "C"
