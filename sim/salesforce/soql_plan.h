// sim/salesforce/soql_plan.h
// A parsed query bound to the catalog: field paths resolved to columns
// (following reference columns for relationship paths such as Account.Name),
// literals type-checked against the columns, the SELECT list as an output
// tree, and the access path: whether ORDER BY is the table's natural order
// (stream rows in position order, no sort) and the position range a seek on
// naturally ordered columns narrows the scan to.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/salesforce/soql_ast.h"
#include "sim/sim_table.h"

namespace o2c::sim::salesforce::soql {

struct Hop {
  std::size_t reference_column = 0;  // in the table reached so far
  SimTablePtr target;                // table the reference points to
};

struct ColumnRef {
  std::vector<Hop> hops;  // relationships followed from the FROM row
  SimTablePtr table;      // table that holds `column`
  std::size_t column = 0;
  const SimColumn& descriptor() const { return table->columns()[column]; }
};

struct BoundCondition {
  Condition::Kind kind = Condition::Kind::predicate;
  std::vector<BoundCondition> children;
  ColumnRef field;
  CompareOp op = CompareOp::eq;
  std::vector<Literal> values;
};

struct SelectNode {
  std::string key;                   // output key: canonical column or relationship name
  std::size_t column = 0;            // leaf: the column; relationship: its reference column
  SimTablePtr target;                // relationship only
  std::vector<SelectNode> children;  // relationship only, in SELECT order
  bool is_relationship() const { return target != nullptr; }
};

struct SortKey {
  ColumnRef field;
  bool descending = false;
  bool nulls_first = true;
};

struct RowRange {
  std::size_t begin = 0, end = 0;
  std::size_t size() const { return end > begin ? end - begin : 0; }
};

struct QueryPlan {
  SimTablePtr table;
  bool count_only = false;
  std::vector<SelectNode> select;
  std::optional<BoundCondition> where;
  std::optional<std::size_t> deleted_column;  // skip rows with IsDeleted = true (query, not queryAll)
  std::vector<SortKey> order;
  bool natural_order = false;  // position order satisfies ORDER BY: stream, never sort
  RowRange seek;               // every matching row lies in [begin, end)
  bool seek_exact = false;     // ...and every row there matches
  std::optional<std::size_t> limit;
  std::size_t offset = 0;
};

// "AccountId" → "Account", "Billing_Contact__c" → "Billing_Contact__r"; "" when not a reference.
std::string relationship_name(const SimColumn& column);
// Salesforce's describe type name: "id", "reference", "boolean", "double", "string", "date", "datetime".
const char* describe_type(SimType type);

// Throws ApiError INVALID_TYPE / INVALID_FIELD / INVALID_QUERY_FILTER_OPERATOR naming what and where.
std::shared_ptr<const QueryPlan> plan_query(const Query& query, const SimCatalog& catalog, bool include_deleted);

// Value of `ref` for row `row` of the FROM table (null when a reference on the way is null or dangling).
SimValue read_value(const SimTable& from, std::size_t row, const ColumnRef& ref);

// Fills plan.seek / plan.seek_exact from the top-level AND conjuncts (soql_seek.cpp).
void compute_seek(QueryPlan& plan);

}  // namespace o2c::sim::salesforce::soql
