#include "sim/salesforce/soql_plan.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/text.h"
#include "sim/salesforce/salesforce_error.h"

namespace o2c::sim::salesforce::soql {

namespace {

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() && to_lower_ascii(s.substr(s.size() - suffix.size())) == to_lower_ascii(suffix);
}

[[noreturn]] void invalid_field(const std::string& message) { throw ApiError(400, "INVALID_FIELD", message); }

const char* filter_type_name(SimType type) {
  switch (type) {
    case SimType::boolean: return "boolean";
    case SimType::decimal: return "double";
    case SimType::date: return "date";
    case SimType::datetime: return "dateTime";
    case SimType::id: return "id";
    case SimType::reference: return "reference";
    case SimType::text: return "string";
  }
  return "string";
}

bool literal_fits(LiteralKind kind, SimType type) {
  switch (type) {
    case SimType::boolean: return kind == LiteralKind::boolean;
    case SimType::decimal: return kind == LiteralKind::number;
    case SimType::date: return kind == LiteralKind::date;
    case SimType::datetime: return kind == LiteralKind::datetime;
    case SimType::id:
    case SimType::reference:
    case SimType::text: return kind == LiteralKind::string;
  }
  return false;
}

bool is_string_type(SimType type) { return type == SimType::text || type == SimType::id || type == SimType::reference; }

class Binder {
 public:
  Binder(const SimCatalog& catalog, SimTablePtr from) : catalog_(catalog), from_(std::move(from)) {}

  ColumnRef resolve(const FieldPath& path) const {
    ColumnRef ref;
    ref.table = from_;
    for (std::size_t i = 0; i + 1 < path.parts.size(); ++i) {
      const auto hop = relationship(*ref.table, path.parts[i]);
      if (!hop)
        invalid_field(
            fmt::format("Didn't understand relationship '{}' in field path at position {}. If you are "
                        "attempting to use a custom relationship, be sure to append the '__r' after the "
                        "custom relationship name. Please reference your WSDL or the describe call for the "
                        "appropriate names.",
                        path.parts[i], path.position));
      ref.hops.push_back(*hop);
      ref.table = hop->target;
    }
    const auto column = ref.table->column_index(path.parts.back(), true);
    if (!column)
      invalid_field(
          fmt::format("No such column '{}' on entity '{}' at position {}. If you are attempting to use a "
                      "custom field, be sure to append the '__c' after the custom field name. Please "
                      "reference your WSDL or the describe call for the appropriate names.",
                      path.parts.back(), ref.table->name(), path.position));
    ref.column = *column;
    return ref;
  }

  BoundCondition bind(const Condition& c) const {
    BoundCondition b;
    b.kind = c.kind;
    for (const auto& child : c.children) b.children.push_back(bind(child));
    if (c.kind != Condition::Kind::predicate) return b;
    b.field = resolve(c.field);
    b.op = c.op;
    b.values = c.values;
    check_literals(b, c.field.text());
    return b;
  }

  std::vector<SelectNode> select_tree(const std::vector<FieldPath>& paths) const {
    std::vector<SelectNode> roots;
    for (const auto& path : paths) {
      const ColumnRef ref = resolve(path);
      std::vector<SelectNode>* level = &roots;
      const SimTable* table = from_.get();
      for (const auto& hop : ref.hops) {
        const std::string key = relationship_name(table->columns()[hop.reference_column]);
        auto it = std::find_if(level->begin(), level->end(),
                               [&](const SelectNode& n) { return n.is_relationship() && n.key == key; });
        if (it == level->end()) it = level->insert(level->end(), SelectNode{key, hop.reference_column, hop.target, {}});
        level = &it->children;
        table = hop.target.get();
      }
      const std::string& name = ref.descriptor().name;
      if (std::any_of(level->begin(), level->end(),
                      [&](const SelectNode& n) { return !n.is_relationship() && n.key == name; }))
        invalid_field(fmt::format("duplicate field selected: {} at position {}", path.text(), path.position));
      level->push_back(SelectNode{name, ref.column, nullptr, {}});
    }
    return roots;
  }

