#include "sim/oracle/oracle_auth.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>

#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"
#include "sim/sim_json.h"

namespace o2c::sim::oracle {

namespace {

constexpr std::size_t kMaxTokens = 100'000;

bool same_secret(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::optional<std::string_view> credentials_of(std::string_view header, std::string_view scheme) {
  if (header.size() <= scheme.size() || !iequals_ascii(header.substr(0, scheme.size()), scheme) ||
      header[scheme.size()] != ' ')
    return std::nullopt;
  return trim(header.substr(scheme.size() + 1));
}

SimReply unauthorized(std::string challenge, std::string_view detail) {
  return SimReply{401, {{"WWW-Authenticate", std::move(challenge)}, {"Content-Type", "text/plain;charset=UTF-8"}},
                  std::string(detail)};
}

SimReply oauth_error(int status, std::string_view error, std::string_view description) {
  std::string body = "{\"error\":";
  append_json_string(body, error);
  body += ",\"error_description\":";
  append_json_string(body, description);
  body += '}';
  return SimReply{status, {{"Content-Type", "application/json"}}, std::move(body)};
}

std::string random_token() {
  unsigned char raw[32];
  if (RAND_bytes(raw, sizeof raw) != 1) throw Error(Error::Kind::internal, "RAND_bytes failed");
  std::string text = base64_encode(std::string_view(reinterpret_cast<const char*>(raw), sizeof raw));
  for (char& c : text) c = c == '+' ? '-' : c == '/' ? '_' : c;
  while (!text.empty() && text.back() == '=') text.pop_back();
  return "eyJo2c." + text;
}

}  // namespace

std::string base64_encode(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3), '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
  if (text.empty() || text.size() % 4 != 0) return std::nullopt;
  std::string out(text.size() / 4 * 3, '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
  if (n < 0) return std::nullopt;
  const std::size_t padding = text.size() - (text.find_last_not_of('=') + 1);
  if (padding > 2) return std::nullopt;
  out.resize(static_cast<std::size_t>(n) - padding);
  return out;
}

OracleAuth::OracleAuth(const OracleOptions& options, std::shared_ptr<const Clock> clock)
    : options_(options), clock_(std::move(clock)) {}

std::optional<SimReply> OracleAuth::check(const SimRequest& request) {
  const std::string_view header = request.header("authorization");
  const std::string basic_challenge = "Basic realm=\"Oracle Fusion Applications\"";
  if (const auto token = credentials_of(header, "Bearer")) {
    std::lock_guard lock(mutex_);
    const auto it = expires_at_.find(std::string(*token));
    if (it != expires_at_.end() && clock_->now() < it->second) return std::nullopt;
    return unauthorized("Bearer error=\"invalid_token\", error_description=\"The access token is invalid or expired\"",
                        "The access token is invalid or expired.");
  }
  if (const auto encoded = credentials_of(header, "Basic")) {
    const auto decoded = base64_decode(*encoded);
    const auto colon = decoded ? decoded->find(':') : std::string::npos;
    if (colon != std::string::npos && same_secret(decoded->substr(0, colon), options_.user) &&
        same_secret(decoded->substr(colon + 1), options_.password))
      return std::nullopt;
    return unauthorized(basic_challenge, "Authentication failed: the user name or password is not valid.");
  }
  return unauthorized(basic_challenge, "Authentication required.");
}

SimReply OracleAuth::issue_token(const SimRequest& request) {
  if (request.method != "POST") return oauth_error(405, "invalid_request", "The token endpoint takes POST.");
  const auto form = parse_query_string(request.body);
  const auto value = [&](std::string_view name) {
    for (const auto& [k, v] : form)
      if (k == name) return v;
    return std::string();
  };
  std::string id = value("client_id"), secret = value("client_secret");
  if (id.empty())
    if (const auto encoded = credentials_of(request.header("authorization"), "Basic"))
      if (const auto decoded = base64_decode(*encoded); decoded && decoded->find(':') != std::string::npos) {
        id = percent_decode(decoded->substr(0, decoded->find(':')), true);
        secret = percent_decode(decoded->substr(decoded->find(':') + 1), true);
      }
  if (value("grant_type") != "client_credentials")
    return oauth_error(400, "unsupported_grant_type",
                       fmt::format("The grant type '{}' is not supported; use client_credentials.",
                                   value("grant_type")));
  if (!same_secret(id, options_.client_id) || !same_secret(secret, options_.client_secret))
    return oauth_error(401, "invalid_client", "Client authentication failed.");
  const std::string token = random_token();
  const Timestamp now = clock_->now();
  {
    std::lock_guard lock(mutex_);
    std::erase_if(expires_at_, [&](const auto& e) { return e.second <= now; });
    if (expires_at_.size() >= kMaxTokens) expires_at_.erase(expires_at_.begin());
    expires_at_[token] = now + std::chrono::seconds(options_.token_lifetime_seconds);
  }
  std::string body = "{\"access_token\":";
  append_json_string(body, token);
  body += fmt::format(",\"token_type\":\"Bearer\",\"expires_in\":{}}}", options_.token_lifetime_seconds);
  return SimReply{200, {{"Content-Type", "application/json"}, {"Cache-Control", "no-store"}}, std::move(body)};
}

void OracleAuth::expire_all() {
  std::lock_guard lock(mutex_);
  expires_at_.clear();
}

}  // namespace o2c::sim::oracle
