#include "sim/sap/sap_api.h"

#include <exception>

#include <fmt/format.h>

#include "core/log.h"
#include "core/text.h"
#include "sim/sap/sap_auth.h"
#include "sim/sap/sap_resources.h"

namespace o2c::sim::sap {

namespace {

constexpr std::string_view kV2Prefix = "/sap/opu/odata/sap/";
constexpr std::string_view kV4Prefix = "/sap/opu/odata4/sap/";

bool is_modifying(std::string_view method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "MERGE" || method == "DELETE";
}

SimReply html_reply(int status, std::string_view title, std::string_view text) {
  SimReply reply;
  reply.status = status;
  reply.headers.emplace_back("Content-Type", "text/html; charset=utf-8");
  reply.body = fmt::format("<html><head><title>{0}</title></head><body><h1>{0}</h1><p>{1}</p></body></html>", title, text);
  return reply;
}

std::string query_value(std::string_view query_string, std::string_view name) {
  for (const auto& [k, v] : parse_query_string(query_string, true))
    if (k == name) return v;
  return {};
}

}  // namespace

struct SapApi::Impl {
  Impl(SapOptions o, std::shared_ptr<const SimCatalog> c, std::shared_ptr<const Clock> k)
      : options(std::move(o)),
        catalog(std::move(c)),
        clock(k ? std::move(k) : std::make_shared<SystemClock>()),
        auth(AuthSettings{options.user, options.password, options.client_id, options.client_secret, options.system_id,
                          options.sap_client, std::chrono::seconds(options.token_seconds),
                          std::chrono::seconds(options.csrf_seconds), std::chrono::seconds(1800)}),
        resources(options, catalog) {}

  SimReply route(const SimRequest& request);
  SimReply odata(const SimRequest& request, ServiceCall call, Timestamp now);
  std::optional<ServiceCall> resolve(std::string_view path) const;
  bool served(const ServiceDef& service, ODataVersion version) const {
    const auto it = options.service_versions.find(service.v2_name);
    if (it == options.service_versions.end() || it->second == ServedVersions::both) return true;
    return (it->second == ServedVersions::v2) == (version == ODataVersion::v2);
  }

