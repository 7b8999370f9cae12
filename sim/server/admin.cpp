#include "sim/server/admin.h"

#include <algorithm>
#include <array>
#include <exception>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"

namespace o2c::sim::server {

namespace json = boost::json;

namespace {

constexpr std::string_view kPrefix = "/sim/admin";

struct AdminRoute {
  std::string_view path;
  std::string_view method;
};
constexpr std::array<AdminRoute, 5> kRoutes{{{"/sim/admin/health", "GET"},
                                             {"/sim/admin/answer-key", "GET"},
                                             {"/sim/admin/stats", "GET"},
                                             {"/sim/admin/mutate", "POST"},
                                             {"/sim/admin/portals", "GET"}}};

SimReply json_reply(int status, std::string body) {
  return SimReply{status, {{"Content-Type", "application/json"}}, std::move(body)};
}

SimReply error_reply(int status, const std::string& message) {
  return json_reply(status, json::serialize(json::object{{"ok", false}, {"error", message}}));
}

std::string_view path_of(std::string_view target) { return target.substr(0, target.find('?')); }

SimReply unknown_route(std::string_view path) {
  std::vector<std::string> paths;
  for (const auto& r : kRoutes) paths.emplace_back(r.path);
  return error_reply(404, fmt::format("unknown admin endpoint '{}'{} (endpoints: {})", path,
                                      suggestion_suffix(path, paths), fmt::join(paths, ", ")));
}

std::string string_member(const json::object& o, std::string_view key, bool required) {
  const json::value* v = o.if_contains(key);
  if (!v) {
    if (required) fail(Error::Kind::data, "mutation lacks \"{}\"", key);
    return {};
  }
  if (!v->is_string()) fail(Error::Kind::data, "mutation \"{}\" must be a string", key);
  return std::string(v->get_string());
}

SimReply mutate(const SimRequest& request, const AdminHooks& hooks) {
  if (!hooks.mutate) return error_reply(404, "this simulator has no data to mutate");
  MutationRequest m;
  try {
    m = parse_mutation(request.body);
  } catch (const Error& e) {
    return error_reply(400, e.what());
  }
  std::string affected_id = m.id;
  const std::string problem = hooks.mutate(m, affected_id);
  if (!problem.empty()) return error_reply(400, problem);
  return json_reply(200, json::serialize(json::object{{"ok", true}, {"id", affected_id}}));
}

SimReply route(std::string_view path, const SimRequest& request, const AdminHooks& hooks,
               const std::vector<EndpointStats>& stats, long admin_requests) {
  if (path == "/sim/admin/health") return json_reply(200, R"({"ok":true})");
  if (path == "/sim/admin/stats") return json_reply(200, stats_json(stats, admin_requests));
  if (path == "/sim/admin/portals") {
    if (!hooks.portals) return error_reply(404, "this simulator serves no portals");
    return json_reply(200, hooks.portals());
  }
  if (path == "/sim/admin/answer-key") {
    if (!hooks.answer_key) return error_reply(404, "this simulator has no answer key");
    std::string erp;
    const std::size_t q = request.target.find('?');
    if (q != std::string::npos)
      for (const auto& [key, value] : parse_query_string(std::string_view(request.target).substr(q + 1)))
        if (key == "erp") erp = value;
    try {
      return json_reply(200, hooks.answer_key(erp));
    } catch (const Error& e) {
      return error_reply(400, e.what());
    }
  }
  return mutate(request, hooks);
}

}  // namespace

bool is_admin_target(std::string_view target) {
  const std::string_view path = path_of(target);
  return path == kPrefix || (path.starts_with(kPrefix) && path[kPrefix.size()] == '/');
}

MutationRequest parse_mutation(std::string_view body) {
  json::error_code ec;
  const json::value doc = json::parse(body, ec);
  if (ec) fail(Error::Kind::data, "mutation body is not JSON: {}", ec.message());
  if (!doc.is_object()) fail(Error::Kind::data, "mutation body must be a JSON object");
  const json::object& o = doc.get_object();
  static constexpr std::array<std::string_view, 4> kKeys{"action", "system", "object", "id"};
  for (const auto& member : o) {
    if (std::find(kKeys.begin(), kKeys.end(), member.key()) == kKeys.end())
      fail(Error::Kind::data, "mutation has unknown key \"{}\"{}", std::string_view(member.key()),
           suggestion_suffix(member.key(), std::vector<std::string>(kKeys.begin(), kKeys.end())));
  }
  return MutationRequest{string_member(o, "action", true), string_member(o, "system", true),
                         string_member(o, "object", true), string_member(o, "id", false)};
}

SimReply handle_admin(const SimRequest& request, const AdminHooks& hooks, const std::vector<EndpointStats>& stats,
                      long admin_requests) {
  const std::string_view path = path_of(request.target);
  const auto it = std::find_if(kRoutes.begin(), kRoutes.end(), [&](const AdminRoute& r) { return r.path == path; });
  if (it == kRoutes.end()) return unknown_route(path);
  if (request.method != it->method) {
    SimReply reply = error_reply(405, fmt::format("{} takes {}, not {}", path, it->method, request.method));
    reply.headers.emplace_back("Allow", std::string(it->method));
    return reply;
  }
  try {
    return route(path, request, hooks, stats, admin_requests);
  } catch (const std::exception& e) {
    return error_reply(500, fmt::format("{} failed: {}", path, e.what()));
  }
}

std::string stats_json(const std::vector<EndpointStats>& stats, long admin_requests) {
  json::object endpoints;
  for (const EndpointStats& s : stats) {
    json::object faults;
    for (FaultKind k : kAllFaultKinds) faults[fault_name(k)] = s.faults[static_cast<std::size_t>(k)];
    json::object statuses;
    for (const auto& [status, count] : s.statuses) statuses[std::to_string(status)] = count;
    endpoints[s.name] = json::object{{"port", static_cast<int>(s.port)},
                                     {"requests", s.requests},
                                     {"in_flight", s.in_flight},
                                     {"max_in_flight", s.max_in_flight},
                                     {"limit_rejections", s.limit_rejections},
                                     {"faults", std::move(faults)},
                                     {"statuses", std::move(statuses)}};
  }
  return json::serialize(json::object{{"admin_requests", admin_requests}, {"endpoints", std::move(endpoints)}});
}

}  // namespace o2c::sim::server
