// sim/sap/sap_json.h
// Entities and collections as SAP writes them, straight into the reply body
// (pages of thousands of entities; bytes that are not UTF-8 pass through as
// the data holds them). V2: {"d":{"__count":"N","results":[..],"__next":".."}}
// with __metadata and __deferred navigation properties; V4:
// {"@odata.context":..,"@odata.count":N,"value":[..],"@odata.nextLink":".."}.
// Expanded navigation properties are looked up through NavIndex.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "sim/sap/sap_query.h"
#include "sim/sap/sap_values.h"

namespace o2c::sim::sap {

// Rows of a target table whose navigation column equals a value: a binary
// search when the table is naturally ordered by it, else an index built once
// per table (and size). Thread-safe.
class NavIndex {
 public:
  std::vector<std::size_t> related(const ExpandPlan& expand, const SimValue& key);

 private:
  using Index = std::vector<std::pair<std::string, std::uint32_t>>;   // (key text, row), sorted by ALPHA order
  std::shared_ptr<const Index> index_of(const SimTable& table, std::size_t column);
  std::mutex mutex_;
  std::map<std::pair<const SimTable*, std::size_t>, std::pair<std::size_t, std::shared_ptr<const Index>>> indexes_;
};

struct WriteContext {
  ODataVersion version = ODataVersion::v2;
  JsonStyle style;
  std::string service_root;       // absolute, ending in '/': "http://host:port/sap/opu/odata/sap/API_.._SRV/"
  std::string schema_namespace;   // "API_BILLING_DOCUMENT_SRV"
  NavIndex* navs = nullptr;
};

// "A_BillingDocument('100001')" / "A_BillingDocumentItem(BillingDocument='100001',BillingDocumentItem='10')".
std::string entity_path(const EntitySetDef& set, const SimTable& table, std::size_t row);

void append_entity(std::string& out, const WriteContext& ctx, const QueryPlan& plan, std::size_t row);

struct CollectionOut {
  const QueryPlan* plan = nullptr;
  const std::vector<std::size_t>* rows = nullptr;
  std::optional<std::size_t> total;
  std::string next_link;          // "" = none
};
std::string collection_body(const WriteContext& ctx, const CollectionOut& page);
// A single entity: V2 {"d":{...}}, V4 {"@odata.context":"$metadata#Set/$entity",...}.
std::string entity_body(const WriteContext& ctx, const QueryPlan& plan, std::size_t row);

}  // namespace o2c::sim::sap
