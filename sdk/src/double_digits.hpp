// The shortest decimal digits that read back as a double: the one step of writing a number
// that each build takes from its platform, as reading one takes strtod. Natively they are
// nlohmann's Grisu2 digits (double_digits.cpp), so the core writes doubles byte for byte as
// nlohmann's dump does. The wasm module takes JavaScript's own (wasm/double_digits.cpp), the
// digits Number's toString and JSON.stringify spell, and so holds neither Grisu2's code nor
// its table of cached powers of ten (2.1 KB of the gzipped module). Both read back as the same
// double; in rare cases Grisu2's digits are not the shortest, only round-trip exact.
#pragma once

namespace metalock::detail {

// value: finite and > 0. Writes the digits (at most 17, no trailing zero) to `digits` and
// returns how many; then value == digits x 10^exponent when read back.
int shortest_digits(double value, char* digits, int& exponent);

}  // namespace metalock::detail
