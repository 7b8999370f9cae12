#include "sim/portals/coupa/coupa_api.h"

#include <array>
#include <map>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "core/text.h"
#include "sim/portals/coupa/coupa_invoices.h"
#include "sim/portals/portal_codec.h"
#include "sim/portals/portal_tokens.h"

namespace o2c::sim::portals::coupa {

namespace json = boost::json;

namespace {

// The scopes a client may ask for (Coupa's service.object.right form).
constexpr std::array<std::string_view, 7> kKnownScopes{
    "core.common.read",  "core.invoice.read",        "core.invoice.write",       "core.supplier.read",
    "core.invoice.create", "core.purchase_order.read", "core.approval.read"};

SimReply oauth_error(int status, std::string_view error, std::string_view description) {
  return json_reply(status, json::serialize(json::object{{"error", error}, {"error_description", description}}));
}

std::string form_value(const Params& form, std::string_view key) { return param(form, key).value_or(""); }

}  // namespace

SimReply coupa_error(int status, std::string_view object, std::string_view message) {
  return json_reply(status,
                    json::serialize(json::object{{"errors", json::object{{object, json::array{json::string(message)}}}}}));
}

struct CoupaApi::Impl {
  Impl(CoupaOptions o, std::shared_ptr<const PortalDirectory> d, std::shared_ptr<PortalLedger> l, PortalOptions p,
       std::shared_ptr<const Clock> c)
      : options(std::move(o)),
        directory(std::move(d)),
        clock(std::move(c)),
        tokens(std::chrono::seconds(options.token_seconds)),
        invoices(directory, std::move(l), p) {}

  SimReply route(const SimRequest& request);
  SimReply token(const PortalBuyer& buyer, const SimRequest& request, Timestamp now);
  // nullopt when the request may go on, else the 401/403.
  std::optional<SimReply> authorize(const PortalBuyer& buyer, const SimRequest& request, std::string_view scope,
                                    Timestamp now) const;
  RateBucket& bucket(const std::string& instance) {
    std::lock_guard lock(buckets_mutex);
    return buckets.try_emplace(instance, options.rate_per_second, options.burst).first->second;
  }

