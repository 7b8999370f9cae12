#include "sim/oracle/oracle_api.h"

#include <map>
#include <mutex>

#include <fmt/format.h>

#include "core/log.h"
#include "core/text.h"
#include "sim/oracle/oracle_auth.h"
#include "sim/oracle/oracle_collection.h"
#include "sim/oracle/oracle_json.h"
#include "sim/oracle/oracle_params.h"
#include "sim/sim_json.h"

namespace o2c::sim::oracle {

namespace {

using Params = std::vector<std::pair<std::string, std::string>>;

// The REST-Framework-Version header: absent = 1; 1..9, else nullopt.
std::optional<int> framework_version(const SimRequest& request) {
  const std::string& v = request.header("rest-framework-version");
  if (v.empty()) return 1;
  if (v.size() == 1 && v[0] >= '1' && v[0] <= '9') return v[0] - '0';
  return std::nullopt;
}

SimReply json_reply(std::string_view type, std::string body) {
  return SimReply{200, {{"Content-Type", std::string(type)}}, std::move(body)};
}

// Where a request goes: one resource, and what of it.
struct Route {
  const ResourceSpec* spec = nullptr;
  enum class Kind { collection, describe, item, child } kind = Kind::collection;
  std::string key;     // item / child: the parent's key, decoded
  std::string child;   // child: its name
};

std::optional<Route> route_of(std::string_view path, const std::vector<ResourceSpec>& specs) {
  for (const auto& spec : specs) {
    const std::string prefix = spec.root + "/" + spec.name;
    if (!path.starts_with(prefix)) continue;
    std::string_view rest = path.substr(prefix.size());
    if (rest.empty()) return Route{&spec, Route::Kind::collection, {}, {}};
    if (rest.front() != '/') continue;
    rest.remove_prefix(1);
    if (rest == "describe") return Route{&spec, Route::Kind::describe, {}, {}};
    const auto slash = rest.find('/');
    Route route{&spec, Route::Kind::item, percent_decode(rest.substr(0, slash), false), {}};
    if (slash == std::string_view::npos) return route;
    const std::string_view tail = rest.substr(slash + 1);
    if (!tail.starts_with("child/") || tail.size() == 6 || tail.substr(6).find('/') != std::string_view::npos)
      return std::nullopt;
    route.kind = Route::Kind::child;
    route.child = std::string(tail.substr(6));
    return route;
  }
  return std::nullopt;
}

}  // namespace

struct OracleApi::Impl {
  OracleOptions options;
  std::shared_ptr<const SimCatalog> catalog;
  OracleAuth auth;
  CollectionCache cache;
  std::atomic<long> requests{0}, examined{0}, prepared{0};
  std::mutex children_mutex;
  std::map<const SimTable*, std::pair<std::size_t, std::shared_ptr<const ChildIndex>>> child_indexes;
  std::shared_ptr<spdlog::logger> log = o2c::logger("sim.oracle");

  Impl(OracleOptions o, std::shared_ptr<const SimCatalog> c, std::shared_ptr<const Clock> clock)
      : options(std::move(o)),
        catalog(std::move(c)),
        auth(options, clock ? std::move(clock) : std::make_shared<SystemClock>()),
        cache(options.query_cache_entries) {}

