// Native: nlohmann's Grisu2 (double_digits.hpp). The wasm module links its own instead.
#include "double_digits.hpp"

#include <nlohmann/json.hpp>

namespace metalock::detail {

int shortest_digits(double value, char* digits, int& exponent) {
  int count = 0;
  nlohmann::detail::dtoa_impl::grisu2(digits, count, exponent, value);
  return count;
}

}  // namespace metalock::detail
