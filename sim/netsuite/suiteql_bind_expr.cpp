#include "sim/netsuite/suiteql_bind_expr.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/text.h"
#include "sim/netsuite/suiteql_error.h"
#include "sim/netsuite/suiteql_eval.h"
#include "sim/netsuite/suiteql_lexer.h"

namespace o2c::sim::netsuite {

namespace {

const std::vector<std::string> kFunctions = {"TO_CHAR", "TO_DATE", "NVL", "COALESCE", "UPPER", "LOWER"};

ValueType type_of_column(SimType t) {
  switch (t) {
    case SimType::boolean: return ValueType::boolean;
    case SimType::decimal: return ValueType::number;
    case SimType::text: return ValueType::text;
    case SimType::date: return ValueType::date;
    case SimType::datetime: return ValueType::time;
    case SimType::id:
    case SimType::reference: return ValueType::key;
  }
  return ValueType::unknown;
}

const char* type_name(ValueType t) {
  switch (t) {
    case ValueType::boolean: return "a boolean";
    case ValueType::number: return "a number";
    case ValueType::text: return "text";
    case ValueType::date: return "a date";
    case ValueType::time: return "a datetime";
    default: return "a value";
  }
}

bool temporal(ValueType t) { return t == ValueType::date || t == ValueType::time; }
bool flexible(ValueType t) { return t == ValueType::key || t == ValueType::null || t == ValueType::unknown; }

// Throws when comparing `a` with `b` can never be meaningful (Oracle would
// raise "inconsistent datatypes" or "invalid number").
void check_comparable(const Expr& a, const Expr& b) {
  const ValueType ta = a.type, tb = b.type;
  if (ta == ValueType::null || tb == ValueType::null) return;
  if (temporal(ta) || temporal(tb)) {
    if (temporal(ta) && temporal(tb)) return;
    const Expr& other = temporal(ta) ? b : a;
    throw QueryError(fmt::format("cannot compare {} with {}; convert text with TO_DATE('...', 'YYYY-MM-DD "
                                 "HH24:MI:SS')", type_name(temporal(ta) ? ta : tb), type_name(other.type)),
                     other.position);
  }
  if (flexible(ta) || flexible(tb)) return;
  const bool na = ta == ValueType::number, nb = tb == ValueType::number;
  if (na == nb) return;
  const Expr& other = na ? b : a;
  if (other.type == ValueType::boolean)
    throw QueryError("cannot compare a number with a boolean", other.position);
  if (other.kind == ExprKind::string && !is_decimal(other.name))
    throw QueryError(fmt::format("invalid number '{}' compared with a numeric column", other.name),
                     other.position);
}

}  // namespace

void ExprBinder::require_value(const Expr& e) {
  if (e.type == ValueType::predicate) throw QueryError("expected a value here, found a condition", e.position);
}

void ExprBinder::require_condition(const Expr& e) {
  if (e.type != ValueType::predicate)
    throw QueryError("expected a condition (for example a = b) here, found a value", e.position);
}

void ExprBinder::bind(Expr& e, std::size_t visible) {
  for (auto& a : e.args) {
    bind(*a, visible);
    e.depth = std::max(e.depth, a->depth);
  }
  switch (e.kind) {
    case ExprKind::column: bind_column(e, visible); break;
    case ExprKind::number:
      e.type = ValueType::number;
      e.constant = Val::number(e.name);
      break;
    case ExprKind::string:
      e.type = ValueType::text;
      e.constant = Val::string(e.name);
      break;
    case ExprKind::null:
      e.type = ValueType::null;
      e.constant = Val::null();
      break;
    case ExprKind::function: bind_function(e); break;
    default: bind_condition(e); break;
  }
}

void ExprBinder::bind_column(Expr& e, std::size_t visible) {
  const std::size_t slot_index = e.qualifier.empty() ? slot_with_column(e, visible) : slot_named(e, visible);
  const Slot& slot = slots_[slot_index];
  const auto col = slot.table->column_index(e.name, true);
  if (!col) {
    std::vector<std::string> names;
    for (const auto& c : slot.table->columns()) names.push_back(c.name);
    throw QueryError(fmt::format("unknown column '{}' in table '{}' ({}){}", e.name, slot.table->name(),
                                 slot.alias, suggestion_suffix(e.name, names)), e.position);
  }
  e.slot = static_cast<int>(slot_index);
  e.column = *col;
  e.column_type = slot.table->columns()[*col].type;
  e.type = type_of_column(e.column_type);
  e.depth = e.slot;
}

std::size_t ExprBinder::slot_named(const Expr& e, std::size_t visible) const {
  std::vector<std::string> aliases;
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    if (!iequals(slots_[i].alias, e.qualifier)) {
      aliases.push_back(slots_[i].alias);
      continue;
    }
    if (i >= visible)
      throw QueryError(fmt::format("table '{}' is joined later and cannot be used here", e.qualifier), e.position);
    return i;
  }
  throw QueryError(fmt::format("unknown table alias '{}'{}", e.qualifier, suggestion_suffix(e.qualifier, aliases)),
                   e.position);
}

