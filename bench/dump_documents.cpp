// metalock_bench_documents DIR: writes the benchmark inputs as compact JSON files (dump_json,
// no trailing newline), so that the wasm benchmark (bench/wasm-bench.mjs) measures the very
// bytes the native suite measures, and counts the same bytes per operation (file sizes).
//
//   metadata-N.json        make_metadata(N)            parse_json, diff (before)
//   edited-N.json          edit_metadata(metadata)     diff (after)
//   user-N.json            make_user(metadata)         merge (user)
//   edit-patch-N.json      edit_patch(metadata)        merge (patch)
//   metadata-patch-N.json  {"user_metadata": metadata} dump_json, validate
//   userinfo-N.json        make_userinfo(metadata)     profile_from_text / _from_value
//   signup-{typical,max}-{fields,values}.json          signup forms
//   context.json           sizes, user id, token scope, claim name, signup base
#include "documents.hpp"
#include "forms.hpp"

#include <cstdio>
#include <fstream>
#include <string>

namespace {

using metalock::Json;

bool write(const std::string& dir, const std::string& name, const Json& value) {
  const std::string path = dir + "/" + name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << metalock::dump_json(value);
  if (!out.flush()) {
    std::fprintf(stderr, "cannot write %s\n", path.c_str());
    return false;
  }
  return true;
}

bool write_sized(const std::string& dir, std::int64_t size) {
  using namespace metalock::bench;
  const std::string n = std::to_string(size);
  const Json metadata = make_metadata(static_cast<std::size_t>(size));
  auto patch = edit_patch(metadata);
  if (!patch || patch.value().is_null()) {
    std::fprintf(stderr, "the %s-byte edit produced no patch\n", n.c_str());
    return false;
  }
  return write(dir, "metadata-" + n + ".json", metadata) &&
         write(dir, "edited-" + n + ".json", edit_metadata(metadata)) &&
         write(dir, "user-" + n + ".json", make_user(metadata)) &&
         write(dir, "edit-patch-" + n + ".json", patch.value()) &&
         write(dir, "metadata-patch-" + n + ".json", Json{{"user_metadata", metadata}}) &&
         write(dir, "userinfo-" + n + ".json", make_userinfo(metadata));
}

bool write_form(const std::string& dir, const std::string& name, const metalock::bench::Form& form) {
  return write(dir, "signup-" + name + "-fields.json", form.fields) &&
         write(dir, "signup-" + name + "-values.json", form.values);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace metalock::bench;
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s DIR (an existing folder)\n", argv[0]);
    return 2;
  }
  const std::string dir = argv[1];
  const Json context = {{"sizes", {kSmall, kMedium, kLarge}},
                        {"userId", kUserId},
                        {"currentUserScope", kCurrentUserScope},
                        {"userMetadataClaim", kUserMetadataClaim},
                        {"signupBase", signup_base()}};
  bool ok = write(dir, "context.json", context);
  for (std::int64_t size : {kSmall, kMedium, kLarge}) ok = ok && write_sized(dir, size);
  ok = ok && write_form(dir, "typical", typical_form()) && write_form(dir, "max", max_form());
  return ok ? 0 : 1;
}
