// Size: replacements for the two libc entry points the core reaches only through nlohmann,
// linked into the wasm module alone (the native build keeps the real libc).
//
// musl's strtod works in 128-bit long double, which wasm emulates in software, and snprintf
// drags in the whole printf engine (with long double float formatting). Together about 11 KB
// of the gzipped module, for two narrow uses: nlohmann parses the floats of a JSON number it
// has already validated, and prints "\u%04x" / "<U+%.4X>" for control characters.
//
// strtod here converts with JavaScript's Number(), which is correctly rounded like a good
// strtod. snprintf handles %d %i %u %x %X %c %s %% with the flags - 0 +, width, precision and
// the length modifiers; a float prints in its shortest round-trip form.
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

// A float -> its shortest round-trip text (no caller formats floats; this only keeps such a
// call from reading its arguments wrong).
EM_JS(int, metalock_js_format_float, (double value, char* out, int capacity), {
  var s = String(value);
  var n = Math.min(s.length, capacity);
  for (var i = 0; i < n; i++) HEAPU8[out + i] = s.charCodeAt(i);
  return n;
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
  void repeat(char c, int count) {
    for (int i = 0; i < count; ++i) put(c);
  }
  void write(const char* text, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) put(text[i]);
  }
};

struct Spec {
  bool left = false, zero = false, plus = false;
  int width = 0;
  int precision = -1;
};

// prefix (sign, 0x) + body, padded to the width.
void emit(Output& out, const Spec& spec, const char* prefix, const char* body, std::size_t body_length,
          int leading_zeros = 0) {
  const int used = static_cast<int>(std::strlen(prefix) + body_length) + leading_zeros;
  const int pad = spec.width > used ? spec.width - used : 0;
  if (!spec.left && !spec.zero) out.repeat(' ', pad);
  out.write(prefix, std::strlen(prefix));
  if (!spec.left && spec.zero) out.repeat('0', pad);
  out.repeat('0', leading_zeros);
  out.write(body, body_length);
  if (spec.left) out.repeat(' ', pad);
}

void emit_integer(Output& out, Spec spec, std::uintmax_t magnitude, bool negative, char conversion) {
  const unsigned base = (conversion == 'x' || conversion == 'X') ? 16 : 10;
  const char* alphabet = conversion == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  char digits[64];
  std::size_t count = 0;
  for (std::uintmax_t v = magnitude; v != 0; v /= base) digits[sizeof digits - ++count] = alphabet[v % base];
  const char* body = digits + sizeof digits - count;
  int leading_zeros = spec.precision > static_cast<int>(count) ? spec.precision - static_cast<int>(count) : 0;
  if (spec.precision < 0 && count == 0) leading_zeros = 1;   // plain "0"
  if (spec.precision >= 0) spec.zero = false;
  emit(out, spec, negative ? "-" : spec.plus ? "+" : "", body, count, leading_zeros);
}

}  // namespace

extern "C" {

double strtod(const char* text, char** end) { return scan_double(text, end); }
float strtof(const char* text, char** end) { return static_cast<float>(scan_double(text, end)); }
long double strtold(const char* text, char** end) { return scan_double(text, end); }

int snprintf(char* buffer, std::size_t capacity, const char* format, ...) {
  Output out{buffer, capacity};
  va_list args;
  va_start(args, format);
  for (const char* p = format; *p; ++p) {
    if (*p != '%') {
      out.put(*p);
      continue;
    }
    Spec spec;
    for (bool flag = true; flag;) {
      switch (*++p) {
        case '-': spec.left = true; break;
        case '0': spec.zero = true; break;
        case '+': spec.plus = true; break;
        default: flag = false;
      }
    }
    if (*p == '*') {
      spec.width = va_arg(args, int);
      if (spec.width < 0) spec.left = true, spec.width = -spec.width;
      ++p;
    }
    while (std::isdigit(static_cast<unsigned char>(*p))) spec.width = spec.width * 10 + (*p++ - '0');
    if (*p == '.') {
      spec.precision = 0;
      if (*++p == '*') {
        spec.precision = va_arg(args, int);
        ++p;
      }
      while (std::isdigit(static_cast<unsigned char>(*p))) spec.precision = spec.precision * 10 + (*p++ - '0');
    }
    if (spec.left) spec.zero = false;
    int longs = 0;          // l, ll, j widen (z and t are int-sized on wasm32); h / hh narrow
    int shorts = 0;
    for (;; ++p) {
      if (*p == 'l' || *p == 'j') longs += *p == 'j' ? 2 : 1;
      else if (*p == 'h') ++shorts;
      else if (*p != 'z' && *p != 't') break;
    }
    const char conversion = *p;
    switch (conversion) {
      case 'd':
      case 'i': {
        std::intmax_t v = longs >= 2 ? va_arg(args, long long) : longs == 1 ? va_arg(args, long) : va_arg(args, int);
        if (shorts == 1) v = static_cast<short>(v);
        if (shorts >= 2) v = static_cast<signed char>(v);
        const std::uintmax_t magnitude = v < 0 ? 0 - static_cast<std::uintmax_t>(v) : static_cast<std::uintmax_t>(v);
        emit_integer(out, spec, magnitude, v < 0, conversion);
        break;
      }
      case 'u':
      case 'x':
      case 'X': {
        std::uintmax_t v = longs >= 2 ? va_arg(args, unsigned long long)
                           : longs == 1 ? va_arg(args, unsigned long) : va_arg(args, unsigned int);
        if (shorts == 1) v = static_cast<unsigned short>(v);
        if (shorts >= 2) v = static_cast<unsigned char>(v);
        emit_integer(out, spec, v, false, conversion);
        break;
      }
      case 'c': {
        const char c = static_cast<char>(va_arg(args, int));
        emit(out, spec, "", &c, 1);
        break;
      }
      case 's': {
        const char* s = va_arg(args, const char*);
        if (!s) s = "(null)";
        std::size_t length = 0;
        while (s[length] && (spec.precision < 0 || length < static_cast<std::size_t>(spec.precision))) ++length;
        emit(out, spec, "", s, length);
        break;
      }
      case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': case 'a': case 'A': {
        char text[32];
        const int length = metalock_js_format_float(va_arg(args, double), text, sizeof text);
        emit(out, spec, "", text, length);
        break;
      }
      case '%': out.put('%'); break;
      case '\0': --p; break;   // a lone '%' at the end
      default: out.put('%'), out.put(conversion);
    }
  }
  va_end(args);
  if (capacity > 0) buffer[out.length < capacity ? out.length : capacity - 1] = '\0';
  return static_cast<int>(out.length);
}

}  // extern "C"
