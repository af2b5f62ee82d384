// Scope strings as word sets (scope.hpp).
#include "metalock/scope.hpp"

#include <algorithm>

namespace metalock {

// Splits by hand: <sstream> would pull iostreams into the wasm module.
ScopeWords scope_words(const std::string& scope) {
  ScopeWords words;
  std::size_t start = 0;
  while (start < scope.size()) {
    const std::size_t end = std::min(scope.find_first_of(" \t\n\r", start), scope.size());
    if (end > start) words.insert(scope.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

bool scope_contains(const ScopeWords& granted, const ScopeWords& wanted) {
  return std::includes(granted.begin(), granted.end(), wanted.begin(), wanted.end());
}

bool scope_contains(const std::string& scope, const std::string& required) {
  return scope_contains(scope_words(scope), scope_words(required));
}

}  // namespace metalock
