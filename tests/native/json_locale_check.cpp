// A host program may set a locale whose decimal separator is ',' (setlocale(LC_ALL, "") in a
// German desktop app): JSON numbers must still read as JSON spells them. strtod reads the
// locale's separator, so 1.5 once read as 1 and 1.7e9 as 1 (an nbf claim passing when it
// should not). Run by CTest under a comma locale built into the build tree (CMakeLists.txt).
#include "metalock/json.hpp"

#include <clocale>
#include <cstdio>
#include <limits>

namespace {

int failures = 0;

void expect(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "FAILED: %s\n", what);
    ++failures;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || !std::setlocale(LC_ALL, argv[1]) || std::localeconv()->decimal_point[0] != ',') {
    std::fprintf(stderr, "cannot set a locale with ',' as decimal separator: %s\n", argc < 2 ? "(none given)" : argv[1]);
    return 2;
  }
  const auto doc = metalock::parse_json(R"({"exp":1.5,"iat":1.7e9,"x":0.25,"n":-2.5E-3})");
  expect(doc.ok(), "a document with fractions parses");
  if (doc.ok()) {
    const metalock::Json& d = doc.value();
    expect(d["exp"].get<double>() == 1.5, "1.5");
    expect(d["iat"].get<double>() == 1.7e9, "1.7e9");
    expect(d["x"].get<double>() == 0.25, "0.25");
    expect(d["n"].get<double>() == -2.5e-3, "-2.5E-3");
    expect(metalock::dump_json(d) == R"({"exp":1.5,"iat":1700000000.0,"n":-0.0025,"x":0.25})", "dumps with '.'");
  }
  expect(!metalock::parse_json("1.5e400").ok(), "1.5e400 is out of range, not cut to 1");
  const auto lenient = metalock::parse_json_lenient("[1.5,1e400]");
  expect(lenient.ok() && lenient.value()[0].get<double>() == 1.5 &&
             lenient.value()[1].get<double>() == std::numeric_limits<double>::max(),
         "lenient [1.5,1e400]");
  return failures == 0 ? 0 : 1;
}
