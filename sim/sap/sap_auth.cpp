#include "sim/sap/sap_auth.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"
#include "sim/sap/sap_error.h"
#include "sim/sim_json.h"

namespace o2c::sim::sap {

namespace {

std::string form_value(const std::vector<std::pair<std::string, std::string>>& form, std::string_view key) {
  for (const auto& [k, v] : form)
    if (k == key) return v;
  return {};
}

SimReply oauth_error(int status, std::string_view error, std::string_view description) {
  std::string body = "{\"error\":";
  append_json_string(body, error);
  body += ",\"error_description\":";
  append_json_string(body, description);
  body += '}';
  return json_reply(status, std::move(body));
}

// "Basic xyz" → ("basic", "xyz").
std::pair<std::string, std::string> authorization(const SimRequest& request) {
  const std::string& value = request.header("authorization");
  const auto space = value.find(' ');
  if (space == std::string::npos) return {};
  return {to_lower_ascii(std::string_view(value).substr(0, space)), std::string(trim(std::string_view(value).substr(space + 1)))};
}

std::optional<std::pair<std::string, std::string>> basic_credentials(const std::string& encoded) {
  const auto decoded = base64_decode(encoded);
  if (!decoded) return std::nullopt;
  const auto colon = decoded->find(':');
  if (colon == std::string::npos) return std::nullopt;
  return std::pair{decoded->substr(0, colon), decoded->substr(colon + 1)};
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
  std::string out(3 * text.size() / 4, '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
  if (n < 0) return std::nullopt;
  std::size_t size = static_cast<std::size_t>(n);
  for (std::size_t i = text.size(); i > 0 && text[i - 1] == '='; --i) --size;   // EVP counts the padding
  out.resize(size);
  return out;
}

std::string random_base64(std::size_t bytes) {
  std::string raw(bytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), static_cast<int>(raw.size())) != 1)
    throw Error(Error::Kind::internal, "RAND_bytes failed");
  return base64_encode(raw);
}

std::string SapAuth::session_cookie_name() const {
  return fmt::format("SAP_SESSIONID_{}_{}", settings_.system_id, settings_.sap_client);
}

std::string SapAuth::session_of(const SimRequest& request) const {
  const std::string name = session_cookie_name() + "=";
  std::string_view cookies = request.header("cookie");
  while (!cookies.empty()) {
    const auto semi = cookies.find(';');
    const std::string_view part = trim(cookies.substr(0, semi));
    if (part.starts_with(name)) return std::string(part.substr(name.size()));
    if (semi == std::string_view::npos) break;
    cookies.remove_prefix(semi + 1);
  }
  return {};
}

std::optional<SapAuth::Caller> SapAuth::authenticate(const SimRequest& request, Timestamp now) {
  const std::string session = session_of(request);
  const auto [scheme, credentials] = authorization(request);
  std::lock_guard lock(mutex_);
  if (scheme == "basic") {
    const auto pair = basic_credentials(credentials);
    if (!pair || pair->first.empty() || !iequals_ascii(pair->first, settings_.user) || pair->second != settings_.password)
      return std::nullopt;
    return Caller{settings_.user, session};
  }
  if (scheme == "bearer") {
    const auto it = tokens_.find(credentials);
    if (it == tokens_.end() || it->second <= now) return std::nullopt;
    return Caller{settings_.client_id, session};
  }
  if (!scheme.empty()) return std::nullopt;
  const auto it = sessions_.find(session);
  if (session.empty() || it == sessions_.end() || it->second.expires <= now) return std::nullopt;
  return Caller{settings_.user, session};
}

SimReply SapAuth::logon_failed(const SimRequest& request, std::string_view why) const {
  SimReply reply;
  reply.status = 401;
  reply.headers.emplace_back("Content-Type", "text/html; charset=utf-8");
  reply.headers.emplace_back("WWW-Authenticate", fmt::format("Basic realm=\"SAP NetWeaver Application Server [{}/{}]\"",
                                                             settings_.system_id, settings_.sap_client));
  if (authorization(request).first == "bearer")
    reply.headers.emplace_back("WWW-Authenticate", "Bearer error=\"invalid_token\"");
  reply.body = fmt::format("<html><head><title>Logon Error Message</title></head><body><h1>Logon failed</h1>"
                           "<p>{}</p><p>System {} client {}</p></body></html>",
                           why, settings_.system_id, settings_.sap_client);
  return reply;
}

SimReply SapAuth::token_endpoint(const SimRequest& request, Timestamp now) {
  if (request.method != "POST") return oauth_error(405, "invalid_request", "the token endpoint takes POST");
  const auto form = parse_query_string(request.body, true);
  std::string id = form_value(form, "client_id"), secret = form_value(form, "client_secret");
  if (const auto [scheme, credentials] = authorization(request); scheme == "basic")
    if (const auto pair = basic_credentials(credentials)) std::tie(id, secret) = *pair;
  if (id.empty()) return oauth_error(401, "invalid_client", "client authentication missing");
  if (id != settings_.client_id || secret != settings_.client_secret)
    return oauth_error(401, "invalid_client", "Bad credentials");
  const std::string grant = form_value(form, "grant_type");
  if (grant != "client_credentials")
    return oauth_error(400, "unsupported_grant_type", fmt::format("grant type '{}' is not supported", grant));
  const std::string token = random_base64(32);
  {
    std::lock_guard lock(mutex_);
    std::erase_if(tokens_, [now](const auto& entry) { return entry.second <= now; });
    tokens_[token] = now + settings_.token_lifetime;
  }
  std::string body = "{\"access_token\":";
  append_json_string(body, token);
  body += fmt::format(",\"token_type\":\"Bearer\",\"expires_in\":{},\"scope\":\"API_BILLING_DOCUMENT_SRV_0001 "
                      "API_BUSINESS_PARTNER_0001 API_OPLACCTGDOCITEMCUBE_SRV_0001\"}}",
                      settings_.token_lifetime.count());
  return json_reply(200, std::move(body));
}

void SapAuth::fetch_csrf(const Caller& caller, SimReply& reply, Timestamp now) {
  std::lock_guard lock(mutex_);
  std::string id = caller.session;
  auto it = id.empty() ? sessions_.end() : sessions_.find(id);
  if (it == sessions_.end() || it->second.expires <= now) {
    std::erase_if(sessions_, [now](const auto& entry) { return entry.second.expires <= now; });
    id = random_base64(24);
    it = sessions_.emplace(id, Session{now + settings_.session_lifetime, {}, {}}).first;
    reply.headers.emplace_back("Set-Cookie", fmt::format("{}={}; path=/; HttpOnly", session_cookie_name(), id));
    reply.headers.emplace_back("Set-Cookie", fmt::format("sap-usercontext=sap-client={}; path=/", settings_.sap_client));
  }
  Session& session = it->second;
  if (session.csrf.empty() || session.csrf_expires <= now) {
    session.csrf = random_base64(18);
    session.csrf_expires = now + settings_.csrf_lifetime;
  }
  reply.headers.emplace_back("x-csrf-token", session.csrf);
}

bool SapAuth::csrf_valid(const SimRequest& request, Timestamp now) {
  const std::string session = session_of(request);
  const std::string& token = request.header("x-csrf-token");
  std::lock_guard lock(mutex_);
  const auto it = sessions_.find(session);
  if (session.empty() || token.empty() || it == sessions_.end() || it->second.expires <= now) return false;
  return it->second.csrf == token && it->second.csrf_expires > now;
}

void SapAuth::expire_all() {
  std::lock_guard lock(mutex_);
  tokens_.clear();
  sessions_.clear();
}

}  // namespace o2c::sim::sap
