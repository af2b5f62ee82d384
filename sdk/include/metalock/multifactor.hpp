// DELETE /api/v2/users/{id}/multifactor/{provider}: Auth0's provider names and the scope the
// call needs, decided once for the tenant (which answers it) and the SDK (which refuses a
// call that cannot succeed before the network).
#pragma once

#include "metalock/error.hpp"

#include <optional>
#include <string>

namespace metalock {

// The providers Auth0's endpoint accepts ("duo", "google-authenticator").
bool is_multifactor_provider(const std::string& provider);

// `scope` absent = a Management token that may do anything; otherwise it needs update:users
// (no current-user scope reaches this endpoint on Auth0). Checked in this order:
// insufficient_scope (no field), invalid_argument (field "provider": not one of Auth0's names).
Status validate_multifactor_deletion(const std::string& provider, const std::optional<std::string>& scope);

}  // namespace metalock
