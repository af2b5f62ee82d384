// Property: applying the diff of (before, after) to before yields after, for 10,000 random
// pairs. Keys come from a small alphabet so that kept, changed, added and removed keys all
// occur, and "after" is often derived from "before" so that small changes are common too.
#include "metalock/metadata.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <random>
#include <string>
#include <utility>

using metalock::Json;

namespace {

class MetadataGenerator {
 public:
  explicit MetadataGenerator(std::uint32_t seed) : rng_(seed) {}

  Json metadata() {
    Json object = Json::object();
    const int keys = pick(0, 6);
    for (int i = 0; i < keys; ++i) object[key()] = value(0, /*allow_null=*/false);
    return object;
  }

  // A variation of `before`: some keys kept, some changed, some dropped, some added.
  Json variation(const Json& before) {
    Json after = Json::object();
    for (const auto& item : before.items()) {
      switch (pick(0, 3)) {
        case 0: break;                                                   // removed
        case 1: after[item.key()] = value(0, false); break;              // changed
        default: after[item.key()] = item.value(); break;                // kept
      }
    }
    const int added = pick(0, 2);
    for (int i = 0; i < added; ++i) after[key()] = value(0, false);
    return after;
  }

  // A metadata object as a PATCH carries it: top-level nulls (deletions) too, and often {}.
  Json changes() {
    Json object = Json::object();
    const int keys = pick(0, 4);
    for (int i = 0; i < keys; ++i) object[key()] = value(0, /*allow_null=*/true);
    return object;
  }

  // What a user or a patch holds at a top-level key: nothing, null, a scalar, an array,
  // metadata, or changes.
  std::optional<Json> member(bool as_patch) {
    switch (pick(0, 7)) {
      case 0:
      case 1: return std::nullopt;
      case 2: return Json(nullptr);
      case 3: return pick(0, 1) == 1 ? Json(pick(0, 9)) : Json("x");
      case 4: return Json::array({pick(0, 9)});
      default: return as_patch ? changes() : metadata();
    }
  }

  int pick(int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng_); }

 private:
  std::string key() {
    static const char* const kKeys[] = {"a", "b", "c", "d", "e", "f", "theme", "lang"};
    return kKeys[pick(0, 7)];
  }

  // Nested values may hold null (replaced wholesale, so it is a value there); a top-level
  // null would mean "delete" and is not a value metadata can hold.
  Json value(int depth, bool allow_null) {
    const int kind = pick(0, depth >= 3 ? 4 : 6);  // no containers below depth 3
    switch (kind) {
      case 0: return allow_null ? Json(nullptr) : Json(pick(-5, 5));
      case 1: return Json(pick(0, 1) == 1);
      case 2: return Json(pick(-1000, 1000));
      case 3: return Json(pick(0, 20) / 4.0);
      case 4: return Json(std::string(static_cast<std::size_t>(pick(0, 3)), static_cast<char>('x' + pick(0, 2))));
      case 5: {
        Json array = Json::array();
        const int n = pick(0, 3);
        for (int i = 0; i < n; ++i) array.push_back(value(depth + 1, true));
        return array;
      }
      default: {
        Json object = Json::object();
        const int n = pick(0, 3);
        for (int i = 0; i < n; ++i) object[key()] = value(depth + 1, true);
        return object;
      }
    }
  }

  std::mt19937 rng_;
};

}  // namespace

TEST_CASE("merge(before, diff(before, after)) == after for 10,000 random pairs", "[metadata][property]") {
  MetadataGenerator gen(20240611u);
  int unchanged = 0;
  int emptied = 0;
  for (int i = 0; i < 10000; ++i) {
    const Json before = gen.metadata();
    const Json after = gen.pick(0, 3) == 0 ? gen.metadata() : gen.variation(before);

    auto patch = metalock::diff_metadata(before, after);
    REQUIRE(patch.ok());
    if (patch.value().is_null()) {
      ++unchanged;
      REQUIRE(before == after);
      continue;
    }
    // Never the accidental clear: a diff body is never {"user_metadata": {}}.
    REQUIRE_FALSE(patch.value()["user_metadata"].empty());
    REQUIRE(metalock::validate_patch(patch.value()).ok());
    if (after.empty()) ++emptied;

    Json user = Json::object();
    user["user_id"] = "auth0|" + std::to_string(i);
    user["user_metadata"] = before;
    auto applied = metalock::merge_metadata(user, patch.value());
    REQUIRE(applied.ok());
    INFO("before: " << before.dump() << "\nafter: " << after.dump() << "\npatch: " << patch.value().dump());
    REQUIRE(applied.value()["user_metadata"] == after);
    REQUIRE(applied.value()["user_id"] == user["user_id"]);
  }
  // The generator must actually reach the edge cases it is meant to cover.
  CHECK(unchanged > 100);
  CHECK(emptied > 10);
}

// The const overload copies only what the patch leaves; the owning one merges in place
// (metadata.cpp): one result, or one error, for any user and patch.
TEST_CASE("merge(const user) == merge(owned user) for 10,000 random users and patches", "[metadata][property]") {
  MetadataGenerator gen(20261126u);
  int merged = 0;
  int refused = 0;
  for (int i = 0; i < 10000; ++i) {
    Json user = Json::object();
    Json patch = Json::object();
    for (const char* key : {"app_metadata", "name", "user_metadata"}) {
      for (auto [document, as_patch] : {std::pair<Json*, bool>{&user, false}, {&patch, true}}) {
        if (auto member = gen.member(as_patch)) (*document)[key] = std::move(*member);
      }
    }
    const auto from_const = metalock::merge_metadata(user, patch);
    const auto from_owned = metalock::merge_metadata(Json(user), patch);
    INFO("user: " << user.dump() << "\npatch: " << patch.dump());
    REQUIRE(from_const.ok() == from_owned.ok());
    if (from_const) {
      ++merged;
      REQUIRE(from_const.value() == from_owned.value());
    } else {
      ++refused;
      REQUIRE(from_const.error().code == from_owned.error().code);
      REQUIRE(from_const.error().field == from_owned.error().field);
    }
  }
  CHECK(merged > 1000);
  CHECK(refused > 1000);
}
