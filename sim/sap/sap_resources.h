// sim/sap/sap_resources.h
// The resources of one OData service once the caller is authenticated: the
// service document, $metadata, an entity set (a page of it), one entity by
// key, a navigation from one entity, and $count. Internal to sap_api.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <string_view>

#include "sim/sap/sap_api.h"
#include "sim/sap/sap_json.h"
#include "sim/sap/sap_paging.h"
#include "sim/sap/sap_services.h"

namespace o2c::sim::sap {

struct ServiceCall {
  const SimRequest* request = nullptr;
  ODataVersion version = ODataVersion::v2;
  const ServiceDef* service = nullptr;
  std::string root_path;          // "/sap/opu/odata/sap/API_BILLING_DOCUMENT_SRV/"
  std::string resource;           // after the root, %-decoded: "", "$metadata", "A_BillingDocument('1')/to_Item"
  std::string_view query_string;  // raw
};

class ServiceResources {
 public:
  ServiceResources(const SapOptions& options, std::shared_ptr<const SimCatalog> catalog)
      : options_(options), catalog_(std::move(catalog)) {}
  // Throws ODataError for what SAP answers with an error body.
  SimReply serve(const ServiceCall& call);

 private:
  struct Target;
  SimReply collection(const ServiceCall& call, const Target& target, const QueryOptions& query);
  SimReply single(const ServiceCall& call, const Target& target, const QueryOptions& query);
  Target locate(const ServiceCall& call, const SetResolver& sets) const;
  std::size_t find_by_key(const ServiceCall& call, const SetResolver& sets, const Target& target,
                          std::string_view predicate, const std::string& segment) const;
  Target navigate(const SetResolver& sets, const Target& from, std::string_view rest) const;
  WriteContext write_context(const ServiceCall& call, const QueryOptions& query);
  std::string next_link(const ServiceCall& call, const QueryOptions& query, const Skiptoken& next) const;

  const SapOptions& options_;
  std::shared_ptr<const SimCatalog> catalog_;
  Pager pager_;
  NavIndex navs_;
  std::atomic<long> collection_requests_{0};
};

}  // namespace o2c::sim::sap
