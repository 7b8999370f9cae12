#include "sim/salesforce/salesforce_oauth.h"

#include <fmt/format.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <algorithm>

#include "core/error.h"
#include "core/text.h"
#include "sim/salesforce/salesforce_error.h"
#include "sim/salesforce/salesforce_json.h"

namespace o2c::sim::salesforce {

namespace {

using Form = std::vector<std::pair<std::string, std::string>>;

constexpr std::string_view kJwtBearer = "urn:ietf:params:oauth:grant-type:jwt-bearer";
constexpr std::size_t kMaxSessions = 100'000;

std::string form_value(const Form& form, std::string_view name) {
  for (const auto& [k, v] : form)
    if (k == name) return v;
  return {};
}

bool same_secret(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string base64(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3), '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

// client_id / client_secret from the form, else from "Authorization: Basic base64(id:secret)".
std::pair<std::string, std::string> client_of(const SimRequest& request, const Form& form) {
  std::pair<std::string, std::string> client{form_value(form, "client_id"), form_value(form, "client_secret")};
  const std::string& auth = request.header("authorization");
  if (!client.first.empty() || auth.size() < 6 || to_lower_ascii(std::string_view(auth).substr(0, 6)) != "basic ")
    return client;
  const auto decoded = [&]() -> std::optional<std::string> {
    std::string text = auth.substr(6);
    std::string out(text.size() / 4 * 3 + 3, '\0');
    const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
    if (n < 0) return std::nullopt;
    const std::size_t padding = text.size() - std::min(text.size(), text.find_last_not_of('=') + 1);
    out.resize(static_cast<std::size_t>(n) - std::min<std::size_t>(padding, static_cast<std::size_t>(n)));
    return out;
  }();
  const auto colon = decoded ? decoded->find(':') : std::string::npos;
  if (colon == std::string::npos) return client;
  return {percent_decode(decoded->substr(0, colon), true), percent_decode(decoded->substr(colon + 1), true)};
}

std::string random_token_text(std::size_t bytes) {
  std::string raw(bytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), static_cast<int>(raw.size())) != 1)
    throw Error(Error::Kind::internal, "RAND_bytes failed");
  std::string text = base64(raw);
  for (char& c : text) c = c == '+' ? '.' : c == '/' ? '_' : c;
  while (!text.empty() && text.back() == '=') text.pop_back();
  return text;
}

}  // namespace

std::string SessionStore::issue(Timestamp now) {
  std::string token = "00D000000000001!" + random_token_text(48);
  std::lock_guard lock(mutex_);
  std::erase_if(expires_at_, [&](const auto& e) { return e.second <= now; });
  while (expires_at_.size() >= kMaxSessions) {
    const auto soonest = std::min_element(expires_at_.begin(), expires_at_.end(),
                                          [](const auto& a, const auto& b) { return a.second < b.second; });
    expires_at_.erase(soonest);
  }
  expires_at_.emplace(token, now + lifetime_);
  return token;
}

bool SessionStore::valid(std::string_view token, Timestamp now) const {
  std::lock_guard lock(mutex_);
  const auto it = expires_at_.find(std::string(token));
  return it != expires_at_.end() && now < it->second;
}

void SessionStore::expire_all() {
  std::lock_guard lock(mutex_);
  expires_at_.clear();
}

TokenEndpoint::TokenEndpoint(const SalesforceOptions& options, SessionStore& sessions)
    : options_(options), sessions_(sessions) {
  if (!options.jwt_public_key_pem.empty()) jwt_.emplace(options.jwt_public_key_pem);
}

std::string TokenEndpoint::login_url(const SimRequest& request) const {
  if (!options_.login_url.empty()) return options_.login_url;
  if (!options_.instance_url.empty()) return options_.instance_url;
  return "http://" + request.host;
}

SimReply TokenEndpoint::handle(const SimRequest& request, Timestamp now) const {
  if (request.method != "POST") return oauth_error(400, "invalid_request", "must use HTTP POST");
  const Form form = parse_query_string(request.body, true);
  const std::string grant = form_value(form, "grant_type");
  if (grant == "client_credentials") return client_credentials(request, form, now);
  if (grant == kJwtBearer && jwt_) return jwt_bearer(request, form_value(form, "assertion"), now);
  if (grant == "refresh_token" && !options_.refresh_token.empty()) return refresh(request, form, now);
  return oauth_error(400, "unsupported_grant_type", "grant type not supported");
}

SimReply TokenEndpoint::client_credentials(const SimRequest& request, const Form& form, Timestamp now) const {
  const auto [id, secret] = client_of(request, form);
  if (!same_secret(id, options_.client_id) || !same_secret(secret, options_.client_secret))
    return oauth_error(400, "invalid_client", "invalid client credentials");
  return issue(request, now);
}

SimReply TokenEndpoint::jwt_bearer(const SimRequest& request, std::string_view assertion, Timestamp now) const {
  JwtExpectations expect{options_.client_id, options_.username, {login_url(request)}, now};
  if (!options_.jwt_audience.empty()) expect.audiences.push_back(options_.jwt_audience);
  if (const JwtVerdict verdict = jwt_->verify(assertion, expect); !verdict.ok())
    return oauth_error(400, verdict.error, verdict.description);
  return issue(request, now);
}

SimReply TokenEndpoint::refresh(const SimRequest& request, const Form& form, Timestamp now) const {
  const auto [id, secret] = client_of(request, form);
  if (!same_secret(id, options_.client_id) || !same_secret(secret, options_.client_secret))
    return oauth_error(400, "invalid_client", "invalid client credentials");
  if (!same_secret(form_value(form, "refresh_token"), options_.refresh_token))
    return oauth_error(400, "invalid_grant", "expired access/refresh token");
  return issue(request, now);
}

SimReply TokenEndpoint::issue(const SimRequest& request, Timestamp now) const {
  const std::string token = sessions_.issue(now);
  const std::string instance = options_.instance_url.empty() ? "http://" + request.host : options_.instance_url;
  const std::string id = login_url(request) + "/id/00D000000000001AAA/005000000000001AAA";
  const std::string issued_at = std::to_string(now.time_since_epoch().count());
  // Salesforce signs id + issued_at with the client secret so a client can check the response.
  const std::string signed_text = id + issued_at;
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_size = 0;
  HMAC(EVP_sha256(), options_.client_secret.data(), static_cast<int>(options_.client_secret.size()),
       reinterpret_cast<const unsigned char*>(signed_text.data()), signed_text.size(), mac, &mac_size);
  std::string body = "{\"access_token\":";
  append_json_string(body, token);
  body += ",\"instance_url\":";
  append_json_string(body, instance);
  body += ",\"id\":";
  append_json_string(body, id);
  body += ",\"token_type\":\"Bearer\",\"issued_at\":";
  append_json_string(body, issued_at);
  body += ",\"signature\":";
  append_json_string(body, base64(std::string_view(reinterpret_cast<const char*>(mac), mac_size)));
  body += '}';
  return json_reply(200, std::move(body));
}

}  // namespace o2c::sim::salesforce
