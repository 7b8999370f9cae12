// sim/salesforce/salesforce_oauth.h
// The OAuth 2.0 token endpoint (POST /services/oauth2/token, form-encoded)
// and the access tokens it issues. Grants: client_credentials (client id and
// secret in the form or HTTP Basic), JWT bearer (salesforce_jwt.h) and, when
// configured, refresh_token. Tokens are random opaque strings valid for
// session_seconds until expire_all(). Responses have no expires_in, as
// Salesforce's.
#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/time.h"
#include "sim/salesforce/salesforce_api.h"
#include "sim/salesforce/salesforce_jwt.h"
#include "sim/sim_http.h"

namespace o2c::sim::salesforce {

class SessionStore {
 public:
  explicit SessionStore(std::chrono::seconds lifetime) : lifetime_(lifetime) {}
  std::string issue(Timestamp now);
  bool valid(std::string_view token, Timestamp now) const;
  void expire_all();

 private:
  const std::chrono::seconds lifetime_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Timestamp> expires_at_;
};

class TokenEndpoint {
 public:
  TokenEndpoint(const SalesforceOptions& options, SessionStore& sessions);
  SimReply handle(const SimRequest& request, Timestamp now) const;

 private:
  SimReply client_credentials(const SimRequest& request, const std::vector<std::pair<std::string, std::string>>& form,
                              Timestamp now) const;
  SimReply jwt_bearer(const SimRequest& request, std::string_view assertion, Timestamp now) const;
  SimReply refresh(const SimRequest& request, const std::vector<std::pair<std::string, std::string>>& form,
                   Timestamp now) const;
  SimReply issue(const SimRequest& request, Timestamp now) const;
  std::string login_url(const SimRequest& request) const;

  const SalesforceOptions& options_;
  SessionStore& sessions_;
  std::optional<JwtVerifier> jwt_;
};

}  // namespace o2c::sim::salesforce
