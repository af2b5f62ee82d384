// Removing a user's MFA configuration (multifactor.hpp).
#include "metalock/multifactor.hpp"

#include "metalock/scope.hpp"

namespace metalock {

bool is_multifactor_provider(const std::string& provider) {
  return provider == "duo" || provider == "google-authenticator";
}

Status validate_multifactor_deletion(const std::string& provider, const std::optional<std::string>& scope) {
  if (scope && !scope_contains(*scope, "update:users")) {
    return Error::make(code::insufficient_scope, "Removing a multifactor provider needs the update:users scope");
  }
  if (!is_multifactor_provider(provider)) {
    return Error::make(code::invalid_argument,
                       "provider must be 'duo' or 'google-authenticator', got '" + provider + "'", "provider");
  }
  return ok_status();
}

}  // namespace metalock
