#include "sim/portals/chorus/chorus_api.h"

#include <boost/json.hpp>
#include <fmt/format.h>

#include "sim/portals/chorus/chorus_state.h"
#include "sim/portals/portal_codec.h"
#include "sim/portals/portal_tokens.h"

namespace o2c::sim::portals::chorus {

namespace json = boost::json;

namespace {

SimReply oauth_error(int status, std::string_view error, std::string_view description) {
  return json_reply(status, json::serialize(json::object{{"error", error}, {"error_description", description}}));
}

// The PISTE gateway's refusal of a call without a valid token.
SimReply gateway_unauthorized(std::string_view why) {
  SimReply reply = json_reply(401, json::serialize(json::object{
                                       {"httpCode", "401"}, {"httpMessage", "Unauthorized"}, {"moreInformation", why}}));
  reply.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"PISTE\", error=\"invalid_token\"");
  return reply;
}

}  // namespace

SimReply chorus_error(int status, int code, std::string_view libelle) {
  return json_reply(status, json::serialize(json::object{{"codeRetour", code}, {"libelle", libelle}}));
}

struct ChorusApi::Impl {
  Impl(ChorusOptions o, std::shared_ptr<const PortalDirectory> d, std::shared_ptr<PortalLedger> l, PortalOptions p,
       std::shared_ptr<const Clock> c)
      : options(std::move(o)),
        directory(d),
        clock(std::move(c)),
        tokens(std::chrono::seconds(options.token_seconds)),
        state(std::move(d), std::move(l), p) {}

  SimReply route(const SimRequest& request);
  SimReply token(const SimRequest& request, Timestamp now);
  std::optional<SimReply> authorize(const SimRequest& request, Timestamp now) const;
  SimReply call(std::string_view path, const json::object& body, Timestamp now);

  const ChorusOptions options;
  const std::shared_ptr<const PortalDirectory> directory;
  const std::shared_ptr<const Clock> clock;
  TokenStore tokens;
  ChorusState state;
};

SimReply ChorusApi::Impl::token(const SimRequest& request, Timestamp now) {
  if (request.method != "POST") return oauth_error(405, "invalid_request", "the token endpoint takes POST");
  const Params form = parse_query_string(request.body, true);
  if (param(form, "client_id").value_or("") != options.client_id ||
      param(form, "client_secret").value_or("") != options.client_secret)
    return oauth_error(401, "invalid_client", "Client authentication failed");
  if (param(form, "grant_type").value_or("") != "client_credentials")
    return oauth_error(400, "unsupported_grant_type", "only client_credentials is supported");
  const std::string scope = param(form, "scope").value_or("");
  if (scope != "openid") return oauth_error(400, "invalid_scope", "PISTE applications ask for scope openid");
  const std::string token = tokens.issue(scope, options.client_id, now);
  return json_reply(200, json::serialize(json::object{{"access_token", token},
                                                      {"token_type", "Bearer"},
                                                      {"expires_in", options.token_seconds},
                                                      {"scope", scope}}));
}

std::optional<SimReply> ChorusApi::Impl::authorize(const SimRequest& request, Timestamp now) const {
  const std::string bearer = bearer_token(request);
  if (bearer.empty()) return gateway_unauthorized("Authorization: Bearer header missing");
  if (!tokens.check(bearer, now)) return gateway_unauthorized("Invalid or expired access token");
  const std::string& account = request.header("cpro-account");
  if (account.empty())
    return chorus_error(403, 20001, "GCU_MSG_01_001 En-tête cpro-account absent : compte technique requis");
  const auto decoded = base64_decode(account);
  const std::string expected = directory->seller().chorus_login + ":" + options.password;
  if (!decoded || *decoded != expected)
    return chorus_error(403, 20001, "GCU_MSG_01_001 Compte technique inconnu ou mot de passe incorrect (cpro-account)");
  return std::nullopt;
}

SimReply ChorusApi::Impl::call(std::string_view path, const json::object& body, Timestamp now) {
  if (path == "/cpro/factures/v1/deposer/flux") return state.deposit(body, now);
  if (path == "/cpro/transverses/v1/consulterCR") return state.report(body, false, now);
  if (path == "/cpro/transverses/v1/consulterCRDetaille") return state.report(body, true, now);
  if (path == "/cpro/factures/v1/rechercher/fournisseur") return state.search(body);
  if (path == "/cpro/factures/v1/consulter/historique") return state.history(body);
  return chorus_error(404, 404, fmt::format("Ressource inconnue : {}", path.substr(0, 100)));
}

SimReply ChorusApi::Impl::route(const SimRequest& request) {
  const std::string path = percent_decode(path_of(request.target), false);
  const Timestamp now = clock->now();
  if (path == options.token_path) return token(request, now);
  if (!path.starts_with("/cpro/")) return chorus_error(404, 404, "Ressource inconnue");
  if (auto refused = authorize(request, now)) return *refused;
  if (request.method != "POST") return chorus_error(405, 405, "Les services Chorus Pro se consomment en POST");
  json::error_code ec;
  const json::value body = json::parse(request.body, ec);
  if (ec || !body.is_object())
    return chorus_error(400, 20000, fmt::format("GCU_MSG_01_000 Requête JSON invalide{}",
                                                ec ? ": " + ec.message() : std::string()));
  return call(path, body.get_object(), now);
}

ChorusApi::ChorusApi(ChorusOptions options, std::shared_ptr<const PortalDirectory> directory,
                     std::shared_ptr<PortalLedger> ledger, PortalOptions portal, std::shared_ptr<const Clock> clock)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(directory), std::move(ledger), portal,
                                   clock ? std::move(clock) : std::make_shared<SystemClock>())) {}

ChorusApi::~ChorusApi() = default;

SimReply ChorusApi::handle(const SimRequest& request) { return impl_->route(request); }

SimReply ChorusApi::fault_reply(std::string_view kind) const {
  if (kind == "429") {
    SimReply reply = json_reply(429, json::serialize(json::object{{"httpCode", "429"},
                                                                  {"httpMessage", "Too Many Requests"},
                                                                  {"moreInformation", "Quota exceeded"}}));
    reply.headers.emplace_back("Retry-After", "1");
    return reply;
  }
  return SimReply{503,
                  {{"Content-Type", "text/html; charset=utf-8"}},
                  "<html><head><title>Chorus Pro - Maintenance</title></head><body><h1>Service indisponible</h1>"
                  "<p>Chorus Pro est en maintenance.</p></body></html>"};
}

void ChorusApi::expire_tokens() { impl_->tokens.expire_all(); }

const ChorusOptions& ChorusApi::options() const { return impl_->options; }

}  // namespace o2c::sim::portals::chorus
