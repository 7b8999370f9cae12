#include "sim/netsuite/netsuite_api.h"

#include <optional>
#include <variant>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <fmt/format.h>

#include "core/log.h"
#include "core/text.h"
#include "sim/netsuite/netsuite_json.h"
#include "sim/netsuite/netsuite_oauth.h"
#include "sim/netsuite/suiteql_cache.h"
#include "sim/netsuite/suiteql_error.h"

namespace o2c::sim::netsuite {

namespace {

constexpr std::string_view kSuiteQlPath = "/services/rest/query/v1/suiteql";
constexpr std::size_t kMaxLimit = 1000;
constexpr std::string_view kInvalidLogin =
    "Invalid login attempt. For more details, see the Login Audit Trail in the NetSuite UI at Setup > "
    "Users/Roles > User Management > View Login Audit Trail.";

OAuthAccount account_of(const NetSuiteOptions& o) {
  return {o.account, o.consumer_key, o.consumer_secret, o.token_id, o.token_secret, o.timestamp_skew_seconds};
}

bool prefers_transient(std::string_view prefer) {
  for (std::size_t start = 0; start <= prefer.size();) {
    auto end = prefer.find_first_of(",;", start);
    if (end == std::string_view::npos) end = prefer.size();
    if (to_lower_ascii(trim(prefer.substr(start, end - start))) == "transient") return true;
    start = end + 1;
  }
  return false;
}

std::optional<std::size_t> parse_count(std::string_view s) {
  if (s.empty() || s.size() > 9) return std::nullopt;
  std::size_t v = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<std::size_t>(c - '0');
  }
  return v;
}

struct Paging {
  std::size_t limit = kMaxLimit;
  std::size_t offset = 0;
};

// Checks limit/offset as NetSuite does; the error reply when they are wrong.
std::optional<SimReply> read_paging(std::string_view query_string, Paging& paging) {
  for (const auto& [name, value] : parse_query_string(query_string)) {
    if (name != "limit" && name != "offset") continue;
    const auto n = parse_count(value);
    if (name == "limit") {
      if (!n || *n < 1 || *n > kMaxLimit)
        return error_reply(400, "INVALID_PARAMETER",
                           fmt::format("Invalid value '{}' for the query parameter 'limit': it must be an integer "
                                       "from 1 to {}.", value, kMaxLimit), {"o:errorQueryParam", "limit"});
      paging.limit = *n;
    } else {
      if (!n)
        return error_reply(400, "INVALID_PARAMETER",
                           fmt::format("Invalid value '{}' for the query parameter 'offset': it must be a "
                                       "non-negative integer.", value), {"o:errorQueryParam", "offset"});
      paging.offset = *n;
    }
  }
  if (paging.offset % paging.limit != 0)
    return error_reply(400, "INVALID_PARAMETER",
                       fmt::format("The query parameter 'offset' ({}) must be a multiple of 'limit' ({}).",
                                   paging.offset, paging.limit), {"o:errorQueryParam", "offset"});
  if (paging.offset + paging.limit > kResultCeiling)
    return error_reply(400, "INVALID_PARAMETER",
                       fmt::format("offset ({}) + limit ({}) exceeds {}: a SuiteQL query returns at most {} results. "
                                   "Narrow the query instead (for example WHERE id > the last id read) and page "
                                   "it from offset 0.", paging.offset, paging.limit, kResultCeiling, kResultCeiling),
                       {"o:errorQueryParam", "offset"});
  return std::nullopt;
}

// The `q` member of the JSON body, or the error reply.
std::variant<std::string, SimReply> read_query_text(const std::string& body) {
  boost::system::error_code ec;
  const boost::json::value doc = boost::json::parse(body, ec);
  if (ec)
    return error_reply(400, "INVALID_CONTENT",
                       fmt::format("The request body is not valid JSON: {}.", ec.message()));
  const auto* object = doc.if_object();
  const auto* q = object ? object->if_contains("q") : nullptr;
  if (!q || !q->is_string())
    return error_reply(400, "INVALID_PARAMETER",
                       "The request body must be a JSON object with the SuiteQL query as the string member 'q'.",
                       {"o:errorPath", "q"});
  return std::string(q->get_string());
}

}  // namespace

struct NetSuiteApi::Impl {
  NetSuiteOptions options;
  std::shared_ptr<const SimCatalog> catalog;
  OAuthVerifier verifier;
  QueryCache cache;
  std::shared_ptr<spdlog::logger> log = o2c::logger("sim.netsuite");

  Impl(NetSuiteOptions o, std::shared_ptr<const SimCatalog> c, std::shared_ptr<const Clock> clock)
      : options(std::move(o)),
        catalog(std::move(c)),
        verifier(account_of(options), clock ? std::move(clock) : std::make_shared<SystemClock>()),
        cache(options.query_cache_entries, AccountZone(options.timezone)) {}

