#include "sim/portals/portal_ledger.h"

#include <array>

#include <boost/json.hpp>

namespace o2c::sim::portals {

namespace json = boost::json;

namespace {

struct Totals {
  long documents = 0, deliveries = 0, refused_duplicates = 0, duplicate_deliveries = 0, resends = 0, rejected = 0;
  void add(const DocumentRecord& r) {
    ++documents;
    deliveries += r.deliveries;
    refused_duplicates += r.refused_duplicates;
    duplicate_deliveries += r.duplicate_deliveries;
    resends += r.resends;
    rejected += r.reason.empty() ? 0 : 1;
  }
  void add(const Totals& t) {
    documents += t.documents;
    deliveries += t.deliveries;
    refused_duplicates += t.refused_duplicates;
    duplicate_deliveries += t.duplicate_deliveries;
    resends += t.resends;
    rejected += t.rejected;
  }
  json::object to_json() const {
    return {{"documents", documents},       {"deliveries", deliveries},
            {"refused_duplicates", refused_duplicates}, {"duplicate_deliveries", duplicate_deliveries},
            {"resends", resends},           {"rejected", rejected}};
  }
};

}  // namespace

DocumentRecord& PortalLedger::at(PortalKind portal, std::string_view number) {
  return portals_[std::string(portal_name(portal))][std::string(number)];
}

void PortalLedger::delivered(PortalKind portal, std::string_view number, std::string_view status) {
  std::lock_guard lock(mutex_);
  DocumentRecord& r = at(portal, number);
  if (++r.deliveries > 1) ++r.duplicate_deliveries;
  r.status = status;
  r.reason.clear();
}

void PortalLedger::refused_duplicate(PortalKind portal, std::string_view number) {
  std::lock_guard lock(mutex_);
  ++at(portal, number).refused_duplicates;
}

void PortalLedger::resent(PortalKind portal, std::string_view number) {
  std::lock_guard lock(mutex_);
  ++at(portal, number).resends;
}

void PortalLedger::set_status(PortalKind portal, std::string_view number, std::string_view status,
                              std::string_view reason) {
  std::lock_guard lock(mutex_);
  DocumentRecord& r = at(portal, number);
  r.status = status;
  r.reason = reason;
}

DocumentRecord PortalLedger::record(PortalKind portal, std::string_view number) const {
  std::lock_guard lock(mutex_);
  const auto p = portals_.find(std::string(portal_name(portal)));
  if (p == portals_.end()) return {};
  const auto d = p->second.find(std::string(number));
  return d == p->second.end() ? DocumentRecord{} : d->second;
}

std::string PortalLedger::json() const {
  std::lock_guard lock(mutex_);
  json::object portals;
  Totals all;
  for (PortalKind kind : {PortalKind::coupa, PortalKind::ariba, PortalKind::chorus, PortalKind::peppol}) {
    const std::string name(portal_name(kind));
    json::object documents;
    Totals totals;
    if (const auto p = portals_.find(name); p != portals_.end()) {
      for (const auto& [number, r] : p->second) {
        documents[number] = json::object{{"deliveries", r.deliveries},
                                         {"refused_duplicates", r.refused_duplicates},
                                         {"duplicate_deliveries", r.duplicate_deliveries},
                                         {"resends", r.resends},
                                         {"status", r.status},
                                         {"reason", r.reason}};
        totals.add(r);
      }
    }
    all.add(totals);
    portals[name] = json::object{{"documents", std::move(documents)}, {"totals", totals.to_json()}};
  }
  return json::serialize(json::object{{"portals", std::move(portals)}, {"totals", all.to_json()}});
}

}  // namespace o2c::sim::portals
