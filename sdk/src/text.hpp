// Building a message from pieces, private to the core. `"a" + b + "c" + d` instantiates a
// temporary std::string per `+` at every call site (an allocation, a copy and a destructor
// each, all inlined); concat() is one out-of-line call that sizes the result once. In the wasm
// module this is most of what the error wording of the JWT, token cache and HTTP code costs.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace metalock::text {

// The pieces, in order, as one string.
std::string concat(std::initializer_list<std::string_view> parts);

// `n` in decimal, as std::to_string writes it. One small loop, shared with the JSON writer:
// std::to_string brings libc++'s table-driven itoa (about 0.6 KB of the wasm) for messages.
std::string decimal(std::int64_t n);
// The same digits (and sign) appended to `out`.
void append_decimal(std::string& out, std::uint64_t n);
void append_decimal(std::string& out, std::int64_t n);

}  // namespace metalock::text
