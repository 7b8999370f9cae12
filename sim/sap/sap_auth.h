// sim/sap/sap_auth.h
// Who may call the simulated S/4HANA system, and the CSRF protection of its
// OData services: HTTP Basic (the communication user), Bearer tokens from
// the OAuth 2.0 client-credentials endpoint, the session cookie SAP sets
// (SAP_SESSIONID_<SID>_<client>, sap-usercontext), and CSRF tokens fetched
// with `x-csrf-token: Fetch` and bound to that session (api-contracts §3.5,
// field-pitfalls #21). Tokens are random (OpenSSL) and expire on the Clock.
// Thread-safe.
#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/time.h"
#include "sim/sim_http.h"

namespace o2c::sim::sap {

struct AuthSettings {
  std::string user, password;             // HTTP Basic
  std::string client_id, client_secret;   // OAuth 2.0 client credentials
  std::string system_id = "S4H";          // SID in the session cookie name and the Basic realm
  std::string sap_client = "100";
  std::chrono::seconds token_lifetime{3600};
  std::chrono::seconds csrf_lifetime{600};
  std::chrono::seconds session_lifetime{1800};
};

class SapAuth {
 public:
  explicit SapAuth(AuthSettings settings) : settings_(std::move(settings)) {}

  struct Caller {
    std::string user;      // the communication user or the OAuth client
    std::string session;   // the session the request carried, "" = none
  };
  // The caller, from Authorization (Basic or Bearer) or a live session cookie; nullopt = 401.
  std::optional<Caller> authenticate(const SimRequest& request, Timestamp now);
  // 401 as SAP's ICF answers it (an HTML logon error page and WWW-Authenticate).
  SimReply logon_failed(const SimRequest& request, std::string_view why) const;

  // POST {token path}: grant_type=client_credentials, client authentication by
  // HTTP Basic or client_id/client_secret in the form body.
  SimReply token_endpoint(const SimRequest& request, Timestamp now);

  // Answers `x-csrf-token: Fetch`: the session's token (a new one when it has
  // none or it expired), opening a session for the caller when needed. Adds
  // the x-csrf-token header and, for a new session, the cookies to `reply`.
  void fetch_csrf(const Caller& caller, SimReply& reply, Timestamp now);
  // A modifying request carries the session cookie and that session's current token.
  bool csrf_valid(const SimRequest& request, Timestamp now);

  void expire_all();   // every token, session and CSRF token becomes invalid

 private:
  struct Session {
    Timestamp expires;
    std::string csrf;
    Timestamp csrf_expires;
  };
  std::string session_cookie_name() const;
  std::string session_of(const SimRequest& request) const;

  AuthSettings settings_;
  std::mutex mutex_;
  std::unordered_map<std::string, Timestamp> tokens_;     // access token → expiry
  std::unordered_map<std::string, Session> sessions_;     // session id → session
};

// Random bytes from OpenSSL as base64 ("3sQ4...==").
std::string random_base64(std::size_t bytes);
std::string base64_encode(std::string_view bytes);
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace o2c::sim::sap