  const SapOptions options;
  const std::shared_ptr<const SimCatalog> catalog;
  const std::shared_ptr<const Clock> clock;
  SapAuth auth;
  ServiceResources resources;
};

// The service and the resource within it, from the %-decoded path; nullopt when no service matches.
std::optional<ServiceCall> SapApi::Impl::resolve(std::string_view path) const {
  ServiceCall call;
  std::string_view rest;
  if (path.starts_with(kV2Prefix)) {
    call.version = ODataVersion::v2;
    rest = path.substr(kV2Prefix.size());
    const std::string_view name = rest.substr(0, rest.find('/'));
    for (const auto& s : sap_services())
      if (iequals_ascii(s.v2_name, name)) call.service = &s;
    rest.remove_prefix(name.size());
  } else {
    call.version = ODataVersion::v4;
    rest = path.substr(kV4Prefix.size());
    for (const auto& s : sap_services()) {
      const std::string tail = s.v4_path().substr(kV4Prefix.size());
      if (rest.starts_with(std::string_view(tail).substr(0, tail.size() - 1)) &&
          (rest.size() == tail.size() - 1 || rest[tail.size() - 1] == '/')) {
        call.service = &s;
        rest.remove_prefix(tail.size() - 1);
      }
    }
  }
  if (!call.service || !served(*call.service, call.version)) return std::nullopt;
  call.root_path = call.version == ODataVersion::v2 ? call.service->v2_path() : call.service->v4_path();
  if (rest.starts_with('/')) rest.remove_prefix(1);
  call.resource = std::string(rest);
  return call;
}

SimReply SapApi::Impl::route(const SimRequest& request) {
  const auto question = request.target.find('?');
  const std::string_view raw_path = std::string_view(request.target).substr(0, question);
  const std::string_view query_string =
      question == std::string::npos ? std::string_view{} : std::string_view(request.target).substr(question + 1);
  const std::string path = percent_decode(raw_path, false);
  const Timestamp now = clock->now();
  if (path == options.token_path) return auth.token_endpoint(request, now);
  if (!path.starts_with(kV2Prefix) && !path.starts_with(kV4Prefix))
    return html_reply(404, "Not Found", fmt::format("Service cannot be reached: no ICF node at '{}'", path.substr(0, 200)));
  const ODataVersion version = path.starts_with(kV2Prefix) ? ODataVersion::v2 : ODataVersion::v4;
  std::string client = query_value(query_string, "sap-client");
  if (client.empty()) client = request.header("sap-client");
  if (!client.empty() && client != options.sap_client)
    return auth.logon_failed(request, fmt::format("Client {} is not available in this system", client.substr(0, 10)));
  const auto caller = auth.authenticate(request, now);
  if (!caller) return auth.logon_failed(request, "Logon failed: check user and password, or the access token");
  if (is_modifying(request.method) && !auth.csrf_valid(request, now)) {
    SimReply reply;
    reply.status = 403;
    reply.headers.emplace_back("Content-Type", "text/plain; charset=utf-8");
    reply.headers.emplace_back("x-csrf-token", "Required");
    reply.body = "CSRF token validation failed";
    return reply;
  }
  std::optional<ServiceCall> call = resolve(path);
  SimReply reply;
  if (!call) {
    const std::string_view name = std::string_view(path).substr(version == ODataVersion::v2 ? kV2Prefix.size() : kV4Prefix.size());
    reply = error_reply(version, 404, kCodeNoService,
                        fmt::format("No service found for namespace '/SAP/', name '{}', version '0001'",
                                    name.substr(0, name.find('/'))));
  } else {
    call->request = &request;
    call->query_string = query_string;
    reply = odata(request, *call, now);
  }
  if ((request.method == "GET" || request.method == "HEAD") && iequals_ascii(request.header("x-csrf-token"), "fetch"))
    auth.fetch_csrf(*caller, reply, now);
  if (request.method == "HEAD") reply.body.clear();
  return reply;
}

SimReply SapApi::Impl::odata(const SimRequest& request, ServiceCall call, Timestamp now) {
  (void)now;
  try {
    if (is_modifying(request.method))
      throw ODataError(405, std::string(kCodeMethod),
                       fmt::format("The {} operation is not supported on '{}': the simulated A2X services are read-only",
                                   request.method, call.resource));
    if (request.method != "GET" && request.method != "HEAD")
      throw ODataError(405, std::string(kCodeMethod), fmt::format("Method {} is not allowed", request.method));
    SimReply reply = resources.serve(call);
    reply.headers.emplace_back(call.version == ODataVersion::v2 ? "dataserviceversion" : "OData-Version",
                               call.version == ODataVersion::v2 ? "2.0" : "4.0");
    return reply;
  } catch (const ODataError& e) {
    return error_reply(call.version, e);
  } catch (const std::exception& e) {   // a bug or a failing table: answer as SAP does, keep serving
    logger("sim.sap")->error("request failed target={} error={}", request.target.substr(0, 200), e.what());
    return error_reply(call.version, 500, kCodeInternal, "An exception was raised");
  }
}

SapApi::SapApi(SapOptions options, std::shared_ptr<const SimCatalog> catalog, std::shared_ptr<const Clock> clock)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(catalog), std::move(clock))) {}

SapApi::~SapApi() = default;

SimReply SapApi::handle(const SimRequest& request) { return impl_->route(request); }

SimReply SapApi::fault_reply(std::string_view kind) const {
  if (kind == "429") {
    SimReply reply = error_reply(ODataVersion::v2, 429, kCodeThrottled,
                                 "Rate limit exceeded: too many requests for this communication arrangement");
    reply.headers.emplace_back("Retry-After", "2");
    return reply;
  }
  SimReply reply = html_reply(503, "Service Unavailable",
                              "The SAP system is temporarily unavailable (maintenance or overload). Try again later.");
  reply.headers.emplace_back("Retry-After", "5");
  return reply;
}

void SapApi::expire_sessions() { impl_->auth.expire_all(); }

const SapOptions& SapApi::options() const { return impl_->options; }

}  // namespace o2c::sim::sap
