// sim/netsuite/suiteql_binder.h
// Resolves a parsed query against the catalog: tables and aliases, columns
// (qualified or unambiguous), function signatures, operand types (a date is
// never compared with text, a number never with non-numeric text), date
// formats; folds constant expressions (TO_DATE('…','…')). It also plans the
// execution: how each JOIN finds its rows (primary key or hash lookup), at
// which join depth each WHERE conjunct can be decided, whether ORDER BY is
// the driving table's natural order, and which conjuncts bound a seek.
#pragma once

#include <vector>

#include "sim/netsuite/suiteql_ast.h"
#include "sim/netsuite/suiteql_zone.h"
#include "sim/sim_table.h"

namespace o2c::sim::netsuite {

// One table of the FROM clause; slot 0 drives the iteration.
struct Slot {
  SimTablePtr table;
  std::string alias;                       // alias as written, else the table name
  JoinKind kind = JoinKind::inner;
  const Expr* outer_key = nullptr;         // joins: value from earlier slots to look up
  std::size_t inner_column = 0;            // joins: column of this table it must equal
  bool by_primary_key = false;             // inner_column is the primary key: SimTable::find
  std::vector<const Expr*> on_filters;     // the other ON conjuncts
  std::vector<const Expr*> where_filters;  // WHERE conjuncts decidable once this slot is bound
};

struct OutputColumn {
  std::string key;  // lower-cased alias or column name
  const Expr* expr;
};

struct OrderKey {
  const Expr* expr;
  bool descending;
};

// `driving column <op> value`, from a top-level WHERE conjunct.
struct SeekBound {
  std::size_t column;
  CompareOp op;
  Val value;
};

struct BoundQuery {
  SelectQuery ast;  // owns every Expr the pointers below point to
  AccountZone zone;  // the account's time zone, for every evaluation
  std::vector<Slot> slots;
  std::vector<OutputColumn> outputs;
  std::vector<OrderKey> order;
  bool natural_order = false;   // rows come out in driving-table position order
  std::vector<SeekBound> seek;  // only on naturally ordered driving columns
};

// The table named `name` (as written, else lower-cased), or nullptr.
SimTablePtr find_table(const SimCatalog& catalog, const std::string& name);

// Throws QueryError (unknown table/column/function, type mismatch, ...).
// Constants (TO_DATE('…','…')) are folded in `zone`.
BoundQuery bind_query(SelectQuery ast, const SimCatalog& catalog, const AccountZone& zone);

}  // namespace o2c::sim::netsuite
