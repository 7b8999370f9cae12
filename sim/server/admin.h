// sim/server/admin.h — the /sim/admin/* API answered on every port: health,
// answer key, mutations and the server's counters. The data behind it comes
// in as hooks, so the server stays independent of the dataset.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/server/endpoint_runtime.h"
#include "sim/sim_http.h"

namespace o2c::sim::server {

// The body of POST /sim/admin/mutate (sim/DATA.md "Mutations").
struct MutationRequest {
  std::string action;   // touch | delete | undelete | insert_late
  std::string system;   // salesforce | netsuite
  std::string object;   // "Order", "transaction", ...
  std::string id;       // the record's primary key ("" for insert_late)
};

struct AdminHooks {
  // GET /sim/admin/answer-key[?erp=sap]: the JSON, DATA_INVALID records named as
  // `erp` names them ("" = the simulator's --erp). Throws Error(config) for an unknown ERP.
  std::function<std::string(std::string_view erp)> answer_key;
  // Applies a mutation: returns "" on success, else the error to show the
  // caller; `affected_id` receives the id of the record changed or created.
  std::function<std::string(const MutationRequest&, std::string& affected_id)> mutate;
  // GET /sim/admin/portals: what the portal simulators received (README "Admin API").
  std::function<std::string()> portals;
};

bool is_admin_target(std::string_view target);

// Answers one /sim/admin/* request.
SimReply handle_admin(const SimRequest& request, const AdminHooks& hooks, const std::vector<EndpointStats>& stats,
                      long admin_requests);

// {"admin_requests":N,"endpoints":{"salesforce":{"port":..,"requests":..,"in_flight":..,
//  "max_in_flight":..,"limit_rejections":..,"faults":{"429":..,...},"statuses":{"200":..}}}}
std::string stats_json(const std::vector<EndpointStats>& stats, long admin_requests);

// Parses the mutate body; throws Error(data) naming what is wrong.
MutationRequest parse_mutation(std::string_view json);

}  // namespace o2c::sim::server