  const CoupaOptions options;
  const std::shared_ptr<const PortalDirectory> directory;
  const std::shared_ptr<const Clock> clock;
  TokenStore tokens;
  CoupaInvoices invoices;
  std::mutex buckets_mutex;
  std::map<std::string, RateBucket> buckets;
};

SimReply CoupaApi::Impl::token(const PortalBuyer& buyer, const SimRequest& request, Timestamp now) {
  if (request.method != "POST") return oauth_error(405, "invalid_request", "the token endpoint takes POST");
  const Params form = parse_query_string(request.body, true);
  if (form_value(form, "client_id") != options.client_id || form_value(form, "client_secret") != options.client_secret)
    return oauth_error(401, "invalid_client", "Client authentication failed");
  if (form_value(form, "grant_type") != "client_credentials")
    return oauth_error(400, "unsupported_grant_type", "only client_credentials is supported");
  const std::string scope = form_value(form, "scope");
  if (scope.empty()) return oauth_error(400, "invalid_scope", "scope is required (space-separated scopes)");
  std::string_view rest = scope;
  while (!rest.empty()) {
    const auto space = rest.find(' ');
    const std::string_view one = rest.substr(0, space);
    if (!one.empty() && std::find(kKnownScopes.begin(), kKnownScopes.end(), one) == kKnownScopes.end())
      return oauth_error(400, "invalid_scope",
                         fmt::format("unknown scope '{}' (scopes are separated by spaces, not commas)", one));
    if (space == std::string_view::npos) break;
    rest.remove_prefix(space + 1);
  }
  const std::string token = tokens.issue(scope, buyer.buyer_id, now);
  return json_reply(200, json::serialize(json::object{{"access_token", token},
                                                      {"token_type", "bearer"},
                                                      {"expires_in", options.token_seconds},
                                                      {"scope", scope}}));
}

std::optional<SimReply> CoupaApi::Impl::authorize(const PortalBuyer& buyer, const SimRequest& request,
                                                  std::string_view scope, Timestamp now) const {
  const std::string& key = request.header("x-coupa-api-key");
  if (!key.empty()) {
    if (key == options.api_key) return std::nullopt;
    return coupa_error(401, "authentication", "Invalid API key");
  }
  const std::string bearer = bearer_token(request);
  if (bearer.empty()) return coupa_error(401, "authentication", "An access token (Authorization: Bearer) is required");
  const auto grant = tokens.check(bearer, now);
  if (!grant || grant->owner != buyer.buyer_id) {
    SimReply reply = coupa_error(401, "authentication", "Invalid or expired access token");
    reply.headers.emplace_back("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    return reply;
  }
  if (!has_scope(grant->scope, scope))
    return coupa_error(403, "authorization", fmt::format("The access token does not grant scope {}", scope));
  return std::nullopt;
}

SimReply CoupaApi::Impl::route(const SimRequest& request) {
  const std::string path = percent_decode(path_of(request.target), false);
  const Timestamp now = clock->now();
  // "/{instance}/rest..."
  const auto slash = path.find('/', 1);
  const std::string instance = path.substr(1, slash == std::string::npos ? std::string::npos : slash - 1);
  const std::string rest = slash == std::string::npos ? "" : path.substr(slash);
  const auto buyer = directory->find_buyer(PortalKind::coupa, instance);
  if (!buyer)
    return coupa_error(404, "instance", fmt::format("No Coupa instance '{}' (unknown buyer)", instance.substr(0, 64)));
  if (const auto wait = bucket(instance).take(now)) {
    SimReply reply = coupa_error(429, "rate-limit", "Too many requests: 25 per second, bursts of 20");
    reply.headers.emplace_back("Retry-After", std::to_string(*wait));
    return reply;
  }
  if (rest == "/oauth2/token") return token(*buyer, request, now);
  if (rest == "/api/invoices" && request.method == "POST") {
    if (auto refused = authorize(*buyer, request, "core.invoice.write", now)) return *refused;
    return invoices.create(*buyer, request.body, now);
  }
  if (request.method != "GET" && (rest == "/api/invoices" || rest.starts_with("/api/invoices/")))
    return coupa_error(405, "invoice-header", fmt::format("{} is not allowed on {}", request.method, rest));
  if (rest == "/api/invoices" || rest.starts_with("/api/invoices/")) {
    if (auto refused = authorize(*buyer, request, "core.invoice.read", now)) return *refused;
    if (rest == "/api/invoices") return invoices.list(*buyer, query_params(request.target));
    return invoices.get(*buyer, std::string_view(rest).substr(std::string_view("/api/invoices/").size()));
  }
  return coupa_error(404, "api", fmt::format("No route matches '{}'", rest.substr(0, 100)));
}

CoupaApi::CoupaApi(CoupaOptions options, std::shared_ptr<const PortalDirectory> directory,
                   std::shared_ptr<PortalLedger> ledger, PortalOptions portal, std::shared_ptr<const Clock> clock)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(directory), std::move(ledger), portal,
                                   clock ? std::move(clock) : std::make_shared<SystemClock>())) {}

CoupaApi::~CoupaApi() = default;

SimReply CoupaApi::handle(const SimRequest& request) { return impl_->route(request); }

SimReply CoupaApi::fault_reply(std::string_view kind) const {
  if (kind == "429") {
    SimReply reply = coupa_error(429, "rate-limit", "Too many requests: 25 per second, bursts of 20");
    reply.headers.emplace_back("Retry-After", "1");
    return reply;
  }
  return SimReply{503,
                  {{"Content-Type", "text/html; charset=utf-8"}, {"Retry-After", "5"}},
                  "<html><head><title>Coupa is down for maintenance</title></head><body><h1>We'll be back soon"
                  "</h1><p>Coupa is temporarily unavailable.</p></body></html>"};
}

void CoupaApi::expire_tokens() { impl_->tokens.expire_all(); }

const CoupaOptions& CoupaApi::options() const { return impl_->options; }

}  // namespace o2c::sim::portals::coupa
