// OAuth scope strings (RFC 6749 section 3.3): a set of words separated by whitespace, whose
// order, repeats and extra spaces carry no meaning. Read once here for everything that compares
// scopes (the token cache's keys, validate_patch's scope rules).
#pragma once

#include <set>
#include <string>

namespace metalock {

using ScopeWords = std::set<std::string>;

// The words of `scope`, split on spaces, tabs and line breaks ("" -> none).
ScopeWords scope_words(const std::string& scope);

// True when `granted` holds every word of `wanted` (no words wanted: always true).
bool scope_contains(const ScopeWords& granted, const ScopeWords& wanted);

// True when the scope string `scope` holds every scope of `required`.
bool scope_contains(const std::string& scope, const std::string& required);

}  // namespace metalock
