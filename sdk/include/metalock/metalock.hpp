// Everything of the core in one include.
#pragma once

#include "metalock/client_metadata.hpp"
#include "metalock/custom_claims.hpp"
#include "metalock/error.hpp"
#include "metalock/json.hpp"
#include "metalock/jwt.hpp"
#include "metalock/metadata.hpp"
#include "metalock/multifactor.hpp"
#include "metalock/profile.hpp"
#include "metalock/requests.hpp"
#include "metalock/responses.hpp"
#include "metalock/signup.hpp"
#include "metalock/token_cache.hpp"