  SimReply route(const SimRequest& request);
  SimReply resource_request(const SimRequest& request, const Route& route, std::string_view query, int version);
  SimReply collection(const SimRequest& request, const Resource& r, const Params& params, int version);
  SimReply item(const SimRequest& request, const Resource& r, const Route& route, const Params& params, int version);
  SimReply child_collection(const SimRequest& request, const Resource& r, const Route& route, const Params& params,
                            int version);
  std::shared_ptr<PreparedCollection> prepare(const Resource& r, const CollectionParams& p, int version);
  std::shared_ptr<const ChildIndex> child_index(const BoundChild& child);
  ItemShape shape(const SimRequest& request, const Resource& r, const CollectionParams& p,
                  std::vector<std::shared_ptr<const ChildIndex>>& keep);
};

SimReply OracleApi::Impl::route(const SimRequest& request) {
  ++requests;
  const std::string_view target = request.target;
  const auto question = target.find('?');
  const std::string_view path = target.substr(0, question);
  const std::string_view query = question == std::string_view::npos ? std::string_view{} : target.substr(question + 1);
  if (!options.token_path.empty() && path == options.token_path) return auth.issue_token(request);
  if (auto refused = auth.check(request)) {
    log->debug("auth rejected method={} path={}", request.method, path);
    return std::move(*refused);
  }
  const auto version = framework_version(request);
  if (!version)
    return error_reply(400, 1, fmt::format("The REST-Framework-Version '{}' is not supported; use 1 to 9.",
                                           request.header("rest-framework-version")));
  const auto route = route_of(path, options.resources);
  if (!route) return error_reply(404, *version, fmt::format("The resource {} was not found.", path));
  if (request.method != "GET") {
    SimReply reply = error_reply(405, *version, fmt::format("The method {} is not allowed on {}.", request.method, path));
    reply.headers.emplace_back("Allow", "GET");
    return reply;
  }
  return resource_request(request, *route, query, *version);
}

SimReply OracleApi::Impl::resource_request(const SimRequest& request, const Route& route, std::string_view query,
                                           int version) {
  const auto resource = bind_resource(*route.spec, *catalog);
  if (!resource) return error_reply(404, version, fmt::format("The resource {} was not found.", route.spec->name));
  const Params params = parse_query_string(query, true);
  try {
    switch (route.kind) {
      case Route::Kind::describe: return json_reply(kDescribeType, describe_json(*resource));
      case Route::Kind::item: return item(request, *resource, route, params, version);
      case Route::Kind::child: return child_collection(request, *resource, route, params, version);
      case Route::Kind::collection: break;
    }
    return collection(request, *resource, params, version);
  } catch (const ParamError& e) {
    log->debug("request refused resource={} reason=\"{}\"", route.spec->name, e.what());
    return error_reply(400, version, e.what(), "27023");
  } catch (const FilterError& e) {
    std::string q;
    for (const auto& [k, v] : params)
      if (k == "q") q = v;
    log->debug("q refused resource={} reason=\"{}\" position={}", route.spec->name, e.what(), e.position());
    return error_reply(400, version,
                       fmt::format("URL request parameter q with value '{}' is not valid: {} {}.", q, e.what(),
                                   describe_position(q, e.position())),
                       "27023", "q");
  }
}

std::shared_ptr<PreparedCollection> OracleApi::Impl::prepare(const Resource& r, const CollectionParams& p,
                                                             int version) {
  const std::string key = fmt::format("{}\n{}\n{}\n{}", r.path(), version >= 2 ? 2 : 1, p.q.value_or(""), p.order_text);
  return cache.get(key, r.table.get(), p.offset == 0, [&] {
    std::optional<BoundFilter> filter;
    if (p.q && !trim(*p.q).empty())
      filter = bind_filter(*(version >= 2 ? parse_rowmatch(*p.q) : parse_query_by_example(*p.q)), r);
    ++prepared;
    return std::make_shared<PreparedCollection>(key, r.table, std::move(filter), p.order, examined);
  });
}

std::shared_ptr<const ChildIndex> OracleApi::Impl::child_index(const BoundChild& child) {
  std::lock_guard lock(children_mutex);
  auto& entry = child_indexes[child.table.get()];
  if (!entry.second || entry.first != child.table->size())
    entry = {child.table->size(), std::make_shared<const ChildIndex>(index_children(child))};
  return entry.second;
}

ItemShape OracleApi::Impl::shape(const SimRequest& request, const Resource& r, const CollectionParams& p,
                                 std::vector<std::shared_ptr<const ChildIndex>>& keep) {
  ItemShape s;
  s.resource = &r;
  s.attributes = p.attributes;
  s.only_data = p.only_data;
  s.base_href = "http://" + request.host + r.path();
  for (const auto& c : p.children) {
    keep.push_back(child_index(*c.child));
    s.children.push_back({c.child, c.attributes, keep.back().get()});
  }
  return s;
}

SimReply OracleApi::Impl::collection(const SimRequest& request, const Resource& r, const Params& params,
                                     int version) {
  const CollectionParams p = read_params(params, r, options.default_page_size, options.max_page_size);
  const auto prepared_query = prepare(r, p, version);
  // Pitfall #24: an ignored offset serves the first rows again, the envelope none the wiser.
  const bool ignored = p.offset >= options.ignore_offset_from;
  const auto slice = prepared_query->slice(ignored ? 0 : p.offset, p.limit);
  std::optional<std::size_t> total;
  if (p.total_results || ignored) total = prepared_query->total();
  std::vector<std::shared_ptr<const ChildIndex>> keep;
  const ItemShape item_shape = shape(request, r, p, keep);
  std::vector<std::string> items;
  items.reserve(slice.rows.size());
  for (const std::size_t row : slice.rows) items.push_back(item_json(item_shape, row));
  Envelope e;
  e.items = &items;
  e.has_more = ignored ? p.offset + items.size() < *total : slice.more;
  e.limit = p.limit;
  e.offset = p.offset;
  if (p.total_results) e.total = total;
  e.self_href = "http://" + request.host + request.target;
  e.name = r.spec->name;
  log->debug("collection page resource={} offset={} limit={} count={} total={} ignored_offset={}", r.spec->name,
             p.offset, p.limit, items.size(), total ? static_cast<long>(*total) : -1L, ignored);
  return json_reply(kCollectionType, collection_json(e));
}

SimReply OracleApi::Impl::item(const SimRequest& request, const Resource& r, const Route& route,
                               const Params& params, int version) {
  const CollectionParams p = read_params(params, r, options.default_page_size, options.max_page_size);
  const auto row = r.table->find(route.key);
  if (!row)
    return error_reply(404, version, fmt::format("The {} item with the key {} was not found.", r.spec->name,
                                                 route.key.substr(0, 100)));
  std::vector<std::shared_ptr<const ChildIndex>> keep;
  return json_reply(kItemType, item_json(shape(request, r, p, keep), *row));
}

SimReply OracleApi::Impl::child_collection(const SimRequest& request, const Resource& r, const Route& route,
                                           const Params& params, int version) {
  const BoundChild* child = r.child(route.child);
  if (!child || !r.table->find(route.key))
    return error_reply(404, version, fmt::format("The resource {} was not found.", request.target.substr(0, 200)));
  Params paging;
  for (const auto& [name, value] : params)
    if (name == "limit" || name == "offset" || name == "onlyData" || name == "totalResults")
      paging.emplace_back(name, value);
  const CollectionParams p = read_params(paging, r, options.default_page_size, options.max_page_size);
  const auto index = child_index(*child);
  const auto it = index->find(route.key);
  const std::vector<std::size_t> none;
  const auto& rows = it == index->end() ? none : it->second;
  std::vector<std::string> items;
  for (std::size_t i = p.offset; i < rows.size() && items.size() < p.limit; ++i) {
    std::string item = "{";
    bool first = true;
    for (const auto& a : child->attributes) {
      item += first ? "" : ",";
      first = false;
      append_json_string(item, a.name);
      item += ':';
      append_value(item, child->table->value(rows[i], a.column), a.type);
    }
    items.push_back(item + "}");
  }
  Envelope e;
  e.items = &items;
  e.has_more = p.offset + items.size() < rows.size();
  e.limit = p.limit;
  e.offset = p.offset;
  if (p.total_results) e.total = rows.size();
  e.self_href = "http://" + request.host + request.target;
  e.name = child->spec->name;
  return json_reply(kCollectionType, collection_json(e));
}

OracleApi::OracleApi(OracleOptions options, std::shared_ptr<const SimCatalog> catalog,
                     std::shared_ptr<const Clock> clock)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(catalog), std::move(clock))) {}

