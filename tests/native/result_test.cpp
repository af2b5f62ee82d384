// Result<T>: the accessors never throw. value() of an error is a precondition violation that
// aborts with a message (tests/native/result_misuse.cpp, run by CTest), not bad_variant_access.
#include "metalock/error.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <utility>

using metalock::Error;
using metalock::Result;

static_assert(noexcept(std::declval<const Result<int>&>().value()), "value() const& is noexcept");
static_assert(noexcept(std::declval<Result<int>&>().value()), "value() & is noexcept");
static_assert(noexcept(std::declval<Result<int>&&>().value()), "value() && is noexcept");
static_assert(noexcept(std::declval<const Result<int>&>().error()), "error() is noexcept");
static_assert(noexcept(std::declval<const Result<int>&>().ok()), "ok() is noexcept");

TEST_CASE("Result holds a value or an error, and says which", "[result]") {
  Result<std::string> good(std::string("text"));
  REQUIRE(good.ok());
  CHECK(static_cast<bool>(good));
  CHECK(good.value() == "text");
  good.value() += "!";
  CHECK(good.value() == "text!");
  CHECK(std::move(good).value() == "text!");

  const Result<std::string> bad(Error::make("invalid_json", "not JSON", "body"));
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code == "invalid_json");
  CHECK(bad.error().field == "body");
}
