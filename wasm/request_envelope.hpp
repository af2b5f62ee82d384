// A request description as it crosses to JS: {method, url, headers: {name: value}, body}.
// Shared by every binding that builds a request (http_bindings.cpp, multifactor_bindings.cpp).
#pragma once

#include "metalock/requests.hpp"

#include <string>

namespace metalock::wasm {

std::string request_envelope(const HttpRequest& request);
std::string request_envelope(const Result<HttpRequest>& request);

}  // namespace metalock::wasm
