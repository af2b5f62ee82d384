// The wasm module's shortest digits of a double (sdk/src/double_digits.hpp): JavaScript's own,
// as Number's toString spells them (ECMA-262 Number::toString: the fewest digits that read
// back as the value, the closest such when several do). Only the digits and the exponent are
// taken; the core writes them in its notation.
#include <emscripten/emscripten.h>

// value > 0 and finite, so String(value) is d+[.d+][e[+-]d+] or 0.0+d+.
EM_JS(int, metalock_js_shortest_digits, (double value, char* digits, int* exponent), {
  var text = String(value);
  var at = text.indexOf("e");
  var power = 0;
  if (at >= 0) {
    power = +text.slice(at + 1);
    text = text.slice(0, at);
  }
  var dot = text.indexOf(".");
  if (dot >= 0) {
    power -= text.length - dot - 1;
    text = text.slice(0, dot) + text.slice(dot + 1);
  }
  var first = 0;
  while (text.charCodeAt(first) == 48) first++;
  var end = text.length;
  while (text.charCodeAt(end - 1) == 48) end--;
  power += text.length - end;
  for (var i = first; i < end; i++) HEAPU8[digits + i - first] = text.charCodeAt(i);
  HEAP32[exponent >> 2] = power;
  return end - first;
});

namespace metalock::detail {

// As sdk/src/double_digits.hpp declares it (a private header of the core); a signature that
// drifted from it would leave the core's call unresolved, and the link would fail.
int shortest_digits(double value, char* digits, int& exponent);

int shortest_digits(double value, char* digits, int& exponent) {
  return metalock_js_shortest_digits(value, digits, &exponent);
}

}  // namespace metalock::detail
