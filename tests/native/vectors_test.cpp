// Every conformance vector file runs through the native core.
#include "vector_ops.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

TEST_CASE("conformance vectors pass natively", "[vectors]") {
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(METALOCK_VECTORS_DIR)) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    const auto report = metalock::vectors::run_file(entry.path().string());
    INFO(entry.path().filename().string());
    for (const auto& f : report.failures) {
      INFO(f.name << "\n expected: " << f.expected << "\n got: " << f.got);
      CHECK(false);
    }
    CHECK(report.passed > 0);
  }
  REQUIRE(files > 0);
}
