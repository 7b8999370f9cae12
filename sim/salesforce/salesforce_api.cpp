#include "sim/salesforce/salesforce_api.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <exception>
#include <mutex>

#include "core/log.h"
#include "core/text.h"
#include "sim/salesforce/salesforce_describe.h"
#include "sim/salesforce/salesforce_error.h"
#include "sim/salesforce/salesforce_oauth.h"
#include "sim/salesforce/salesforce_query.h"

namespace o2c::sim::salesforce {

namespace {

constexpr std::size_t kMaxUrlBytes = 16'384;
constexpr int kMinApiVersion = 20;  // v20.0 .. v62.0 are served
constexpr int kMaxApiVersion = 62;
constexpr std::size_t kMinQueryBatch = 200, kMaxQueryBatch = 2000;  // Sforce-Query-Options: batchSize bounds

SimReply not_found() { return rest_error(404, "NOT_FOUND", "The requested resource does not exist"); }

// "v59.0" → "59.0" when the version is one this API serves.
std::optional<std::string> api_version(std::string_view segment) {
  int major = 0;
  if (segment.size() < 4 || segment[0] != 'v' || !segment.ends_with(".0")) return std::nullopt;
  const std::string_view digits = segment.substr(1, segment.size() - 3);
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), major);
  if (ec != std::errc() || end != digits.data() + digits.size() || major < kMinApiVersion || major > kMaxApiVersion)
    return std::nullopt;
  return std::string(segment.substr(1));
}

std::string bearer_token(const SimRequest& request) {
  const std::string& auth = request.header("authorization");
  const auto space = auth.find(' ');
  if (space == std::string::npos) return {};
  const std::string scheme = to_lower_ascii(std::string_view(auth).substr(0, space));
  if (scheme != "bearer" && scheme != "oauth") return {};
  return std::string(trim(std::string_view(auth).substr(space + 1)));
}

std::string query_param(std::string_view query_string, std::string_view name) {
  for (const auto& [k, v] : parse_query_string(query_string, true))
    if (k == name) return v;
  return {};
}

}  // namespace

struct SalesforceApi::Impl {
  Impl(SalesforceOptions o, std::shared_ptr<const SimCatalog> c, std::shared_ptr<const Clock> k)
      : options(std::move(o)),
        catalog(std::move(c)),
        clock(k ? std::move(k) : std::make_shared<SystemClock>()),
        sessions(std::chrono::seconds(options.session_seconds)),
        tokens(options, sessions),
        queries(catalog, static_cast<std::size_t>(std::max(options.max_query_locators, 1)),
                std::chrono::seconds(options.locator_idle_seconds)) {}

  SimReply route(const SimRequest& request);
  SimReply rest(const SimRequest& request, std::string_view path, std::string_view query_string, Timestamp now);
  SimReply resource(const SimRequest& request, const std::string& version, std::string_view path,
                    std::string_view query_string, Timestamp now);
  bool count_request(Timestamp now);
  std::size_t batch_size(const SimRequest& request) const;
  std::string limit_info() const;
  long remaining_requests() const;

  const SalesforceOptions options;
  const std::shared_ptr<const SimCatalog> catalog;
  const std::shared_ptr<const Clock> clock;
  SessionStore sessions;
  TokenEndpoint tokens;
  QueryService queries;
  mutable std::mutex usage_mutex;
  long used = 0;
  std::optional<Timestamp> window_start;  // the daily limit counts per 24 h from the first request
};

bool SalesforceApi::Impl::count_request(Timestamp now) {
  std::lock_guard lock(usage_mutex);
  if (!window_start || now - *window_start >= std::chrono::hours(24)) {
    window_start = now;
    used = 0;
  }
  if (used >= options.daily_api_limit) return false;
  ++used;
  return true;
}

std::string SalesforceApi::Impl::limit_info() const {
  std::lock_guard lock(usage_mutex);
  return fmt::format("api-usage={}/{}", used, options.daily_api_limit);
}

long SalesforceApi::Impl::remaining_requests() const {
  std::lock_guard lock(usage_mutex);
  return options.daily_api_limit - used;
}

std::size_t SalesforceApi::Impl::batch_size(const SimRequest& request) const {
  const std::size_t configured = static_cast<std::size_t>(std::max(options.batch_size, 1));
  const std::string& query_options = request.header("sforce-query-options");
  const auto at = to_lower_ascii(query_options).find("batchsize=");
  if (at == std::string::npos) return configured;
  std::size_t n = 0;
  const char* begin = query_options.data() + at + 10;
  if (std::from_chars(begin, query_options.data() + query_options.size(), n).ec != std::errc()) return configured;
  return std::clamp(n, kMinQueryBatch, kMaxQueryBatch);
}

