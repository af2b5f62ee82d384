#include "text.hpp"

namespace metalock::text {

std::string concat(std::initializer_list<std::string_view> parts) {
  std::size_t size = 0;
  for (std::string_view part : parts) size += part.size();
  std::string out;
  out.reserve(size);
  for (std::string_view part : parts) out.append(part.data(), part.size());
  return out;
}

void append_decimal(std::string& out, std::uint64_t n) {
  char digits[20];
  char* first = digits + sizeof digits;
  do {
    *--first = static_cast<char>('0' + n % 10);
    n /= 10;
  } while (n != 0);
  out.append(first, digits + sizeof digits - first);
}

void append_decimal(std::string& out, std::int64_t n) {
  if (n < 0) out += '-';
  // |INT64_MIN| has no int64: take the magnitude in unsigned arithmetic.
  append_decimal(out, n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n));
}

std::string decimal(std::int64_t n) {
  std::string out;
  append_decimal(out, n);
  return out;
}

}  // namespace metalock::text
