// sim/sap/sap_query.h
// The system query options of one request ($filter, $select, $expand,
// $orderby, $top, $skip, $skiptoken, $inlinecount / $count, $format) read
// from the raw query string, and the plan they give over an entity set's
// table: properties resolved to columns, literals type-checked against the
// EDM types, the navigation properties to expand, and the access path —
// whether $orderby is the table's natural order (stream, never sort) and the
// position range a seek on naturally ordered columns narrows the scan to.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/sap/odata_filter.h"
#include "sim/sap/sap_services.h"
#include "sim/sim_table.h"

namespace o2c::sim::sap {

struct QueryOptions {
  std::string filter_text;
  std::optional<FilterNode> filter;
  std::vector<std::string> select;          // as written: "BillingDocument", "to_Item", "to_Item/NetAmount", "*"
  std::vector<std::string> expand;          // navigation properties
  std::string orderby_text;
  std::vector<OrderKey> orderby;
  std::optional<std::size_t> top;
  std::size_t skip = 0;
  std::optional<std::string> skiptoken;
  bool count = false;                       // $inlinecount=allpages (V2) / $count=true (V4)
  std::string format;                       // $format value, "" when absent
  // Every option except $skiptoken, decoded, in request order (what a next link repeats).
  std::vector<std::pair<std::string, std::string>> carried;
};

// Reads the raw (still %-encoded; '+' is a space) query string. Unknown
// system query options ($...) and malformed values throw ODataError(400).
QueryOptions parse_options(std::string_view query_string, ODataVersion version);

struct BoundFilter {
  FilterNode::Kind kind = FilterNode::Kind::compare;
  std::vector<BoundFilter> children;
  std::size_t column = 0;
  SimType type = SimType::text;
  CompareOp op = CompareOp::eq;
  Literal literal;
};

struct SortKey {
  std::size_t column = 0;
  SimType type = SimType::text;
  bool descending = false;
};

struct RowRange {
  std::size_t begin = 0, end = 0;
  std::size_t size() const { return end > begin ? end - begin : 0; }
};

struct ExpandPlan {
  const Navigation* navigation = nullptr;
  const EntitySetDef* set = nullptr;        // the target entity set
  SimTablePtr table;
  std::size_t from_column = 0, to_column = 0;
  std::vector<std::size_t> columns;         // target properties written
};

struct QueryPlan {
  SimTablePtr table;
  const EntitySetDef* set = nullptr;
  std::vector<std::size_t> columns;         // properties written, in the entity type's order
  std::vector<const Navigation*> deferred;  // V2: navigation properties written as __deferred
  std::vector<ExpandPlan> expands;
  std::optional<BoundFilter> filter;        // $filter AND the navigation restriction
  std::vector<SortKey> order;
  bool natural_order = false;               // position order satisfies $orderby
  RowRange seek;                            // every matching row lies in [begin, end)
  bool seek_exact = false;                  // ...and every row there matches
  std::optional<BoundFilter> residual;      // the conjuncts the seek does not cover (rows in the range must match them)
  std::string residual_identity;            // residual as text: "c3 eq 'F2'", for count caching
  std::optional<std::size_t> top;
  std::size_t skip = 0;
  bool count = false;
  std::string identity;                     // what a $skiptoken is bound to (set, filter, order, top, skip)
};

// Where the tables of a service come from.
struct SetResolver {
  const ServiceDef* service = nullptr;
  const SimCatalog* catalog = nullptr;
  // The set and its table; nullptr table when the catalog lacks it.
  std::pair<const EntitySetDef*, SimTablePtr> resolve(std::string_view set_name) const;
};

// Throws ODataError(400) for an unknown property or navigation, a literal of
// the wrong type, a $skip/$top out of range. `restriction` (a navigation from
// one entity: to_column eq value) is ANDed to the filter.
QueryPlan plan_query(const SetResolver& sets, const EntitySetDef& set, SimTablePtr table, const QueryOptions& options,
                     ODataVersion version, std::optional<BoundFilter> restriction = std::nullopt);

// A comparison `column eq value` (for navigations and key lookups).
BoundFilter equals_filter(const SimTable& table, std::size_t column, const SimValue& value);

}  // namespace o2c::sim::sap
