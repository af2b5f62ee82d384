// /userinfo text: a profile always carries user_metadata and app_metadata objects, or the
// text is refused with a code.
#include "fuzz_support.hpp"
#include "metalock/profile.hpp"

using namespace metalock;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const ProfileOptions options{"https://example.com/user_metadata", "https://example.com/app_metadata"};
  auto profile = normalize_profile(fuzz::text_of(data, size), options);
  if (!profile) {
    fuzz::require(!profile.error().code.empty(), "a refused profile has an error code");
    return 0;
  }
  const Json& value = profile.value();
  fuzz::require(value.is_object(), "a profile is an object");
  fuzz::require(value.contains("user_metadata") && value["user_metadata"].is_object(), "user_metadata is an object");
  fuzz::require(value.contains("app_metadata") && value["app_metadata"].is_object(), "app_metadata is an object");
  return 0;
}