OracleApi::~OracleApi() = default;

SimReply OracleApi::handle(const SimRequest& request) {
  try {
    return impl_->route(request);
  } catch (const std::exception& e) {  // a bug or exhaustion: answer as the pod would, keep serving
    impl_->log->error("request failed method={} target=\"{}\" error=\"{}\"", request.method,
                      request.target.substr(0, 200), e.what());
    return error_reply(500, 1, "An unexpected error occurred while processing the request.");
  }
}

SimReply OracleApi::fault_reply(std::string_view kind) const {
  if (kind == "429") {
    SimReply reply = json_error_reply(
        429, fmt::format("The request was throttled: too many requests for this user. Retry after {} seconds.",
                         impl_->options.retry_after_seconds),
        "TOO_MANY_REQUESTS");
    reply.headers.emplace_back("Retry-After", std::to_string(impl_->options.retry_after_seconds));
    return reply;
  }
  return SimReply{503,
                  {{"Content-Type", "text/html; charset=UTF-8"}},
                  "<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body><h1>Service "
                  "Unavailable</h1><p>Oracle Fusion Cloud Applications are unavailable for scheduled maintenance. "
                  "Please try again later.</p></body></html>"};
}

void OracleApi::expire_tokens() { impl_->auth.expire_all(); }

OracleStats OracleApi::stats() const {
  return OracleStats{impl_->requests.load(), impl_->examined.load(), impl_->prepared.load()};
}

}  // namespace o2c::sim::oracle
