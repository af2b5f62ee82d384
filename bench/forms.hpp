// Sign-up forms the signup benchmarks map (Lock additionalSignUpFields + entered values).
// Auth0 caps sign-up user_metadata at 10 string fields of 500 characters, so there are no
// 16 KB or 256 KB forms: a typical one and the largest one the limits allow.
#pragma once

#include "metalock/json.hpp"

namespace metalock::bench {

struct Form {
  Json fields = Json::array();
  Json values = Json::object();
};

// The /dbconnections/signup base every form is mapped onto.
Json signup_base();

// Three fields (text, select, checkbox), as most apps ask.
Form typical_form();

// 10 metadata fields + root names, values near 500 characters with tags and whitespace to strip.
Form max_form();

}  // namespace metalock::bench
