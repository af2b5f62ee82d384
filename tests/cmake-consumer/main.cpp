// The smallest real use of the core: merge a metadata patch, print the merged user.
#include <metalock/metadata.hpp>

#include <iostream>

int main() {
  const auto user = metalock::parse_json(R"({"user_metadata": {"theme": "dark"}})");
  const auto patch = metalock::parse_json(R"({"user_metadata": {"lang": "fr"}})");
  if (!user || !patch) return 2;
  const auto merged = metalock::merge_metadata(user.value(), patch.value());
  if (!merged) {
    std::cerr << merged.error().code << '\n';
    return 1;
  }
  std::cout << metalock::dump_json(merged.value()) << '\n';
  return 0;
}
