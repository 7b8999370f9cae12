// connectors/oracle/oracle_auth.h — HTTP Basic (RFC 7617) as an http::Auth:
// "Authorization: Basic base64(user:password)" on every attempt. Nothing to
// refresh: a 401 means the credentials are wrong (the connector never
// replays them, so a locked-out policy is not tripped twice).
#pragma once

#include <string>

#include "connectors/http/http.h"
#include "core/secret.h"

namespace o2c::oracle {

class BasicAuth final : public http::Auth {
 public:
  // Throws Error(config) on an empty user or password or a user with ':'.
  BasicAuth(std::string user, const Secret& password);
  void apply(http::Request& request) override;

 private:
  Secret header_value_;   // "Basic <base64>": as secret as the password
};

std::string base64(std::string_view bytes);

}  // namespace o2c::oracle
