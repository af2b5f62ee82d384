// The /dbconnections/signup endpoint's rules, private to the core. Two callers hold bodies
// to these same rules: map_signup_fields (a body being built from Lock fields) and
// validate_signup_body (a body a server received). Each rule lives here once; the callers
// only decide which property an error names (a Lock field's name, or a path in the body).
#pragma once

#include "metalock/error.hpp"
#include "metalock/json.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace metalock::signup_rules {

// The attributes that may sit at the root of the body (Lock's storage: 'root').
inline constexpr std::string_view kRootAttributes[] = {"given_name", "family_name", "name", "nickname", "picture"};
bool is_root_attribute(const std::string& name);

// A string's length as JavaScript counts it (UTF-16 code units), as Lock and Auth0 count it.
std::size_t utf16_length(const std::string& text);

// given_name/family_name 150, name/nickname 300 (their range is 1 to that); none otherwise.
std::optional<std::size_t> name_attribute_max_length(const std::string& name);

// "Sign-up field '<field>': <why>", naming `field`.
Error field_error(const char* error_code, const std::string& field, const std::string& why);

// client_id, connection, email, password: non-empty strings. field_required (field = the key).
Status check_required_keys(const Json& body);

// At most 10 user_metadata properties. too_many_fields (field = `field`).
Status check_metadata_count(std::size_t count, const std::string& field);

// A user_metadata property name: at most 100 characters (field_name_too_long), no '.' or '$'
// (invalid_field_name), the rule of every Auth0 metadata name. Errors name `field`.
Status check_metadata_name(const std::string& name, const std::string& field);

// Any value sent: at most 500 characters (value_too_long, field = `field`).
Status check_value_length(std::size_t length, const std::string& field);

// A user_metadata value: a string (not_a_string) of at most 500 characters (value_too_long).
Status check_metadata_value(const Json& value, const std::string& field);

}  // namespace metalock::signup_rules
