// Building a message from pieces, private to the core. `"a" + b + "c" + d` instantiates a
// temporary std::string per `+` at every call site (an allocation, a copy and a destructor
// each, all inlined); concat() is one out-of-line call that sizes the result once. In the wasm
// module this is most of what the error wording of the JWT, token cache and HTTP code costs.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace metalock::text {

// The pieces, in order, as one string.
std::string concat(std::initializer_list<std::string_view> parts);

}  // namespace metalock::text
