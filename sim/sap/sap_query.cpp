#include "sim/sap/sap_query.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "core/text.h"
#include "sim/sap/sap_exec.h"
#include "sim/sim_http.h"

namespace o2c::sim::sap {

namespace {

[[noreturn]] void bad_option(std::string_view option, const std::string& what) {
  throw ODataError(400, std::string(kCodeSyntax), fmt::format("Invalid {}: {}", option, what), std::string(option));
}

std::size_t count_value(std::string_view option, std::string_view text) {
  std::size_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || n > 1'000'000'000)
    bad_option(option, fmt::format("'{}' is not a non-negative integer", text));
  return n;
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> out;
  while (true) {
    const std::size_t comma = text.find(',');
    const std::string_view item = trim(text.substr(0, comma));
    if (!item.empty()) out.emplace_back(item);
    if (comma == std::string_view::npos) return out;
    text.remove_prefix(comma + 1);
  }
}

void read_option(QueryOptions& o, const std::string& key, const std::string& value, ODataVersion version) {
  const bool v2 = version == ODataVersion::v2;
  if (key == "$filter") {
    o.filter_text = value;
    o.filter = parse_filter(value, version);
  } else if (key == "$select") {
    o.select = split_list(value);
  } else if (key == "$expand") {
    o.expand = split_list(value);
  } else if (key == "$orderby") {
    o.orderby_text = value;
    o.orderby = parse_orderby(value);
  } else if (key == "$top") {
    o.top = count_value(key, value);
  } else if (key == "$skip") {
    o.skip = count_value(key, value);
  } else if (key == "$skiptoken") {
    o.skiptoken = value;
  } else if (key == "$format") {
    if (value != "json" && value != "xml" && value != "atom" && !value.starts_with("application/"))
      bad_option(key, fmt::format("format '{}' is not supported (json, xml)", value));
    o.format = value;
  } else if (v2 && key == "$inlinecount") {
    if (value != "allpages" && value != "none")
      bad_option(key, fmt::format("'{}' is not allpages or none", value));
    o.count = value == "allpages";
  } else if (!v2 && key == "$count") {
    if (value != "true" && value != "false") bad_option(key, fmt::format("'{}' is not true or false", value));
    o.count = value == "true";
  } else {
    const char* hint = v2 && key == "$count" ? " (OData V2 asks for the count with $inlinecount=allpages)"
                       : !v2 && key == "$inlinecount" ? " (OData V4 asks for the count with $count=true)"
                                                      : "";
    throw ODataError(400, std::string(kCodeSyntax), fmt::format("The system query option '{}' is not supported{}",
                                                                key, hint), key);
  }
}

class Binder {
 public:
  Binder(const SimTable& table, const EntitySetDef& set, ODataVersion version)
      : table_(table), set_(set), version_(version) {}

  std::size_t column(std::string_view option, std::string_view name, std::size_t position) const {
    if (const auto c = table_.column_index(name, false)) return *c;
    std::vector<std::string> names;
    for (const auto& col : table_.columns()) names.push_back(col.name);
    bad_option(option, fmt::format("property '{}' at offset {} is not a property of {}{}", name, position,
                                   set_.type_name(), suggestion_suffix(name, names)));
  }

  BoundFilter bind(const FilterNode& node) const {
    BoundFilter b;
    b.kind = node.kind;
    for (const auto& child : node.children) b.children.push_back(bind(child));
    if (node.kind != FilterNode::Kind::compare) return b;
    b.column = column("$filter", node.property, node.property_position);
    b.type = table_.columns()[b.column].type;
    b.op = node.op;
    b.literal = node.literal;
    check_literal(b, node.property);
    return b;
  }

 private:
  bool fits(Literal::Kind kind, SimType type) const {
    using K = Literal::Kind;
    switch (type) {
      case SimType::boolean: return kind == K::boolean;
      case SimType::decimal: return kind == K::number;
      case SimType::date: return version_ == ODataVersion::v2 ? kind == K::datetime : kind == K::date;
      case SimType::datetime: return kind == K::datetimeoffset;
      default: return kind == K::string;
    }
  }

  void check_literal(const BoundFilter& b, const std::string& property) const {
    const Literal& lit = b.literal;
    if (lit.kind == Literal::Kind::null) {
      if (b.op != CompareOp::eq && b.op != CompareOp::ne)
        bad_option("$filter", fmt::format("null at offset {} can only be compared with eq or ne", lit.position));
      return;
    }
    if (fits(lit.kind, b.type)) return;
    bad_option("$filter", fmt::format("literal {} at offset {} is {} but property '{}' is {}", lit.raw, lit.position,
                                      literal_kind_name(lit.kind), property, edm_type(b.type, version_)));
  }

