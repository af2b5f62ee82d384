// metalock_vectors FILE...: runs vector files through the native core (docs/vectors.md).
#include "vector_ops.hpp"

#include <iostream>

int main(int argc, char** argv) {
  std::size_t passed = 0;
  std::size_t failed = 0;
  for (int i = 1; i < argc; ++i) {
    const auto report = metalock::vectors::run_file(argv[i]);
    passed += report.passed;
    failed += report.failures.size();
    for (const auto& f : report.failures) {
      std::cout << "FAIL [native] " << f.file << " :: " << f.name << "\n  expected: " << f.expected
                << "\n  got:      " << f.got << "\n";
    }
  }
  std::cout << passed << " passed, " << failed << " failed" << std::endl;
  return failed == 0 ? 0 : 1;
}
