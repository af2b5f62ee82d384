// Runs conformance-vector cases (docs/vectors.md) through the native core.
#pragma once

#include "metalock/metalock.hpp"

#include <string>
#include <vector>

namespace metalock::vectors {

// One op of docs/vectors.md applied to its input.
Result<Json> run_op(const std::string& op, const Json& input);

struct CaseFailure {
  std::string file;
  std::string name;
  std::string expected;
  std::string got;
};

struct FileReport {
  std::size_t passed = 0;
  std::vector<CaseFailure> failures;
};

// Runs every case of one vector file. A file that cannot be read or parsed is one failure.
FileReport run_file(const std::string& path);

}  // namespace metalock::vectors
