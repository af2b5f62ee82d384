// UTF-8 as RFC 3629 defines it, private to the core: the JSON reader refuses anything else,
// the writer replaces it. One definition, so that what one accepts the other keeps.
#pragma once

#include <cstddef>

namespace metalock::utf8 {

// The well-formed sequence of 2 to 4 bytes that starts at `at` (a byte >= 0x80): its length,
// or 0 when it is malformed or cut short by `end`. Then `*valid_prefix` holds how many of its
// bytes (at least 1) still belonged to a sequence: the "maximal subpart" after which a
// decoder resumes, as TextDecoder and nlohmann's serializer do.
inline std::size_t sequence_length(const unsigned char* at, const unsigned char* end,
                                   std::size_t* valid_prefix = nullptr) {
  const unsigned char lead = *at;
  std::size_t length = 0;
  unsigned char low = 0x80;   // the range of the second byte, which depends on the lead
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;    // no overlong forms
    if (lead == 0xED) high = 0x9F;   // no UTF-16 surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;    // no overlong forms
    if (lead == 0xF4) high = 0x8F;   // nothing past U+10FFFF
  }
  std::size_t read = 1;
  if (length != 0) {
    for (; read < length && at + read < end; ++read) {
      const unsigned char byte = at[read];
      if (read == 1 ? (byte < low || byte > high) : (byte < 0x80 || byte > 0xBF)) break;
    }
  }
  if (valid_prefix) *valid_prefix = read;
  return length != 0 && read == length ? length : 0;
}

}  // namespace metalock::utf8
