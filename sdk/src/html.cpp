// strip_html: sign-up values end up in profiles that apps render, so markup never survives.
//
// A '<' opens markup only where an HTML parser would start a tag: before a letter, '/', '!'
// or '?'. Such markup runs to the next '>' (or to the end of the text when there is none).
// Any other '<' is text and stays as typed ("I <3 cats", "a < b & c"). No tag can be
// reassembled from the pieces left around a removed one: a text '<' that would end up in
// front of a tag-opening character is dropped with the markup ("<<b>script>" yields
// "script>"). Comments end at "-->"; <script> and <style> elements are dropped with their
// content up to their closing tag.
#include "metalock/signup.hpp"

#include <cctype>

namespace metalock {
namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool starts_with_ci(const std::string& text, std::size_t at, std::string_view prefix) {
  if (text.size() - at < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (lower(text[at + i]) != prefix[i]) return false;
  }
  return true;
}

std::size_t find_ci(const std::string& text, std::string_view needle, std::size_t from) {
  for (std::size_t at = from; at + needle.size() <= text.size(); ++at) {
    if (starts_with_ci(text, at, needle)) return at;
  }
  return std::string::npos;
}

// "<script" / "<style" as a whole tag name: "<scripts>" is some other element.
bool opens_element(const std::string& text, std::size_t at, std::string_view open_tag) {
  if (!starts_with_ci(text, at, open_tag)) return false;
  const std::size_t next = at + open_tag.size();
  if (next == text.size()) return true;
  const char c = text[next];
  return c == '>' || c == '/' || std::isspace(static_cast<unsigned char>(c));
}

// Whether a '<' followed by c opens markup (the HTML tokenizer's tag open state).
bool opens_markup(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '/' || c == '!' || c == '?';
}

// Appends text, first dropping text '<'s at the end of `out` that the text's first character
// would turn into a tag opening.
void append_text(std::string& out, const std::string& value, std::size_t from, std::size_t count) {
  if (count == 0) return;
  while (!out.empty() && out.back() == '<' && opens_markup(value[from])) out.pop_back();
  out.append(value, from, count);
}

std::size_t after(const std::string& text, std::size_t found, std::size_t length) {
  return found == std::string::npos ? text.size() : found + length;
}

// Where the markup starting at text[at] == '<' ends (one past it).
std::size_t skip_markup(const std::string& text, std::size_t at) {
  if (starts_with_ci(text, at, "<!--")) return after(text, text.find("-->", at + 4), 3);
  for (std::string_view element : {std::string_view("script"), std::string_view("style")}) {
    const std::string open = "<" + std::string(element);
    if (!opens_element(text, at, open)) continue;
    const std::size_t close = find_ci(text, "</" + std::string(element), at + open.size());
    if (close == std::string::npos) return text.size();
    return after(text, text.find('>', close), 1);
  }
  return after(text, text.find('>', at + 1), 1);
}

}  // namespace

std::string strip_html(const std::string& value) {
  std::string text;
  text.reserve(value.size());
  std::size_t at = 0;
  while (at < value.size()) {
    std::size_t tag = value.find('<', at);
    while (tag != std::string::npos && (tag + 1 == value.size() || !opens_markup(value[tag + 1]))) {
      tag = value.find('<', tag + 1);  // a text '<': keep looking
    }
    if (tag == std::string::npos) {
      append_text(text, value, at, value.size() - at);
      break;
    }
    append_text(text, value, at, tag - at);
    at = skip_markup(value, tag);
  }
  return text;
}

}  // namespace metalock
