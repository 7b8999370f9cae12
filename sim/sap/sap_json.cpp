#include "sim/sap/sap_json.h"

#include <algorithm>

#include <fmt/format.h>

#include "sim/sim_json.h"

namespace o2c::sim::sap {

namespace {

std::string key_text(const SimValue& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  return key_literal(v);
}

std::string etag_of(const SimTable& table, std::size_t row) {
  const auto column = table.column_index("LastChangeDateTime", false);
  if (!column) return {};
  const SimValue v = table.value(row, *column);
  const auto* t = std::get_if<SimTime>(&v);
  if (!t) return {};
  std::string iso = iso_datetime(*t, 0);
  std::string encoded;
  for (const char c : iso) encoded += c == ':' ? std::string("%3A") : std::string(1, c);
  return fmt::format("W/\"datetimeoffset'{}'\"", encoded);
}

void append_metadata(std::string& out, const WriteContext& ctx, const EntitySetDef& set, const std::string& uri,
                     const SimTable& table, std::size_t row) {
  out += "\"__metadata\":{\"id\":";
  append_json_string(out, uri);
  out += ",\"uri\":";
  append_json_string(out, uri);
  out += ",\"type\":";
  append_json_string(out, ctx.schema_namespace + "." + set.type_name());
  if (const std::string etag = etag_of(table, row); !etag.empty()) {
    out += ",\"etag\":";
    append_json_string(out, etag);
  }
  out += '}';
}

void append_properties(std::string& out, const WriteContext& ctx, const SimTable& table, std::size_t row,
                       const std::vector<std::size_t>& columns, bool first) {
  for (const std::size_t c : columns) {
    if (!first) out += ',';
    first = false;
    const SimColumn& column = table.columns()[c];
    append_json_string(out, column.name);
    out += ':';
    append_json_value(out, table.value(row, c), column.type, ctx.style);
  }
}

void append_expanded(std::string& out, const WriteContext& ctx, const ExpandPlan& e, const SimValue& key) {
  const bool v2 = ctx.version == ODataVersion::v2;
  out += v2 ? "{\"results\":[" : "[";
  const std::vector<std::size_t> rows = ctx.navs->related(e, key);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i > 0) out += ',';
    out += '{';
    if (v2) append_metadata(out, ctx, *e.set, ctx.service_root + entity_path(*e.set, *e.table, rows[i]), *e.table, rows[i]);
    append_properties(out, ctx, *e.table, rows[i], e.columns, !v2);
    out += '}';
  }
  out += v2 ? "]}" : "]";
}

}  // namespace

std::vector<std::size_t> NavIndex::related(const ExpandPlan& e, const SimValue& key) {
  const SimTable& table = *e.table;
  const SimType type = table.columns()[e.to_column].type;
  std::vector<std::size_t> out;
  if (std::holds_alternative<std::monostate>(key)) return out;
  if (table.naturally_ordered_by(table.columns()[e.to_column].name)) {
    std::size_t lo = 0, hi = table.size();
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      if (compare_cells(table.value(mid, e.to_column), key, type) < 0) lo = mid + 1;
      else hi = mid;
    }
    for (; lo < table.size() && compare_cells(table.value(lo, e.to_column), key, type) == 0; ++lo) out.push_back(lo);
    return out;
  }
  const auto index = index_of(table, e.to_column);
  const std::string text = key_text(key);
  auto it = std::lower_bound(index->begin(), index->end(), text,
                             [](const auto& entry, const std::string& k) { return alpha_compare(entry.first, k) < 0; });
  for (; it != index->end() && alpha_compare(it->first, text) == 0; ++it) out.push_back(it->second);
  return out;
}

std::shared_ptr<const NavIndex::Index> NavIndex::index_of(const SimTable& table, std::size_t column) {
  std::lock_guard lock(mutex_);
  auto& [size, index] = indexes_[{&table, column}];
  if (index && size == table.size()) return index;
  auto built = std::make_shared<Index>();
  for (std::size_t row = 0; row < table.size(); ++row) {
    const SimValue v = table.value(row, column);
    if (!std::holds_alternative<std::monostate>(v)) built->emplace_back(key_text(v), static_cast<std::uint32_t>(row));
  }
  std::stable_sort(built->begin(), built->end(),
                   [](const auto& a, const auto& b) { return alpha_compare(a.first, b.first) < 0; });
  size = table.size();
  index = std::move(built);
  return index;
}

std::string entity_path(const EntitySetDef& set, const SimTable& table, std::size_t row) {
  const std::vector<std::size_t> keys = key_columns(set, table);
  std::string out = set.name + "(";
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (i > 0) out += ',';
    if (keys.size() > 1) out += table.columns()[keys[i]].name + "=";
    out += key_literal(table.value(row, keys[i]));
  }
  return out + ")";
}

void append_entity(std::string& out, const WriteContext& ctx, const QueryPlan& plan, std::size_t row) {
  const SimTable& table = *plan.table;
  const bool v2 = ctx.version == ODataVersion::v2;
  const std::string uri = v2 ? ctx.service_root + entity_path(*plan.set, table, row) : std::string();
  out += '{';
  if (v2) append_metadata(out, ctx, *plan.set, uri, table, row);
  append_properties(out, ctx, table, row, plan.columns, !v2);
  bool first = !v2 && plan.columns.empty();
  for (const auto& e : plan.expands) {
    if (!first) out += ',';
    first = false;
    append_json_string(out, e.navigation->name);
    out += ':';
    append_expanded(out, ctx, e, table.value(row, e.from_column));
  }
  if (v2)
    for (const Navigation* nav : plan.deferred) {
      out += ',';
      append_json_string(out, nav->name);
      out += ":{\"__deferred\":{\"uri\":";
      append_json_string(out, uri + "/" + nav->name);
      out += "}}";
    }
  out += '}';
}

std::string collection_body(const WriteContext& ctx, const CollectionOut& page) {
  std::string out;
  const bool v2 = ctx.version == ODataVersion::v2;
  if (v2) {
    out = "{\"d\":{";
    if (page.total) out += fmt::format("\"__count\":\"{}\",", *page.total);
    out += "\"results\":[";
  } else {
    out = fmt::format("{{\"@odata.context\":\"$metadata#{}\"", page.plan->set->name);
    if (page.total)
      out += ctx.style.ieee754_compatible ? fmt::format(",\"@odata.count\":\"{}\"", *page.total)
                                          : fmt::format(",\"@odata.count\":{}", *page.total);
    out += ",\"value\":[";
  }
  for (std::size_t i = 0; i < page.rows->size(); ++i) {
    if (i > 0) out += ',';
    append_entity(out, ctx, *page.plan, (*page.rows)[i]);
  }
  out += ']';
  if (!page.next_link.empty()) {
    out += v2 ? ",\"__next\":" : ",\"@odata.nextLink\":";
    append_json_string(out, page.next_link);
  }
  out += v2 ? "}}" : "}";
  return out;
}

std::string entity_body(const WriteContext& ctx, const QueryPlan& plan, std::size_t row) {
  std::string entity;
  append_entity(entity, ctx, plan, row);
  if (ctx.version == ODataVersion::v2) return "{\"d\":" + entity + "}";
  std::string out = fmt::format("{{\"@odata.context\":\"$metadata#{}/$entity\"", plan.set->name);
  if (entity.size() > 2) out += ',';
  out.append(entity, 1, std::string::npos);
  return out;
}

}  // namespace o2c::sim::sap
