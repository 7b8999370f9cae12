#include "sim/netsuite/suiteql_eval.h"

#include "core/text.h"
#include "sim/netsuite/suiteql_binder.h"

namespace o2c::sim::netsuite {

namespace {

Tri to_tri(bool b) { return b ? Tri::yes : Tri::no; }

Tri apply(CompareOp op, std::optional<int> c) {
  if (!c) return Tri::unknown;
  switch (op) {
    case CompareOp::eq: return to_tri(*c == 0);
    case CompareOp::ne: return to_tri(*c != 0);
    case CompareOp::lt: return to_tri(*c < 0);
    case CompareOp::le: return to_tri(*c <= 0);
    case CompareOp::gt: return to_tri(*c > 0);
    case CompareOp::ge: return to_tri(*c >= 0);
  }
  return Tri::unknown;
}

Val eval_column(const Expr& e, const RowView& row) {
  const std::size_t pos = row.positions[e.slot];
  if (pos == kNoRow) return Val::null();
  return from_sim(row.slots[static_cast<std::size_t>(e.slot)].table->value(pos, e.column), e.column_type, row.zone);
}

Val eval_function(const Expr& e, const RowView& row) {
  if (e.name == "NVL" || e.name == "COALESCE") {
    for (const auto& a : e.args)
      if (Val v = eval_value(*a, row); !v.is_null()) return v;
    return Val::null();
  }
  Val v = eval_value(*e.args.at(0), row);
  if (v.is_null()) return v;
  if (e.name == "TO_CHAR") {
    if (e.format && v.is_temporal()) return Val::string(format_datetime(row.zone.to_wall(v.time), *e.format));
    return Val::string(as_text(v, row.zone));
  }
  if (e.name == "TO_DATE") {
    try {
      return Val::datetime(row.zone.to_instant(parse_datetime(as_text(v, row.zone), *e.format)));
    } catch (const DateFormatError&) {
      return Val::null();
    }
  }
  if (e.name == "UPPER") return Val::string(to_upper_ascii(as_text(v, row.zone)));
  if (e.name == "LOWER") return Val::string(to_lower_ascii(as_text(v, row.zone)));
  return Val::null();  // the binder admits no other function
}

Tri eval_in(const Expr& e, const RowView& row) {
  const Val v = eval_value(*e.args[0], row);
  if (v.is_null()) return Tri::unknown;
  bool saw_null = false;
  for (std::size_t i = 1; i < e.args.size(); ++i) {
    const Val item = eval_value(*e.args[i], row);
    if (item.is_null()) saw_null = true;
    else if (compare_values(v, item) == 0) return to_tri(!e.negated);
  }
  if (saw_null) return Tri::unknown;
  return to_tri(e.negated);
}

Tri eval_between(const Expr& e, const RowView& row) {
  const Val v = eval_value(*e.args[0], row);
  const Tri inside = tri_and(apply(CompareOp::ge, compare_values(v, eval_value(*e.args[1], row))),
                             apply(CompareOp::le, compare_values(v, eval_value(*e.args[2], row))));
  return e.negated ? tri_not(inside) : inside;
}

}  // namespace

Val eval_value(const Expr& e, const RowView& row) {
  if (e.constant) return *e.constant;
  switch (e.kind) {
    case ExprKind::column: return eval_column(e, row);
    case ExprKind::function: return eval_function(e, row);
    case ExprKind::number: return Val::number(e.name);
    case ExprKind::string: return Val::string(e.name);
    default: return Val::null();
  }
}

Tri eval_condition(const Expr& e, const RowView& row) {
  switch (e.kind) {
    case ExprKind::compare:
      return apply(e.op, compare_values(eval_value(*e.args[0], row), eval_value(*e.args[1], row)));
    case ExprKind::and_: {
      const Tri a = eval_condition(*e.args[0], row);
      return a == Tri::no ? a : tri_and(a, eval_condition(*e.args[1], row));
    }
    case ExprKind::or_: {
      const Tri a = eval_condition(*e.args[0], row);
      return a == Tri::yes ? a : tri_or(a, eval_condition(*e.args[1], row));
    }
    case ExprKind::not_: return tri_not(eval_condition(*e.args[0], row));
    case ExprKind::in_list: return eval_in(e, row);
    case ExprKind::is_null: return to_tri(eval_value(*e.args[0], row).is_null() != e.negated);
    case ExprKind::like: {
      const Val v = eval_value(*e.args[0], row);
      const Val p = eval_value(*e.args[1], row);
      if (v.is_null() || p.is_null()) return Tri::unknown;
      return to_tri(like_match(as_text(v, row.zone), as_text(p, row.zone)) != e.negated);
    }
    case ExprKind::between: return eval_between(e, row);
    default: return Tri::unknown;
  }
}

}  // namespace o2c::sim::netsuite
