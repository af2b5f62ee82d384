// base64url (RFC 4648 §5): the encoding of every JWT segment.
#include "metalock/jwt.hpp"

#include "text.hpp"

#include <array>

namespace metalock {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// -1 for bytes outside the URL-safe alphabet; built once at compile time.
constexpr std::array<signed char, 256> make_decode_table() {
  std::array<signed char, 256> table{};
  for (auto& slot : table) slot = -1;
  for (int i = 0; i < 64; ++i) table[static_cast<unsigned char>(kAlphabet[i])] = static_cast<signed char>(i);
  return table;
}
constexpr auto kDecode = make_decode_table();

Error bad_base64url(const std::string& why) {
  return Error::make(code::invalid_token, "Invalid base64url: " + why);
}

}  // namespace

std::string base64url_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  auto byte = [&](std::size_t at) { return static_cast<unsigned char>(bytes[at]); };
  for (; i + 3 <= bytes.size(); i += 3) {
    const unsigned triple = (byte(i) << 16) | (byte(i + 1) << 8) | byte(i + 2);
    out += kAlphabet[(triple >> 18) & 63];
    out += kAlphabet[(triple >> 12) & 63];
    out += kAlphabet[(triple >> 6) & 63];
    out += kAlphabet[triple & 63];
  }
  const std::size_t rest = bytes.size() - i;
  if (rest == 1) {
    const unsigned v = byte(i) << 16;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
  } else if (rest == 2) {
    const unsigned v = (byte(i) << 16) | (byte(i + 1) << 8);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
  }
  return out;
}

Result<std::string> base64url_decode(std::string_view text) {
  // Padding is optional in JWTs but some issuers send it; accept only a well-placed one.
  if (!text.empty() && text.back() == '=') {
    if (text.size() % 4 != 0) return bad_base64url("padding does not complete a 4-character group");
    std::size_t pads = 0;
    while (!text.empty() && text.back() == '=' && pads < 3) {
      text.remove_suffix(1);
      ++pads;
    }
    if (pads > 2 || (!text.empty() && text.back() == '=')) return bad_base64url("too much padding");
  }
  if (text.size() % 4 == 1) return bad_base64url("impossible length " + text::decimal(text.size()));

  std::string out;
  out.reserve(text.size() / 4 * 3 + 2);
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    const int v = kDecode[static_cast<unsigned char>(c)];
    if (v < 0) return bad_base64url("character outside the URL-safe alphabet");
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  // Leftover low bits of the last character are ignored, as browsers' atob does:
  // being stricter here would reject tokens other Auth0 SDKs accept.
  return out;
}

}  // namespace metalock
