// sim/netsuite/netsuite_oauth.h
// NetSuite Token-Based Authentication as the server checks it: OAuth 1.0a
// (RFC 5849) with HMAC-SHA256 only, realm = the account id exactly as
// written, signature over the method, base string URI (http://host[:port]/path
// from the Host header) and the query + oauth_* parameters, timestamps within
// ±skew of the clock, nonces single-use within the window. verify() says
// why a request failed, for debug logs only: the client always gets the same
// INVALID_LOGIN.
#pragma once

#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/time.h"
#include "sim/sim_http.h"

namespace o2c::sim::netsuite {

using Params = std::vector<std::pair<std::string, std::string>>;

// RFC 3986 percent-encoding of everything but ALPHA DIGIT - . _ ~ (RFC 5849 §3.6).
std::string oauth_percent_encode(std::string_view s);
// `OAuth realm="..", oauth_x=".."` → decoded (name, value) pairs in header
// order; nullopt when it is not a well-formed OAuth header or repeats a name.
std::optional<Params> parse_oauth_header(std::string_view header);
// RFC 5849 §3.4.1: METHOD&pct(base_uri)&pct(normalized parameters).
std::string signature_base_string(std::string_view method, std::string_view base_uri, const Params& params);
// The base string of a request as the server rebuilds it: base string URI
// http:// + lower-case Host (default port dropped) + path; parameters from
// the query, a form-encoded body and `oauth` minus realm and oauth_signature.
std::string request_base_string(const SimRequest& request, const Params& oauth);
// base64(HMAC-SHA256(key, text)).
std::string hmac_sha256_base64(std::string_view key, std::string_view text);

struct OAuthAccount {
  std::string realm;  // account id: 1234567_SB1
  std::string consumer_key, consumer_secret, token_id, token_secret;
  int skew_seconds = 300;
};

class OAuthVerifier {
 public:
  OAuthVerifier(OAuthAccount account, std::shared_ptr<const Clock> clock);
  // "" when the request is authentic, else the reason (never a secret).
  std::string verify(const SimRequest& request);

 private:
  // Records the nonce; false when it was already used within the window.
  bool consume_nonce(const std::string& token, const std::string& nonce, long now);

  OAuthAccount account_;
  std::shared_ptr<const Clock> clock_;
  std::mutex mutex_;
  std::unordered_set<std::string> nonces_;
  std::deque<std::pair<long, std::string>> nonce_ages_;  // (seen at, key), oldest first
};

}  // namespace o2c::sim::netsuite
