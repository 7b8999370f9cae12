// sim/oracle/oracle_auth.h — how the simulated pod authenticates a request:
// HTTP Basic with the integration user, or a bearer token its OAuth 2.0
// client-credentials endpoint issued (form or Basic client authentication,
// tokens expire after token_lifetime_seconds by the clock). A failure is a
// 401 with the WWW-Authenticate challenge of the scheme that was tried.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "core/time.h"
#include "sim/oracle/oracle_api.h"
#include "sim/sim_http.h"

namespace o2c::sim::oracle {

class OracleAuth {
 public:
  OracleAuth(const OracleOptions& options, std::shared_ptr<const Clock> clock);
  // nullopt when the request may proceed, else the 401 reply.
  std::optional<SimReply> check(const SimRequest& request);
  // POST <token_path>: the token endpoint's answer.
  SimReply issue_token(const SimRequest& request);
  void expire_all();

 private:
  const OracleOptions& options_;
  std::shared_ptr<const Clock> clock_;
  std::mutex mutex_;
  std::map<std::string, Timestamp> expires_at_;   // token → expiry
};

// base64(text) and its inverse (nullopt on malformed input).
std::string base64_encode(std::string_view bytes);
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace o2c::sim::oracle
