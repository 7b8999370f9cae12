#include "sim/oracle/oracle_filter_bind.h"

#include <fmt/format.h>

#include "core/text.h"
#include "core/time.h"
#include "sim/oracle/oracle_value.h"

namespace o2c::sim::oracle {

namespace {

SimValue convert(const FilterLiteral& lit, const Attribute& attribute) {
  const auto refuse = [&](std::string_view expected) -> FilterError {
    return FilterError(fmt::format("the value '{}' is not {} (attribute {} is of type {})", lit.text, expected,
                                   attribute.name, describe_type(attribute.type)),
                       lit.position);
  };
  switch (attribute.type) {
    case AttrType::integer:
    case AttrType::number:
    case AttrType::number_text:
      if (lit.kind == FilterLiteral::Kind::boolean || !is_decimal_text(lit.text)) throw refuse("a number");
      return Decimal{lit.text};
    case AttrType::date:
      if (const auto d = try_parse_date(lit.text)) return SimDate(*d);
      if (const auto t = try_parse_timestamp(lit.text)) return SimTime(*t);
      throw refuse("a date such as '2026-11-24'");
    case AttrType::datetime:
      if (const auto t = lit.kind == FilterLiteral::Kind::text ? try_parse_timestamp(lit.text) : std::nullopt)
        return SimTime(*t);
      throw refuse("a timestamp such as '2026-11-24T10:00:00+00:00' (a '+' sent unencoded in a URL reads as a "
                   "space)");
    case AttrType::boolean:
      if (lit.kind == FilterLiteral::Kind::boolean) return lit.flag;
      if (lit.text == "true" || lit.text == "false") return lit.text == "true";
      throw refuse("true or false");
    case AttrType::string: break;
  }
  return lit.text;
}

const Attribute& resolve(const FilterNode& node, const Resource& resource) {
  const Attribute* a = resource.attribute(node.attribute);
  if (!a)
    throw FilterError(fmt::format("the attribute {} is not an attribute of the resource {}{}", node.attribute,
                                  resource.spec->name, suggestion_suffix(node.attribute, resource.attribute_names())),
                      node.position);
  if (!a->queryable)
    throw FilterError(fmt::format("the attribute {} of the resource {} is not queryable (see describe)", a->name,
                                  resource.spec->name),
                      node.position);
  return *a;
}

Tri from_bool(bool b) { return b ? Tri::yes : Tri::no; }

Tri negate(Tri t) { return t == Tri::unknown ? t : t == Tri::yes ? Tri::no : Tri::yes; }

Tri compare_op(FilterOp op, int c) {
  switch (op) {
    case FilterOp::eq: return from_bool(c == 0);
    case FilterOp::ne: return from_bool(c != 0);
    case FilterOp::lt: return from_bool(c < 0);
    case FilterOp::le: return from_bool(c <= 0);
    case FilterOp::gt: return from_bool(c > 0);
    default: return from_bool(c >= 0);
  }
}

Tri predicate(const BoundFilter& f, const SimValue& cell) {
  if (f.op == FilterOp::is_null) return from_bool(std::holds_alternative<std::monostate>(cell) != f.negated);
  if (std::holds_alternative<std::monostate>(cell)) return Tri::unknown;
  Tri result = Tri::unknown;
  switch (f.op) {
    case FilterOp::like:
      if (const auto* s = std::get_if<std::string>(&cell)) result = from_bool(like_match(*s, std::get<std::string>(f.values[0])));
      break;
    case FilterOp::between: {
      const auto lo = compare_cells(cell, f.values[0]), hi = compare_cells(cell, f.values[1]);
      if (lo && hi) result = from_bool(*lo >= 0 && *hi <= 0);
      break;
    }
    case FilterOp::in:
      for (const auto& v : f.values) {
        const auto c = compare_cells(cell, v);
        if (c && *c == 0) {
          result = Tri::yes;
          break;
        }
        if (c) result = Tri::no;
      }
      break;
    default:
      if (const auto c = compare_cells(cell, f.values[0])) result = compare_op(f.op, *c);
      break;
  }
  return f.negated ? negate(result) : result;
}

}  // namespace

BoundFilter bind_filter(const FilterNode& node, const Resource& resource) {
  BoundFilter out;
  out.kind = node.kind;
  if (node.kind != FilterNode::Kind::predicate) {
    for (const auto& arg : node.args) out.args.push_back(bind_filter(*arg, resource));
    return out;
  }
  const Attribute& a = resolve(node, resource);
  out.column = a.column;
  out.type = a.type;
  out.op = node.op;
  out.negated = node.negated;
  if (node.op == FilterOp::like) {
    if (a.type != AttrType::string)
      throw FilterError(fmt::format("like needs a text attribute; {} is of type {}", a.name, describe_type(a.type)),
                        node.position);
    out.values.emplace_back(node.values[0].text);
    return out;
  }
  for (const auto& lit : node.values) out.values.push_back(convert(lit, a));
  return out;
}

Tri evaluate(const BoundFilter& f, const SimTable& table, std::size_t row) {
  switch (f.kind) {
    case FilterNode::Kind::and_: {
      const Tri a = evaluate(f.args[0], table, row);
      if (a == Tri::no) return a;
      const Tri b = evaluate(f.args[1], table, row);
      return b == Tri::no ? b : (a == Tri::yes && b == Tri::yes) ? Tri::yes : Tri::unknown;
    }
    case FilterNode::Kind::or_: {
      const Tri a = evaluate(f.args[0], table, row);
      if (a == Tri::yes) return a;
      const Tri b = evaluate(f.args[1], table, row);
      return b == Tri::yes ? b : (a == Tri::no && b == Tri::no) ? Tri::no : Tri::unknown;
    }
    case FilterNode::Kind::not_: return negate(evaluate(f.args[0], table, row));
    case FilterNode::Kind::predicate: break;
  }
  return predicate(f, table.value(row, f.column));
}

void top_level_conjuncts(const BoundFilter& filter, std::vector<const BoundFilter*>& out) {
  if (filter.kind == FilterNode::Kind::and_) {
    top_level_conjuncts(filter.args[0], out);
    top_level_conjuncts(filter.args[1], out);
  } else {
    out.push_back(&filter);
  }
}

}  // namespace o2c::sim::oracle
