#include "sim/netsuite/suiteql_binder.h"

#include <fmt/format.h>

#include "core/text.h"
#include "sim/netsuite/suiteql_bind_expr.h"
#include "sim/netsuite/suiteql_error.h"
#include "sim/netsuite/suiteql_lexer.h"

namespace o2c::sim::netsuite {

namespace {

void split_conjuncts(const Expr& e, std::vector<const Expr*>& out) {
  if (e.kind == ExprKind::and_) {
    split_conjuncts(*e.args[0], out);
    split_conjuncts(*e.args[1], out);
  } else {
    out.push_back(&e);
  }
}

Slot resolve_table(const TableRef& ref, const SimCatalog& catalog, const std::vector<Slot>& earlier) {
  Slot slot;
  slot.table = find_table(catalog, ref.name);
  if (!slot.table) throw QueryError(fmt::format("unknown table '{}'", ref.name), ref.position);
  slot.alias = ref.alias.empty() ? ref.name : ref.alias;
  for (const auto& s : earlier)
    if (iequals(s.alias, slot.alias))
      throw QueryError(fmt::format("table alias '{}' is used twice", slot.alias), ref.position);
  return slot;
}

bool is_column_of(const Expr& e, int slot) { return e.kind == ExprKind::column && e.slot == slot; }

// ON must equate a column of the joined table with a value from earlier
// tables; that equality drives the lookup, the rest filters.
void plan_join(Slot& slot, int index, const Expr& on) {
  std::vector<const Expr*> conjuncts;
  split_conjuncts(on, conjuncts);
  for (const Expr* c : conjuncts) {
    if (!slot.outer_key && c->kind == ExprKind::compare && c->op == CompareOp::eq) {
      for (int side = 0; side < 2; ++side) {
        const Expr& inner = *c->args[side];
        const Expr& outer = *c->args[1 - side];
        if (is_column_of(inner, index) && outer.depth >= 0 && outer.depth < index) {
          slot.outer_key = &outer;
          slot.inner_column = inner.column;
          slot.by_primary_key = inner.column == 0;
          break;
        }
      }
      if (slot.outer_key) continue;
    }
    slot.on_filters.push_back(c);
  }
  if (!slot.outer_key)
    throw QueryError(fmt::format("the ON condition of '{}' must equate one of its columns with a column of an "
                                 "earlier table (e.g. {}.id = t.entity)", slot.alias, slot.alias),
                     on.position);
}

std::string output_key(const SelectItem& item, std::size_t& unnamed) {
  if (!item.alias.empty()) return to_lower_ascii(item.alias);
  if (item.expr->kind == ExprKind::column) return to_lower_ascii(item.expr->name);
  return fmt::format("expr{}", ++unnamed);
}

CompareOp mirrored(CompareOp op) {
  switch (op) {
    case CompareOp::lt: return CompareOp::gt;
    case CompareOp::le: return CompareOp::ge;
    case CompareOp::gt: return CompareOp::lt;
    case CompareOp::ge: return CompareOp::le;
    default: return op;
  }
}

bool natural_column(const BoundQuery& q, const Expr& e) {
  return is_column_of(e, 0) && q.slots[0].table->naturally_ordered_by(q.slots[0].table->columns()[e.column].name);
}

void plan_seek(BoundQuery& q) {
  for (const Expr* c : q.slots[0].where_filters) {
    if (c->kind == ExprKind::compare && c->op != CompareOp::ne) {
      for (int side = 0; side < 2; ++side) {
        const Expr& col = *c->args[side];
        const Expr& other = *c->args[1 - side];
        if (natural_column(q, col) && other.constant && !other.constant->is_null()) {
          q.seek.push_back({col.column, side == 0 ? c->op : mirrored(c->op), *other.constant});
          break;
        }
      }
    } else if (c->kind == ExprKind::between && !c->negated && natural_column(q, *c->args[0]) &&
               c->args[1]->constant && c->args[2]->constant) {
      q.seek.push_back({c->args[0]->column, CompareOp::ge, *c->args[1]->constant});
      q.seek.push_back({c->args[0]->column, CompareOp::le, *c->args[2]->constant});
    }
  }
}

// Position order is the requested order when the first key is a naturally
// ordered driving column, ascending, and any second key is the primary key
// (the tie-break natural order already has).
bool plan_natural_order(const BoundQuery& q) {
  if (q.order.empty()) return true;
  const OrderKey& first = q.order[0];
  if (first.descending || !natural_column(q, *first.expr)) return false;
  if (q.order.size() == 1) return true;
  const OrderKey& second = q.order[1];
  const bool second_is_pk = !second.descending && is_column_of(*second.expr, 0) && second.expr->column == 0;
  bool fans_out = false;
  for (std::size_t i = 1; i < q.slots.size(); ++i) fans_out = fans_out || !q.slots[i].by_primary_key;
  if (first.expr->column == 0 && !fans_out) return true;
  return q.order.size() == 2 && second_is_pk;
}

void bind_order(BoundQuery& q, ExprBinder& binder) {
  for (auto& item : q.ast.order_by) {
    Expr& e = *item.expr;
    const Expr* target = nullptr;
    if (e.kind == ExprKind::number && e.name.find('.') == std::string::npos && e.name[0] != '-') {
      const std::size_t n = e.name.size() > 6 ? 0 : std::stoul(e.name);
      if (n < 1 || n > q.outputs.size())
        throw QueryError(fmt::format("ORDER BY position {} is not in the select list (1 to {})", e.name,
                                     q.outputs.size()), e.position);
      target = q.outputs[n - 1].expr;
    } else if (e.kind == ExprKind::column && e.qualifier.empty()) {
      for (const auto& out : q.outputs)
        if (iequals(out.key, e.name)) target = out.expr;
    }
    if (!target) {
      binder.bind(e, q.slots.size());
      ExprBinder::require_value(e);
      target = &e;
    }
    q.order.push_back({target, item.descending});
  }
}

}  // namespace

SimTablePtr find_table(const SimCatalog& catalog, const std::string& name) {
  auto table = catalog.table(name);
  return table ? table : catalog.table(to_lower_ascii(name));
}

BoundQuery bind_query(SelectQuery ast, const SimCatalog& catalog, const AccountZone& zone) {
  BoundQuery q;
  q.ast = std::move(ast);
  q.zone = zone;
  q.slots.push_back(resolve_table(q.ast.from, catalog, q.slots));
  for (const auto& j : q.ast.joins) {
    q.slots.push_back(resolve_table(j.table, catalog, q.slots));
    q.slots.back().kind = j.kind;
  }
  ExprBinder binder(q.slots, q.zone);
  for (std::size_t i = 0; i < q.ast.joins.size(); ++i) {
    Expr& on = *q.ast.joins[i].on;
    binder.bind(on, i + 2);
    ExprBinder::require_condition(on);
    plan_join(q.slots[i + 1], static_cast<int>(i + 1), on);
  }
  if (q.ast.where) {
    binder.bind(*q.ast.where, q.slots.size());
    ExprBinder::require_condition(*q.ast.where);
    std::vector<const Expr*> conjuncts;
    split_conjuncts(*q.ast.where, conjuncts);
    for (const Expr* c : conjuncts) q.slots[static_cast<std::size_t>(std::max(c->depth, 0))].where_filters.push_back(c);
  }
  std::size_t unnamed = 0;
  for (auto& item : q.ast.select) {
    binder.bind(*item.expr, q.slots.size());
    ExprBinder::require_value(*item.expr);
    std::string key = output_key(item, unnamed);
    for (const auto& out : q.outputs)
      if (out.key == key)
        throw QueryError(fmt::format("the select list names '{}' twice; give each column its own alias", key),
                         item.expr->position);
    q.outputs.push_back({std::move(key), item.expr.get()});
  }
  bind_order(q, binder);
  q.natural_order = plan_natural_order(q);
  plan_seek(q);
  return q;
}

}  // namespace o2c::sim::netsuite
