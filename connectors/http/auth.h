// connectors/http/auth.h — the auth schemes of the source systems:
// OAuth 2.0 token endpoint (client credentials, JWT bearer RS256) with the
// token cached until a 401 invalidates it, and OAuth 1.0a Token-Based
// Authentication (RFC 5849, HMAC-SHA256, realm) as NetSuite requires.
// Secrets arrive resolved (core/secret.h) and are never logged or put in an
// error message.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <string>

#include "connectors/http/http.h"
#include "core/secret.h"
#include "core/time.h"

namespace o2c::http {

struct OAuth2Settings {
  std::string token_url;          // e.g. https://login.salesforce.com/services/oauth2/token
  std::string grant;              // "client_credentials" | "jwt_bearer"
  Secret client_id;               // consumer key (JWT iss)
  Secret client_secret;           // client_credentials only
  std::string scope;              // client_credentials: sent as `scope` when not empty (space-separated)
  std::string user;               // jwt_bearer: sub
  std::string audience;           // jwt_bearer: aud; "" = scheme://host[:port] of token_url
  Secret private_key_pem;         // jwt_bearer: RSA private key (PEM)
  std::chrono::seconds assertion_lifetime{180};
};

struct OAuth2Token {
  std::string access_token;
  std::string instance_url;       // Salesforce answers where the org's API lives ("" if absent)
  Timestamp issued{};             // when o2csync received it
};

// Bearer tokens from an OAuth 2.0 token endpoint, fetched on first use and
// again after invalidate(). Thread-safe; concurrent callers share one fetch.
// The token request goes through `client` (same limits, retries, breaker):
// a 5xx/429 from the token endpoint is retried there.
class OAuth2Auth final : public Auth {
 public:
  // Throws Error(config) when the settings miss what the grant needs (names
  // the setting), the grant is unknown or private_key is not an RSA key.
  OAuth2Auth(OAuth2Settings settings, Client& client, const Clock& clock);
  void apply(Request& request) override;   // "Authorization: Bearer <token>"
  // Drops the cached token if `rejected` carried it (a newer one is kept).
  void invalidate(const Request& rejected) override;
  void invalidate();                       // drops the cached token unconditionally
  // The current token (fetching one if needed). Throws:
  //  - Error(config) when the endpoint refuses (400/401/403) with its `error`
  //    and `error_description` and what to check ("invalid_client: ... —
  //    check client_id and client_secret"), or answers a redirect / 404;
  //  - Error(remote) when the answer is not JSON (an HTML page), naming the
  //    URL and Content-Type, or has no access_token;
  //  - Error(transient) from the client when the endpoint stays unreachable.
  OAuth2Token token();

 private:
  OAuth2Token fetch();
  Request token_request() const;
  std::string jwt_assertion() const;

  OAuth2Settings settings_;
  Client& client_;
  const Clock& clock_;
  std::mutex mutex_;
  std::optional<OAuth2Token> token_;
  std::shared_future<OAuth2Token> pending_;   // valid while a fetch is under way
};

// A signed RS256 JWT: base64url(header).base64url(claims).base64url(sig),
// header {"alg":"RS256","typ":"JWT"}. Throws Error(config) when the key is
// not a readable RSA private key (the message never contains the key).
std::string sign_jwt_rs256(const std::string& claims_json, const Secret& private_key_pem);

struct OAuth1Settings {
  std::string realm;              // NetSuite account id as written: 1234567_SB1 (upper-case, underscore)
  Secret consumer_key, consumer_secret, token_id, token_secret;
};

// OAuth 1.0a (RFC 5849) with HMAC-SHA256: a fresh nonce and timestamp per
// attempt; query parameters of the URL are signed (and form-encoded body
// parameters, as the RFC says), a JSON body is not; realm is not signed and
// goes first and unescaped in the header.
class OAuth1Auth final : public Auth {
 public:
  // `nonce` is injectable for tests; by default 32 random alphanumerics from
  // OpenSSL's CSPRNG. Throws Error(config) on an empty credential or a realm
  // that cannot be written in a header.
  OAuth1Auth(OAuth1Settings settings, const Clock& clock, std::function<std::string()> nonce = {});
  void apply(Request& request) override;
  // The signature base string and the header for a given nonce/timestamp (test vectors).
  std::string base_string(const Request& request, const std::string& nonce, std::int64_t timestamp) const;
  std::string header(const Request& request, const std::string& nonce, std::int64_t timestamp) const;

 private:
  OAuth1Settings settings_;
  const Clock& clock_;
  std::function<std::string()> nonce_;
};

}  // namespace o2c::http