SimReply SalesforceApi::Impl::route(const SimRequest& request) {
  if (request.target.size() > kMaxUrlBytes)
    return rest_error(
        414, "URI_TOO_LONG",
        fmt::format("The request URI is {} bytes long; the limit is {} bytes", request.target.size(), kMaxUrlBytes));
  const auto question = request.target.find('?');
  const std::string_view path = std::string_view(request.target).substr(0, question);
  const std::string_view query_string =
      question == std::string::npos ? std::string_view{} : std::string_view(request.target).substr(question + 1);
  const Timestamp now = clock->now();
  if (path == "/services/oauth2/token") return tokens.handle(request, now);
  if (path.starts_with("/services/data/")) return rest(request, path.substr(15), query_string, now);
  return not_found();
}

SimReply SalesforceApi::Impl::rest(const SimRequest& request, std::string_view path, std::string_view query_string,
                                   Timestamp now) {
  if (path.ends_with('/')) path.remove_suffix(1);
  const auto slash = path.find('/');
  const auto version = api_version(path.substr(0, slash));
  if (!version) return not_found();
  const std::string_view rest_path = slash == std::string_view::npos ? std::string_view{} : path.substr(slash);
  const std::string token = bearer_token(request);
  if (token.empty() || !sessions.valid(token, now))
    return rest_error(401, "INVALID_SESSION_ID", "Session expired or invalid");
  if (!count_request(now)) return rest_error(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
  if (request.method != "GET" && request.method != "HEAD")
    return rest_error(405, "METHOD_NOT_ALLOWED",
                      fmt::format("HTTP Method '{}' not allowed. Allowed are GET,HEAD", request.method));
  try {
    return resource(request, *version, rest_path, query_string, now);
  } catch (const ApiError& e) {
    return rest_error(e);
  } catch (const std::exception& e) {  // a bug or a failing table: answer as Salesforce does, keep serving
    logger("sim.salesforce")->error("request failed target={} error={}", request.target.substr(0, 200), e.what());
    return rest_error(500, "UNKNOWN_EXCEPTION", "An unexpected error occurred. Please try again.");
  }
}

SimReply SalesforceApi::Impl::resource(const SimRequest& request, const std::string& version, std::string_view path,
                                       std::string_view query_string, Timestamp now) {
  for (const bool all_rows : {false, true}) {
    const std::string_view name = all_rows ? "/queryAll" : "/query";
    if (path == name) return queries.run(version, all_rows, query_param(query_string, "q"), batch_size(request), now);
    if (path.starts_with(name) && path.size() > name.size() + 1 && path[name.size()] == '/')
      return queries.more(version, path.substr(name.size() + 1), now);
  }
  if (path == "/limits") return json_reply(200, limits_json(options.daily_api_limit, remaining_requests()));
  constexpr std::string_view kSobjects = "/sobjects/", kDescribe = "/describe";
  if (path.starts_with(kSobjects) && path.ends_with(kDescribe) && path.size() > kSobjects.size() + kDescribe.size()) {
    const std::string_view object = path.substr(kSobjects.size(), path.size() - kSobjects.size() - kDescribe.size());
    const auto table = object.find('/') == std::string_view::npos ? catalog->table(object) : nullptr;
    if (table) return json_reply(200, describe_json(*table));
  }
  return not_found();
}

SalesforceApi::SalesforceApi(SalesforceOptions options, std::shared_ptr<const SimCatalog> catalog,
                             std::shared_ptr<const Clock> clock)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(catalog), std::move(clock))) {}

SalesforceApi::~SalesforceApi() = default;

SimReply SalesforceApi::handle(const SimRequest& request) {
  SimReply reply = impl_->route(request);
  if (!request.target.starts_with("/services/oauth2/"))
    reply.headers.emplace_back("Sforce-Limit-Info", impl_->limit_info());
  return reply;
}

SimReply SalesforceApi::fault_reply(std::string_view kind) const {
  if (kind == "5xx") {
    SimReply reply;
    reply.status = 503;
    reply.headers.emplace_back("Content-Type", "text/html;charset=UTF-8");
    reply.body =
        "<html><head><title>Service Unavailable</title></head><body><h1>Service Unavailable</h1>"
        "<p>The server is temporarily unable to service your request. Please try again later.</p></body></html>";
    return reply;
  }
  SimReply reply = kind == "429" ? rest_error(403, "REQUEST_LIMIT_EXCEEDED",
                                              "ConcurrentRequests (Concurrent API Requests) Limit exceeded.")
                                 : rest_error(500, "UNKNOWN_EXCEPTION", fmt::format("unknown fault kind '{}'", kind));
  reply.headers.emplace_back("Sforce-Limit-Info", impl_->limit_info());
  return reply;
}

void SalesforceApi::expire_sessions() { impl_->sessions.expire_all(); }

long SalesforceApi::api_calls() const {
  std::lock_guard lock(impl_->usage_mutex);
  return impl_->used;
}

}  // namespace o2c::sim::salesforce