std::size_t ExprBinder::slot_with_column(const Expr& e, std::size_t visible) const {
  std::vector<std::size_t> found;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < visible; ++i) {
    if (slots_[i].table->column_index(e.name, true)) found.push_back(i);
    for (const auto& c : slots_[i].table->columns()) names.push_back(c.name);
  }
  if (found.size() > 1)
    throw QueryError(fmt::format("column '{}' is ambiguous; qualify it with a table alias", e.name), e.position);
  if (found.empty())
    throw QueryError(fmt::format("unknown column '{}' (no table of the FROM clause has it){}", e.name,
                                 suggestion_suffix(e.name, names)), e.position);
  return found[0];
}

void ExprBinder::bind_function(Expr& e) {
  for (const auto& a : e.args) require_value(*a);
  const auto arity = [&](std::size_t lo, std::size_t hi) {
    if (e.args.size() < lo || e.args.size() > hi)
      throw QueryError(fmt::format("{} takes {} argument{}, not {}", e.name,
                                   lo == hi ? fmt::format("{}", lo) : fmt::format("{} to {}", lo, hi),
                                   hi == 1 ? "" : "s", e.args.size()), e.position);
  };
  if (e.name == "TO_CHAR") {
    arity(1, 2);
    bind_to_char(e);
  } else if (e.name == "TO_DATE") {
    arity(2, 2);
    bind_to_date(e);
  } else if (e.name == "NVL" || e.name == "COALESCE") {
    e.name == "NVL" ? arity(2, 2) : arity(1, 64);
    e.type = ValueType::null;
    for (const auto& a : e.args)
      if (e.type == ValueType::null) e.type = a->type;
    for (const auto& a : e.args) check_comparable(*e.args[0], *a);
  } else if (e.name == "UPPER" || e.name == "LOWER") {
    arity(1, 1);
    e.type = ValueType::text;
  } else {
    throw QueryError(fmt::format("unknown function '{}'{}", e.name, suggestion_suffix(e.name, kFunctions)),
                     e.position);
  }
  fold(e);
}

void ExprBinder::bind_to_char(Expr& e) {
  e.type = ValueType::text;
  if (e.args.size() < 2) return;
  const Expr& value = *e.args[0];
  const Expr& fmt_arg = *e.args[1];
  if (fmt_arg.kind != ExprKind::string)
    throw QueryError("the format of TO_CHAR must be a string literal", fmt_arg.position);
  if (!temporal(value.type) && value.type != ValueType::null)
    throw QueryError(fmt::format("TO_CHAR with a format needs a date or datetime, not {} (number formats are "
                                 "not supported)", type_name(value.type)), value.position);
  try {
    e.format = parse_date_format(fmt_arg.name);
  } catch (const DateFormatError& err) {
    throw QueryError(err.message, fmt_arg.position + 1 + err.offset);
  }
}

void ExprBinder::bind_to_date(Expr& e) {
  e.type = ValueType::time;
  const Expr& value = *e.args[0];
  const Expr& fmt_arg = *e.args[1];
  if (fmt_arg.kind != ExprKind::string)
    throw QueryError("the format of TO_DATE must be a string literal", fmt_arg.position);
  if (temporal(value.type) || value.type == ValueType::number || value.type == ValueType::boolean)
    throw QueryError(fmt::format("TO_DATE converts text, not {}", type_name(value.type)), value.position);
  try {
    e.format = parse_date_format(fmt_arg.name);
  } catch (const DateFormatError& err) {
    throw QueryError(err.message, fmt_arg.position + 1 + err.offset);
  }
  if (value.kind == ExprKind::string) {
    try {
      (void)parse_datetime(value.name, *e.format);
    } catch (const DateFormatError& err) {
      throw QueryError(fmt::format("TO_DATE: {}", err.message), value.position + 1 + err.offset);
    }
  }
}

void ExprBinder::bind_condition(Expr& e) {
  switch (e.kind) {
    case ExprKind::and_:
    case ExprKind::or_:
    case ExprKind::not_:
      for (const auto& a : e.args) require_condition(*a);
      break;
    case ExprKind::like:
      for (const auto& a : e.args) {
        require_value(*a);
        if (temporal(a->type))
          throw QueryError("LIKE needs text; format dates with TO_CHAR first", a->position);
      }
      break;
    default:  // compare, in_list, is_null, between: the first operand against each other one
      for (const auto& a : e.args) require_value(*a);
      for (std::size_t i = 1; i < e.args.size(); ++i) check_comparable(*e.args[0], *e.args[i]);
      break;
  }
  e.type = ValueType::predicate;
}

// A function of constants is evaluated once, here (TO_DATE('…', '…')).
void ExprBinder::fold(Expr& e) {
  if (e.depth >= 0) return;
  const RowView none{slots_, nullptr, zone_};
  e.constant = eval_value(e, none);
}

}  // namespace o2c::sim::netsuite
