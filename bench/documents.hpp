// Deterministic benchmark inputs: user_metadata documents of a chosen size, and edits of them.
#pragma once

#include "metalock/json.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace metalock::bench {

// The document sizes every size-parameterised benchmark runs at (bytes of compact JSON).
inline constexpr std::int64_t kSmall = 1 << 10;     // 1 KB: a typical profile's metadata
inline constexpr std::int64_t kMedium = 16 << 10;   // 16 KB: a heavy one
inline constexpr std::int64_t kLarge = 256 << 10;   // 256 KB: far beyond what apps should store

// A user_metadata object of about `target_bytes` compact JSON bytes, the same for the same
// arguments: top-level keys holding strings, numbers, booleans, nested objects and arrays,
// as apps store them (preferences, addresses, flags, history lists).
Json make_metadata(std::size_t target_bytes, std::uint32_t seed = 1);

// `before` with about one top-level key in ten changed, one in twenty removed, and a few
// added: the kind of edit a profile form produces.
Json edit_metadata(const Json& before, std::uint32_t seed = 2);

// The PATCH body of that edit (diff_metadata(before, edit_metadata(before))): what merge applies.
Result<Json> edit_patch(const Json& before);

// The user every document belongs to, and the scope of that user's own token in the validate
// benchmarks (update:current_user_metadata: it may change only its own user_metadata).
inline constexpr const char* kUserId = "auth0|64f1c0ffee";
inline constexpr const char* kCurrentUserScope = "openid profile update:current_user_metadata";

// A /api/v2/users/{id} style user holding `metadata` as user_metadata (and a small app_metadata).
Json make_user(const Json& metadata);

// A /userinfo body whose namespaced claim (kUserMetadataClaim) holds `metadata`.
inline constexpr const char* kUserMetadataClaim = "https://example.com/user_metadata";
Json make_userinfo(const Json& metadata);

// Compact JSON size, what SetBytesProcessed reports.
std::int64_t json_bytes(const Json& value);

}  // namespace metalock::bench
