#include "documents.hpp"

#include "metalock/metadata.hpp"

#include <string>

namespace metalock::bench {
namespace {

// Small fixed PRNG (LCG): std distributions differ across standard libraries, and the
// documents must be the same everywhere so that figures compare.
class Rng {
 public:
  explicit Rng(std::uint32_t seed) : state_(seed * 2654435761u + 1) {}
  std::uint32_t next() {
    state_ = state_ * 1664525u + 1013904223u;
    return state_ >> 8;
  }
  std::uint32_t below(std::uint32_t n) { return next() % n; }

 private:
  std::uint32_t state_;
};

const char* const kWords[] = {"alpha", "blue", "surfing", "Paris", "dark", "weekly", "tea", "garden",
                              "Zoë", "café", "東京", "north", "river", "piano", "orbit", "maple"};

std::string phrase(Rng& rng, std::size_t words) {
  std::string out;
  for (std::size_t i = 0; i < words; ++i) {
    if (i) out += ' ';
    out += kWords[rng.below(16)];
  }
  return out;
}

Json value_for(Rng& rng, std::uint32_t kind) {
  switch (kind % 6) {
    case 0: return phrase(rng, 2 + rng.below(10));
    case 1: return static_cast<std::int64_t>(rng.next() % 100000);
    case 2: return rng.below(2) == 1;
    case 3: {
      Json address = {{"street", std::to_string(rng.below(999)) + " " + phrase(rng, 2) + " Street"},
                      {"city", phrase(rng, 1)},
                      {"zip", std::to_string(10000 + rng.below(89999))}};
      return Json{{"home", address}, {"verified", rng.below(2) == 1}};
    }
    case 4: {
      Json list = Json::array();
      for (std::uint32_t i = 0, n = 2 + rng.below(6); i < n; ++i) list.push_back(phrase(rng, 1));
      return list;
    }
    default: {
      Json history = Json::array();
      for (std::uint32_t i = 0, n = 1 + rng.below(4); i < n; ++i) {
        history.push_back({{"at", 1700000000 + static_cast<std::int64_t>(rng.next() % 10000000)},
                           {"event", phrase(rng, 1)},
                           {"score", static_cast<double>(rng.below(1000)) / 10.0}});
      }
      return Json{{"history", history}, {"theme", phrase(rng, 1)}};
    }
  }
}

}  // namespace

Json make_metadata(std::size_t target_bytes, std::uint32_t seed) {
  Rng rng(seed);
  Json doc = Json::object();
  std::size_t size = 2;   // "{}"
  for (std::uint32_t i = 0; size < target_bytes; ++i) {
    std::string key = std::string(kWords[i % 16]).substr(0, 5) + "_" + std::to_string(i);
    Json value = value_for(rng, rng.next());
    size += dump_json(value).size() + key.size() + 4;   // "key": value,
    doc[key] = std::move(value);
  }
  return doc;
}

Json edit_metadata(const Json& before, std::uint32_t seed) {
  Rng rng(seed);
  Json after = Json::object();
  std::size_t index = 0;
  for (const auto& item : before.items()) {
    const std::uint32_t roll = rng.below(20);
    if (roll == 0) continue;                                        // removed
    after[item.key()] = roll <= 2 ? value_for(rng, rng.next()) : item.value();   // changed or kept
    if (++index % 25 == 0) after["added_" + std::to_string(index)] = value_for(rng, rng.next());
  }
  return after;
}

Result<Json> edit_patch(const Json& before) { return diff_metadata(before, edit_metadata(before)); }

Json make_user(const Json& metadata) {
  return Json{{"user_id", kUserId},
              {"email", "ann@example.com"},
              {"email_verified", true},
              {"name", "Ann Lee"},
              {"identities", Json::array({{{"provider", "auth0"}, {"user_id", "64f1c0ffee"},
                                           {"connection", "Username-Password-Authentication"},
                                           {"isSocial", false}}})},
              {"app_metadata", {{"plan", "full"}, {"roles", {"writer"}}}},
              {"user_metadata", metadata}};
}

Json make_userinfo(const Json& metadata) {
  return Json{{"sub", kUserId},
              {"name", "Ann Lee"},
              {"nickname", "ann"},
              {"picture", "https://example.com/ann.png"},
              {"email", "ann@example.com"},
              {"email_verified", true},
              {"updated_at", "2024-05-01T10:00:00.000Z"},
              {kUserMetadataClaim, metadata}};
}

std::int64_t json_bytes(const Json& value) { return static_cast<std::int64_t>(dump_json(value).size()); }

}  // namespace metalock::bench
