// daemon/push/routing.cpp — the routing table, by ERP customer id.
#include "daemon/push/push.h"

namespace o2c::push {

RoutingTable::RoutingTable(std::vector<portals::Route> routes) : routes_(std::move(routes)) {
  for (std::size_t i = 0; i < routes_.size(); ++i) by_customer_.emplace(routes_[i].customer_id, i);
}

const portals::Route* RoutingTable::find(std::string_view customer_id) const {
  const auto it = by_customer_.find(std::string(customer_id));
  return it == by_customer_.end() ? nullptr : &routes_[it->second];
}

}  // namespace o2c::push