  SimReply route(const SimRequest& request);
  SimReply suiteql(const SimRequest& request, std::string_view host, std::string_view query_string);
};

SimReply NetSuiteApi::Impl::suiteql(const SimRequest& request, std::string_view host,
                                    std::string_view query_string) {
  if (!prefers_transient(request.header("prefer")))
    return error_reply(400, "INVALID_HEADER",
                       "The request is missing the header 'Prefer: transient', which SuiteQL queries require.",
                       {"o:errorHeader", "Prefer"});
  Paging paging;
  if (auto error = read_paging(query_string, paging)) return std::move(*error);
  auto text = read_query_text(request.body);
  if (auto* error = std::get_if<SimReply>(&text)) return std::move(*error);
  const std::string& q = std::get<std::string>(text);

  QueryPage page;
  try {
    // A first page starts a new execution; later pages reuse its pass.
    page = cache.get(q, *catalog, paging.offset == 0)->page(paging.offset, paging.limit);
  } catch (const QueryError& e) {
    log->debug("suiteql rejected reason=\"{}\" position={}", e.what(), e.position());
    return error_reply(400, "INVALID_PARAMETER",
                       fmt::format("Invalid search query. Detailed unprocessed description follows. Search error "
                                   "occurred: {} {}.", e.what(), describe_position(q, e.position())),
                       {"o:errorPath", "q"});
  }
  const std::size_t reachable = std::min(page.total, kResultCeiling / paging.limit * paging.limit);
  CollectionPage body;
  body.base_href = fmt::format("http://{}{}", host, kSuiteQlPath);
  body.limit = paging.limit;
  body.offset = paging.offset;
  body.total = page.total;
  body.has_more = paging.offset + page.items.size() < reachable;
  body.last_offset = reachable == 0 ? 0 : (reachable - 1) / paging.limit * paging.limit;
  body.items = &page.items;
  log->debug("suiteql page offset={} limit={} count={} total={}", paging.offset, paging.limit, page.items.size(),
             page.total);
  return SimReply{200, {{"Content-Type", std::string(kJsonContentType)}}, collection_body(body)};
}

NetSuiteApi::NetSuiteApi(NetSuiteOptions options, std::shared_ptr<const SimCatalog> catalog,
                         std::shared_ptr<const Clock> clock)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(catalog), std::move(clock))) {}

NetSuiteApi::~NetSuiteApi() = default;

SimReply NetSuiteApi::handle(const SimRequest& request) {
  try {
    return impl_->route(request);
  } catch (const std::exception& e) {  // a bug or exhaustion: answer as NetSuite would, keep serving
    impl_->log->error("request failed method={} target=\"{}\" error=\"{}\"", request.method,
                      request.target.substr(0, 200), e.what());
    return error_reply(500, "UNEXPECTED_ERROR", "An unexpected error occurred. Error ID: o2c-sim.");
  }
}

SimReply NetSuiteApi::Impl::route(const SimRequest& request) {
  if (const std::string reason = verifier.verify(request); !reason.empty()) {
    log->debug("auth rejected method={} reason=\"{}\"", request.method, reason);
    return error_reply(401, "INVALID_LOGIN", kInvalidLogin);
  }
  const std::string_view target = request.target;
  const auto q = target.find('?');
  const std::string_view path = target.substr(0, q);
  const std::string_view query = q == std::string_view::npos ? std::string_view{} : target.substr(q + 1);
  if (path == kSuiteQlPath) {
    if (request.method == "POST") return suiteql(request, request.host, query);
    SimReply reply = error_reply(405, "INVALID_REQUEST",
                                 fmt::format("The method {} is not allowed on {}; use POST.", request.method, path));
    reply.headers.emplace_back("Allow", "POST");
    return reply;
  }
  return error_reply(404, "NONEXISTENT_ID",
                     fmt::format("The requested resource {} {} does not exist.", request.method, path),
                     {"o:urlPath", path});
}

SimReply NetSuiteApi::fault_reply(std::string_view kind) const {
  if (kind == "429")
    return error_reply(429, "CONCURRENCY_LIMIT_EXCEEDED", "Concurrent request limit exceeded. Request blocked.");
  return SimReply{503,
                  {{"Content-Type", "text/html; charset=UTF-8"}},
                  "<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body><h1>Service "
                  "Unavailable</h1><p>NetSuite is temporarily unavailable for scheduled maintenance. Please try "
                  "again later.</p></body></html>"};
}

int NetSuiteApi::max_concurrency() const { return impl_->options.max_concurrency; }

}  // namespace o2c::sim::netsuite
