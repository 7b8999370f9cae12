#include <chrono>

#include <fmt/format.h>
#include <openssl/crypto.h>

#include "core/text.h"
#include "sim/netsuite/netsuite_oauth.h"

namespace o2c::sim::netsuite {

namespace {

const std::string* find_param(const Params& params, std::string_view name) {
  for (const auto& [k, v] : params)
    if (k == name) return &v;
  return nullptr;
}

bool same_secret_text(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::optional<long> parse_epoch_seconds(const std::string& text) {
  if (text.empty() || text.size() > 12) return std::nullopt;
  long v = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

// http:// + lower-case host, without the scheme's default port, + path.
std::string base_string_uri(std::string_view host, std::string_view path) {
  std::string h = to_lower_ascii(host);
  if (h.size() > 3 && h.ends_with(":80")) h.resize(h.size() - 3);
  return "http://" + h + std::string(path);
}

// Everything RFC 5849 §3.4.1.3 signs: query, form body, oauth_* but the signature.
Params signed_parameters(const SimRequest& request, std::string_view query, const Params& oauth) {
  Params params = parse_query_string(query, true);
  if (to_lower_ascii(request.header("content-type")).starts_with("application/x-www-form-urlencoded"))
    for (auto& p : parse_query_string(request.body, true)) params.push_back(std::move(p));
  for (const auto& [k, v] : oauth)
    if (k != "realm" && k != "oauth_signature") params.emplace_back(k, v);
  return params;
}

}  // namespace

std::string request_base_string(const SimRequest& request, const Params& oauth) {
  const std::string_view target = request.target;
  const auto q = target.find('?');
  const std::string_view path = target.substr(0, q);
  const std::string_view query = q == std::string_view::npos ? std::string_view{} : target.substr(q + 1);
  return signature_base_string(request.method, base_string_uri(request.host, path),
                               signed_parameters(request, query, oauth));
}

OAuthVerifier::OAuthVerifier(OAuthAccount account, std::shared_ptr<const Clock> clock)
    : account_(std::move(account)), clock_(std::move(clock)) {}

std::string OAuthVerifier::verify(const SimRequest& request) {
  const std::string& header = request.header("authorization");
  if (header.empty()) return "no Authorization header";
  const auto oauth = parse_oauth_header(header);
  if (!oauth) return "Authorization header is not a well-formed OAuth header";
  const auto get = [&](std::string_view name) { return find_param(*oauth, name); };
  const std::string* realm = get("realm");
  if (!realm) return "realm missing";
  if (*realm != account_.realm) return fmt::format("realm '{}' is not the account id '{}'", *realm, account_.realm);
  const std::string* method = get("oauth_signature_method");
  if (!method || *method != "HMAC-SHA256")
    return fmt::format("signature method '{}' is not HMAC-SHA256", method ? *method : "");
  if (const std::string* version = get("oauth_version"); version && *version != "1.0")
    return fmt::format("oauth_version '{}' is not 1.0", *version);
  const std::string* consumer = get("oauth_consumer_key");
  const std::string* token = get("oauth_token");
  if (!consumer || !same_secret_text(*consumer, account_.consumer_key)) return "unknown consumer key";
  if (!token || !same_secret_text(*token, account_.token_id)) return "unknown token";
  const std::string* stamp = get("oauth_timestamp");
  const auto ts = stamp ? parse_epoch_seconds(*stamp) : std::nullopt;
  if (!ts) return "oauth_timestamp missing or not epoch seconds";
  const long now =
      static_cast<long>(std::chrono::duration_cast<std::chrono::seconds>(clock_->now().time_since_epoch()).count());
  if (*ts > now + account_.skew_seconds || *ts < now - account_.skew_seconds)
    return fmt::format("oauth_timestamp {} is {} s away from the server clock (allowed {} s)", *ts, *ts - now,
                       account_.skew_seconds);
  const std::string* nonce = get("oauth_nonce");
  if (!nonce || nonce->empty()) return "oauth_nonce missing";
  const std::string* signature = get("oauth_signature");
  if (!signature) return "oauth_signature missing";
  if (request.host.empty()) return "no Host header to rebuild the base string URI";

  const std::string base = request_base_string(request, *oauth);
  const std::string key = oauth_percent_encode(account_.consumer_secret) + '&' +
                          oauth_percent_encode(account_.token_secret);
  if (!same_secret_text(hmac_sha256_base64(key, base), *signature)) return "signature does not match";
  if (!consume_nonce(*token, *nonce, now)) return "oauth_nonce already used within the window";
  return {};
}

bool OAuthVerifier::consume_nonce(const std::string& token, const std::string& nonce, long now) {
  // A timestamp may lie up to `skew` ahead, so a replay stays possible for
  // twice the skew: remember nonces that long.
  const long keep = 2L * account_.skew_seconds;
  std::lock_guard lock(mutex_);
  while (!nonce_ages_.empty() && nonce_ages_.front().first < now - keep) {
    nonces_.erase(nonce_ages_.front().second);
    nonce_ages_.pop_front();
  }
  std::string key = token + '\n' + nonce;
  if (!nonces_.insert(key).second) return false;
  nonce_ages_.emplace_back(now, std::move(key));
  return true;
}

}  // namespace o2c::sim::netsuite
