// Response handling: a 2xx body parsed, or every Auth0 error shape normalized into one Error.
#pragma once

#include "metalock/error.hpp"
#include "metalock/json.hpp"

#include <string>
#include <utility>
#include <vector>

namespace metalock {

struct HttpResponse {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;   // names any case
  std::string body;
};

// The error for a non-2xx response. Shapes understood:
//  Management      {statusCode, error, message, errorCode}  -> code errorCode (or from error)
//  Authentication  {error, error_description}               -> code error
//  Signup          {name, code, description, statusCode}    -> code code; PasswordStrengthError
//                  keeps its rules in `original` and gets a readable description
//  /userinfo 401   plain text + WWW-Authenticate            -> code from its error= (or unauthorized)
//  anything else                                             -> bad_request, unauthorized, forbidden,
//                                                               not_found, too_many_requests,
//                                                               server_error or http_error
// description is the server's human message; status_code and original are always set.
Error normalize_http_error(const HttpResponse& response);

// 2xx: the parsed body (null for an empty body); otherwise normalize_http_error.
Result<Json> parse_http_response(const HttpResponse& response);

}  // namespace metalock