 private:
  std::optional<Hop> relationship(const SimTable& table, std::string_view name) const {
    const auto& columns = table.columns();
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const std::string rel = relationship_name(columns[i]);
      if (rel.empty() || to_lower_ascii(rel) != to_lower_ascii(name)) continue;
      if (auto target = catalog_.table(columns[i].references)) return Hop{i, std::move(target)};
    }
    return std::nullopt;
  }

  static void check_literals(const BoundCondition& b, const std::string& field_text) {
    const SimType type = b.field.descriptor().type;
    for (const auto& lit : b.values) {
      if (lit.kind == LiteralKind::null || literal_fits(lit.kind, type)) continue;
      invalid_field(
          fmt::format("value of filter criterion for field '{}' must be of type {} and should {}be enclosed "
                      "in quotes (literal {} at position {})",
                      field_text, filter_type_name(type), is_string_type(type) ? "" : "not ", lit.raw, lit.position));
    }
    if (b.op == CompareOp::like && (!is_string_type(type) || b.values[0].kind != LiteralKind::string))
      throw ApiError(400, "INVALID_QUERY_FILTER_OPERATOR",
                     fmt::format("invalid operator LIKE on field '{}' of type {} at position {}", field_text,
                                 filter_type_name(type), b.values[0].position));
  }

  const SimCatalog& catalog_;
  SimTablePtr from_;
};

// True when position order satisfies ORDER BY: [X] or [X, Id] with X naturally ordered, or [Id, ...].
bool ordered_by_position(const std::vector<SortKey>& order, const SimTable& table) {
  for (std::size_t i = 0; i < order.size(); ++i) {
    const SortKey& key = order[i];
    if (!key.field.hops.empty() || key.descending || !key.nulls_first) return false;
    const bool primary_key = key.field.column == 0;
    if (i == 0 && !table.naturally_ordered_by(key.field.descriptor().name)) return false;
    if (primary_key) return true;  // unique: later keys never matter
    if (i > 0) return false;
  }
  return true;
}

}  // namespace

std::string relationship_name(const SimColumn& column) {
  if (column.type != SimType::reference) return "";
  const std::string& n = column.name;
  if (ends_with_ci(n, "__c")) return n.substr(0, n.size() - 3) + "__r";
  if (ends_with_ci(n, "Id")) return n.substr(0, n.size() - 2);
  return "";
}

const char* describe_type(SimType type) {
  switch (type) {
    case SimType::boolean: return "boolean";
    case SimType::decimal: return "double";
    case SimType::date: return "date";
    case SimType::datetime: return "datetime";
    case SimType::id: return "id";
    case SimType::reference: return "reference";
    case SimType::text: return "string";
  }
  return "string";
}

SimValue read_value(const SimTable& from, std::size_t row, const ColumnRef& ref) {
  const SimTable* table = &from;
  for (const auto& hop : ref.hops) {
    const SimValue key = table->value(row, hop.reference_column);
    const auto* id = std::get_if<std::string>(&key);
    const auto found = id ? hop.target->find(*id) : std::nullopt;
    if (!found) return {};
    row = *found;
    table = hop.target.get();
  }
  return table->value(row, ref.column);
}

std::shared_ptr<const QueryPlan> plan_query(const Query& query, const SimCatalog& catalog, bool include_deleted) {
  auto plan = std::make_shared<QueryPlan>();
  plan->table = catalog.table(query.object);
  if (!plan->table)
    throw ApiError(400, "INVALID_TYPE",
                   fmt::format("sObject type '{}' is not supported at position {}. If you are attempting to use a "
                               "custom object, be sure to append the '__c' after the entity name. Please reference "
                               "your WSDL or the describe call for the appropriate names.",
                               query.object, query.object_position));
  const Binder binder(catalog, plan->table);
  plan->count_only = query.count_only;
  plan->select = binder.select_tree(query.select);
  if (query.where) plan->where = binder.bind(*query.where);
  if (!include_deleted) plan->deleted_column = plan->table->column_index("IsDeleted", true);
  for (const auto& item : query.order_by)
    plan->order.push_back({binder.resolve(item.field), item.descending, item.nulls_first});
  plan->natural_order = ordered_by_position(plan->order, *plan->table);
  plan->limit = query.limit;
  plan->offset = query.offset.value_or(0);
  compute_seek(*plan);
  return plan;
}

}  // namespace o2c::sim::salesforce::soql
