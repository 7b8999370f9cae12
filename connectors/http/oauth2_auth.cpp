// OAuth 2.0 bearer tokens from a token endpoint (RFC 6749 client credentials,
// RFC 7523 JWT bearer), cached until a 401 says otherwise.
#include <boost/json.hpp>
#include <fmt/format.h>

#include "connectors/http/auth.h"
#include "connectors/http/url.h"
#include "core/error.h"
#include "core/text.h"

namespace o2c::http {

namespace {

constexpr std::string_view kJwtBearerGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";

void require(bool present, std::string_view grant, std::string_view setting) {
  if (!present)
    throw Error(Error::Kind::config, fmt::format("oauth2 grant {} needs {}; it is empty", grant, setting));
}

std::optional<boost::json::object> json_object(const Response& r);

// The token endpoint's answer classified: never refresh_auth (that would
// loop); a 2xx that is not a JSON object (a maintenance page, a body cut
// short) is a transient fault of the endpoint, sent again like a 503.
Verdict token_verdict(const Response& r) {
  const Verdict v = default_verdict(r);
  if (v == Verdict::ok && (!r.is_json() || !json_object(r))) return Verdict::retry;
  return v == Verdict::refresh_auth ? Verdict::fail : v;
}

std::string json_string(const boost::json::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  return (value != nullptr && value->is_string()) ? std::string(value->as_string()) : std::string();
}

std::optional<boost::json::object> json_object(const Response& r) {
  boost::system::error_code ec;
  auto value = boost::json::parse(r.body, ec);
  if (ec || !value.is_object()) return std::nullopt;
  return std::move(value.as_object());
}

std::string what_to_check(std::string_view error, std::string_view grant) {
  if (error == "invalid_client")
    return grant == "jwt_bearer" ? "check client_id (the connected app's consumer key)"
                                 : "check client_id and client_secret";
  if (error == "invalid_grant")
    return grant == "jwt_bearer"
               ? "check user, audience, that private_key matches the certificate of the connected app and "
                 "that the user is pre-authorized for it"
               : "check that the client credentials flow is enabled with a run-as user on the connected app";
  if (error == "unsupported_grant_type") return "check grant (client_credentials or jwt_bearer)";
  return "check the auth settings of this source";
}

}  // namespace

OAuth2Auth::OAuth2Auth(OAuth2Settings settings, Client& client, const Clock& clock)
    : settings_(std::move(settings)), client_(client), clock_(clock) {
  const UrlParts token_url = split_url(settings_.token_url);
  const std::string& grant = settings_.grant;
  if (grant == "client_credentials") {
    require(!settings_.client_id.empty(), grant, "client_id");
    require(!settings_.client_secret.empty(), grant, "client_secret");
  } else if (grant == "jwt_bearer") {
    require(!settings_.client_id.empty(), grant, "client_id");
    require(!settings_.user.empty(), grant, "user");
    require(!settings_.private_key_pem.empty(), grant, "private_key");
    (void)sign_jwt_rs256("{}", settings_.private_key_pem);   // a bad key stops startup, not the first sync
    if (settings_.audience.empty()) {
      UrlParts origin = token_url;
      origin.path.clear();
      settings_.audience = origin.base_uri();   // scheme://host[:port]
    }
  } else {
    throw Error(Error::Kind::config,
                fmt::format("unknown oauth2 grant '{}'{}", grant,
                            suggestion_suffix(grant, {"client_credentials", "jwt_bearer"})));
  }
}

void OAuth2Auth::apply(Request& request) { set_header(request, "Authorization", "Bearer " + token().access_token); }

void OAuth2Auth::invalidate(const Request& rejected) {
  std::lock_guard lock(mutex_);
  if (!token_) return;
  const std::string carried = "Bearer " + token_->access_token;
  for (const auto& h : rejected.headers)
    if (to_lower_ascii(h.name) == "authorization" && h.value == carried) token_.reset();
}

void OAuth2Auth::invalidate() {
  std::lock_guard lock(mutex_);
  token_.reset();
}

OAuth2Token OAuth2Auth::token() {
  std::unique_lock lock(mutex_);
  if (token_) return *token_;
  if (pending_.valid()) {
    auto shared = pending_;
    lock.unlock();
    return shared.get();   // rethrows the fetch's error to every waiter
  }
  std::promise<OAuth2Token> promise;
  pending_ = promise.get_future().share();
  lock.unlock();
  try {
    OAuth2Token fresh = fetch();
    lock.lock();
    token_ = fresh;
    pending_ = {};
    promise.set_value(fresh);
    return fresh;
  } catch (...) {
    if (!lock.owns_lock()) lock.lock();
    pending_ = {};
    promise.set_exception(std::current_exception());
    throw;
  }
}

std::string OAuth2Auth::jwt_assertion() const {
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(clock_.now().time_since_epoch());
  const boost::json::object claims{{"iss", settings_.client_id.reveal()},
                                   {"sub", settings_.user},
                                   {"aud", settings_.audience},
                                   {"exp", (now + settings_.assertion_lifetime).count()}};
  return sign_jwt_rs256(boost::json::serialize(claims), settings_.private_key_pem);
}

Request OAuth2Auth::token_request() const {
  QueryParams form;
  if (settings_.grant == "client_credentials") {
    form = {{"grant_type", "client_credentials"},
            {"client_id", settings_.client_id.reveal()},
            {"client_secret", settings_.client_secret.reveal()}};
    if (!settings_.scope.empty()) form.emplace_back("scope", settings_.scope);
  }
  else
    form = {{"grant_type", std::string(kJwtBearerGrant)}, {"assertion", jwt_assertion()}};
  Request request;
  request.method = "POST";
  request.url = settings_.token_url;
  request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept", "application/json"}};
  request.body = encode_query(form);
  return request;
}

OAuth2Token OAuth2Auth::fetch() {
  const Response r = client_.send(token_request(), nullptr, token_verdict);
  const std::string source = client_.settings().source.empty() ? "oauth2" : client_.settings().source;
  const std::string where = fmt::format("{}: token endpoint {}", source, settings_.token_url);
  ErrorContext ctx;
  ctx.source = client_.settings().source;
  const auto not_json = [&] {
    return Error(Error::Kind::remote,
                 fmt::format("{} answered HTTP {} with Content-Type '{}', not JSON — check token_url (it must be "
                             "the token endpoint of the org's login or My Domain host)",
                             where, r.status, r.header("content-type")),
                 ctx);
  };
  const auto body = r.is_json() ? json_object(r) : std::nullopt;
  if (r.status >= 200 && r.status < 300) {
    if (!body) throw not_json();
    OAuth2Token token{json_string(*body, "access_token"), json_string(*body, "instance_url"), clock_.now()};
    if (token.access_token.empty())
      throw Error(Error::Kind::remote, fmt::format("{} answered without an access_token", where), ctx);
    return token;
  }
  if (r.status == 400 || r.status == 401 || r.status == 403) {
    if (!body) throw not_json();
    const std::string error = json_string(*body, "error");
    std::string description = json_string(*body, "error_description");
    description = redact(redact(std::move(description), settings_.client_secret), settings_.private_key_pem);
    throw Error(Error::Kind::config,
                fmt::format("{} refused the {} grant (HTTP {}): {}: {} — {}", where, settings_.grant, r.status,
                            error.empty() ? "no error code" : error, description, what_to_check(error, settings_.grant)),
                ctx);
  }
  throw Error(Error::Kind::config,
              fmt::format("{} answered HTTP {}{} — check token_url", where, r.status,
                          (r.status >= 300 && r.status < 400) ? " (a redirect; redirects are not followed)" : ""),
              ctx);
}

}  // namespace o2c::http