  const SimTable& table_;
  const EntitySetDef& set_;
  ODataVersion version_;
};

// Position order satisfies $orderby: none, [X asc] or [X asc, key asc] with X naturally ordered, or [key asc, ...].
bool ordered_by_position(const std::vector<SortKey>& order, const SimTable& table) {
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (order[i].descending) return false;
    const std::string& name = table.columns()[order[i].column].name;
    if (i == 0 && !table.naturally_ordered_by(name)) return false;
    if (order[i].column == 0) return true;
    if (i > 0) return false;
  }
  return true;
}

std::vector<std::size_t> all_columns(const SimTable& table) {
  std::vector<std::size_t> out(table.columns().size());
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = i;
  return out;
}

const Navigation* navigation(const EntitySetDef& set, std::string_view name) {
  for (const auto& nav : set.navigations)
    if (nav.name == name) return &nav;
  return nullptr;
}

[[noreturn]] void not_a_navigation(std::string_view option, std::string_view name, const EntitySetDef& set) {
  bad_option(option, fmt::format("'{}' is not a navigation property of {}", name, set.type_name()));
}

void plan_expands(QueryPlan& plan, const SetResolver& sets, const QueryOptions& options, ODataVersion version) {
  for (const auto& name : options.expand) {
    const Navigation* nav = navigation(*plan.set, name);
    if (!nav) not_a_navigation("$expand", name, *plan.set);
    const auto [target_set, target] = sets.resolve(nav->target_set);
    if (!target) throw ODataError(500, std::string(kCodeInternal), fmt::format("{} has no data", nav->target_set));
    ExpandPlan e{nav, target_set, target, *plan.table->column_index(nav->from_property, false),
                 *target->column_index(nav->to_property, false), {}};
    const Binder binder(*target, *target_set, version);
    for (const auto& item : options.select)   // to_Item/NetAmount selects within the expansion
      if (item.starts_with(name + "/")) e.columns.push_back(binder.column("$select", item.substr(name.size() + 1), 0));
    if (e.columns.empty()) e.columns = all_columns(*target);
    std::sort(e.columns.begin(), e.columns.end());
    plan.expands.push_back(std::move(e));
  }
}

void plan_select(QueryPlan& plan, const QueryOptions& options, const Binder& binder) {
  const bool all = options.select.empty() ||
                   std::find(options.select.begin(), options.select.end(), "*") != options.select.end();
  if (all) plan.columns = all_columns(*plan.table);
  for (const auto& item : options.select) {
    if (item == "*") continue;
    const std::string head = item.substr(0, item.find('/'));
    if (const Navigation* nav = navigation(*plan.set, head)) {
      const bool expanded = std::find(options.expand.begin(), options.expand.end(), head) != options.expand.end();
      if (!expanded && head != item) bad_option("$select", fmt::format("'{}' selects into {} which is not expanded", item, head));
      if (!expanded && std::find(plan.deferred.begin(), plan.deferred.end(), nav) == plan.deferred.end())
        plan.deferred.push_back(nav);
      continue;
    }
    if (head != item) not_a_navigation("$select", head, *plan.set);
    const std::size_t c = binder.column("$select", item, 0);
    if (std::find(plan.columns.begin(), plan.columns.end(), c) == plan.columns.end()) plan.columns.push_back(c);
  }
  std::sort(plan.columns.begin(), plan.columns.end());
  if (all)
    for (const auto& nav : plan.set->navigations)
      if (std::find(options.expand.begin(), options.expand.end(), nav.name) == options.expand.end())
        plan.deferred.push_back(&nav);
}

}  // namespace

QueryOptions parse_options(std::string_view query_string, ODataVersion version) {
  QueryOptions o;
  for (auto& [key, value] : parse_query_string(query_string, true)) {
    if (key.starts_with('$')) read_option(o, key, value, version);
    if (key != "$skiptoken") o.carried.emplace_back(std::move(key), std::move(value));
  }
  return o;
}

std::pair<const EntitySetDef*, SimTablePtr> SetResolver::resolve(std::string_view set_name) const {
  const EntitySetDef* set = service->set(set_name);
  if (!set) return {nullptr, nullptr};
  SimTablePtr table = catalog->table(set->name);
  if (table && table->name() != set->name && !iequals_ascii(table->name(), set->name)) table = nullptr;
  return {set, std::move(table)};
}

BoundFilter equals_filter(const SimTable& table, std::size_t column, const SimValue& value) {
  BoundFilter b;
  b.column = column;
  b.type = table.columns()[column].type;
  b.op = CompareOp::eq;
  Literal& lit = b.literal;
  if (const auto* s = std::get_if<std::string>(&value)) lit.kind = Literal::Kind::string, lit.text = *s;
  else if (const auto* d = std::get_if<Decimal>(&value)) lit.kind = Literal::Kind::number, lit.text = d->text;
  else if (const auto* f = std::get_if<bool>(&value)) lit.kind = Literal::Kind::boolean, lit.flag = *f;
  else if (const auto* day = std::get_if<SimDate>(&value)) lit.kind = Literal::Kind::date, lit.date = *day;
  else if (const auto* t = std::get_if<SimTime>(&value)) lit.kind = Literal::Kind::datetimeoffset, lit.time = *t;
  lit.raw = key_literal(value);
  return b;
}

QueryPlan plan_query(const SetResolver& sets, const EntitySetDef& set, SimTablePtr table, const QueryOptions& options,
                     ODataVersion version, std::optional<BoundFilter> restriction) {
  const std::string restricted = restriction ? restriction->literal.raw : "";
  QueryPlan plan;
  plan.table = std::move(table);
  plan.set = &set;
  const Binder binder(*plan.table, set, version);
  plan_select(plan, options, binder);
  plan_expands(plan, sets, options, version);
  if (options.filter) plan.filter = binder.bind(*options.filter);
  if (restriction) {
    if (!plan.filter) {
      plan.filter = std::move(restriction);
    } else {
      BoundFilter both;
      both.kind = FilterNode::Kind::all_of;
      both.children = {std::move(*restriction), std::move(*plan.filter)};
      plan.filter = std::move(both);
    }
  }
  for (const auto& key : options.orderby) {
    const std::size_t c = binder.column("$orderby", key.property, key.position);
    plan.order.push_back({c, plan.table->columns()[c].type, key.descending});
  }
  plan.natural_order = ordered_by_position(plan.order, *plan.table);
  plan.top = options.top;
  plan.skip = options.skip;
  plan.count = options.count;
  plan.identity = fmt::format("{}|{}|{}|{}|{}|{}", set.name, options.filter_text, options.orderby_text,
                              options.top ? std::to_string(*options.top) : "", options.skip,
                              restricted);
  compute_seek(plan);
  return plan;
}

}  // namespace o2c::sim::sap
