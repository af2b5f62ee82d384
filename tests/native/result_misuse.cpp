// Reads value() of an error Result, as a careless caller would. CTest expects the process to
// abort with metalock's message (not std::bad_variant_access through std::terminate).
#include "metalock/error.hpp"

#include <cstdio>

int main() {
  const metalock::Result<int> result(metalock::Error::make("invalid_json", "not JSON"));
  std::printf("%d\n", result.value());
  return 0;
}
