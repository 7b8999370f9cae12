// connectors/sap/sap_auth.h — HTTP Basic for SAP communication users
// (internal to the sap module; OAuth 2.0 uses connectors/http's OAuth2Auth).
#pragma once

#include <string>

#include "connectors/http/http.h"
#include "core/secret.h"

namespace o2c::sap {

// RFC 4648 base64 with padding.
std::string base64(std::string_view bytes);

// "Authorization: Basic base64(user:password)" on every request. Nothing to
// refresh: a 401 is final. The header is built once and never logged.
class BasicAuth final : public http::Auth {
 public:
  BasicAuth(const std::string& user, const Secret& password);
  void apply(http::Request& request) override;

 private:
  Secret header_;
};

}  // namespace o2c::sap
