// Shared by the sign-up tests (signup_values_test.cpp, signup_fields_test.cpp): a valid base
// body and the "code (field)" form of a failing mapping.
#pragma once

#include "metalock/signup.hpp"

#include <string>

namespace metalock::signup_fixtures {

inline const Json kBase = Json::parse(
    R"({"client_id":"metalock-demo","connection":"Username-Password-Authentication","email":"ann@example.com","password":"Secret-123"})");

inline std::string failure(const Json& specs, const Json& values, const Json& base = kBase) {
  auto result = map_signup_fields(specs, values, base);
  if (result.ok()) return "ok: " + result.value().dump();
  return result.error().code + " (" + result.error().field + ")";
}

inline std::string failure(const char* specs, const char* values = "{}", const Json& base = kBase) {
  return failure(Json::parse(specs), Json::parse(values), base);
}

}  // namespace metalock::signup_fixtures
