// Size: a replacement for the libc entry point the core reaches for JSON numbers, linked into
// the wasm module alone (the native build keeps the real libc).
//
// musl's strtod works in 128-bit long double, which wasm emulates in software: several KB of
// the gzipped module, for one narrow use, the floats of a JSON number the reader has already
// validated (sdk/src/json_reader.cpp). strtod here converts with JavaScript's Number(), which
// is correctly rounded like a good strtod. (A snprintf for nlohmann's lexer and serializer
// lived here too, until the core wrote its own JSON text.)
#include <emscripten/emscripten.h>

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstddef>

// The scanned text is ASCII (sign, digits, '.', 'e'), so bytes map to chars one to one.
EM_JS(double, metalock_js_number, (const char* text, int length), {
  var s = "";
  for (var i = 0; i < length; i++) s += String.fromCharCode(HEAPU8[text + i]);
  return Number(s);
});

namespace {

bool matches_word(const char* text, const char* word) {
  for (; *word; ++text, ++word) {
    if (std::tolower(static_cast<unsigned char>(*text)) != *word) return false;
  }
  return true;
}

// Decimal only (no C99 hex floats): the one caller hands over JSON numbers.
double scan_double(const char* start, char** end) {
  const char* p = start;
  while (std::isspace(static_cast<unsigned char>(*p))) ++p;
  const char* number = p;
  bool negative = false;
  if (*p == '+' || *p == '-') negative = *p++ == '-';
  if (matches_word(p, "inf")) {
    if (end) *end = const_cast<char*>(p + (matches_word(p, "infinity") ? 8 : 3));
    return negative ? -HUGE_VAL : HUGE_VAL;
  }
  if (matches_word(p, "nan")) {
    if (end) *end = const_cast<char*>(p + 3);
    return negative ? -NAN : NAN;
  }
  std::size_t digits = 0;
  while (std::isdigit(static_cast<unsigned char>(*p))) ++p, ++digits;
  if (*p == '.') {
    ++p;
    while (std::isdigit(static_cast<unsigned char>(*p))) ++p, ++digits;
  }
  if (digits == 0) {
    if (end) *end = const_cast<char*>(start);
    return 0;
  }
  if (*p == 'e' || *p == 'E') {
    const char* exponent = p + 1;
    if (*exponent == '+' || *exponent == '-') ++exponent;
    if (std::isdigit(static_cast<unsigned char>(*exponent))) {
      p = exponent;
      while (std::isdigit(static_cast<unsigned char>(*p))) ++p;
    }
  }
  if (end) *end = const_cast<char*>(p);
  const double value = metalock_js_number(number, static_cast<int>(p - number));
  if (std::isinf(value)) errno = ERANGE;
  return value;
}

}  // namespace

extern "C" {

double strtod(const char* text, char** end) { return scan_double(text, end); }
float strtof(const char* text, char** end) { return static_cast<float>(scan_double(text, end)); }
long double strtold(const char* text, char** end) { return scan_double(text, end); }

}  // extern "C"
