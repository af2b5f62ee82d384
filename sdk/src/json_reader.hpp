// The JSON text reader behind parse_json, private to the core.
#pragma once

#include "metalock/json.hpp"

#include <string_view>

namespace metalock::detail {

// Reads `text`, one JSON value (RFC 8259) between optional whitespace and after an optional
// UTF-8 byte order mark, into `out`. false for anything else: a syntax error, malformed UTF-8,
// a lone surrogate escape, a number past the double range. It builds the document nlohmann's
// parser builds (positive integers unsigned, negative ones signed, the rest double; a repeated
// key keeps its last value) without its char-at-a-time lexer.
// Nesting is not limited here (the reader keeps no recursion): parse_json checks depth first.
// `as_json_parse` (parse_json_lenient) takes two things more, as JSON.parse does: a lone
// surrogate escape, read as U+FFFD, and a number past the double range, read as the largest
// finite double with its sign.
bool read_json(std::string_view text, Json& out, bool as_json_parse = false);

}  // namespace metalock::detail
