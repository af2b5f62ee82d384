// Size: replacements for the two libc entry points the core reaches only through nlohmann,
// linked into the wasm module alone (the native build keeps the real libc).
//
// musl's strtod works in 128-bit long double, which wasm emulates in software, and snprintf
// drags in the whole printf engine (with long double float formatting). Together about 11 KB
// of the gzipped module, for two narrow uses: nlohmann parses the floats of a JSON number it
// has already validated, and prints "\u%04x" / "<U+%.4X>" for control characters.
//
// strtod here converts with JavaScript's Number(), which is correctly rounded like a good
// strtod. snprintf formats exactly those two hex conversions and refuses anything else.
#include <emscripten/emscripten.h>

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstring>

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

// Bounded output: counts everything, stores what fits (snprintf's contract).
struct Output {
  char* buffer;
  std::size_t capacity;
  std::size_t length = 0;

  void put(char c) {
    if (length + 1 < capacity) buffer[length] = c;
    ++length;
  }
};

}  // namespace

extern "C" {

double strtod(const char* text, char** end) { return scan_double(text, end); }
float strtof(const char* text, char** end) { return static_cast<float>(scan_double(text, end)); }
long double strtold(const char* text, char** end) { return scan_double(text, end); }

// What nlohmann asks of it in this module, and no more: "\\u%04x" and "\\u%04x\\u%04x" (the
// serializer escaping a control character) and "<U+%.4X>" (the lexer naming one): literal text
// and an unsigned int in hex, zero-padded to a width (flag 0) or a precision. Any other
// conversion is refused (-1, an empty buffer) rather than read with the wrong argument type.
int snprintf(char* buffer, std::size_t capacity, const char* format, ...) {
  Output out{buffer, capacity};
  va_list args;
  va_start(args, format);
  int result = 0;
  for (const char* p = format; *p && result == 0; ++p) {
    if (*p != '%') {
      out.put(*p);
      continue;
    }
    ++p;
    const bool padded = *p == '0' || *p == '.';
    if (padded) ++p;
    int digits = 0;
    while (std::isdigit(static_cast<unsigned char>(*p))) digits = digits * 10 + (*p++ - '0');
    if (!padded || (*p != 'x' && *p != 'X')) {
      result = -1;
      break;
    }
    const char* alphabet = *p == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    char reversed[8];
    int count = 0;
    for (unsigned value = va_arg(args, unsigned); count == 0 || value != 0; value /= 16) reversed[count++] = alphabet[value % 16];
    for (int pad = digits - count; pad > 0; --pad) out.put('0');
    while (count > 0) out.put(reversed[--count]);
  }
  va_end(args);
  if (result != 0) out.length = 0;
  if (capacity > 0) buffer[out.length < capacity ? out.length : capacity - 1] = '\0';
  return result != 0 ? result : static_cast<int>(out.length);
}

}  // extern "C"
