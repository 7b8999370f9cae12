#include "sim/sap/sap_resources.h"

#include <fmt/format.h>

#include "core/text.h"
#include "sim/sap/sap_exec.h"
#include "sim/sap/sap_metadata.h"

namespace o2c::sim::sap {

namespace {

[[noreturn]] void not_found(std::string_view segment) {
  throw ODataError(404, std::string(kCodeNotFound), fmt::format("Resource not found for the segment '{}'.", segment));
}

// RFC 3986 unreserved characters stay; everything else is %XX (so ' + / & = of a $skiptoken survive).
std::string encode_component(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~') {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

// "'100001'" or "BillingDocument='100001',BillingDocumentItem='10'" → (name or "", text value) pairs.
std::vector<std::pair<std::string, std::string>> parse_key_predicate(std::string_view text, std::string_view segment) {
  std::vector<std::pair<std::string, std::string>> out;
  while (!text.empty()) {
    std::string name;
    const std::size_t eq = text.find('=');
    if (eq != std::string_view::npos && (text.find('\'') == std::string_view::npos || eq < text.find('\''))) {
      name = std::string(trim(text.substr(0, eq)));
      text.remove_prefix(eq + 1);
    }
    std::string value;
    if (text.starts_with('\'')) {
      std::size_t i = 1;
      for (; i < text.size(); ++i) {
        if (text[i] != '\'') value += text[i];
        else if (i + 1 < text.size() && text[i + 1] == '\'') value += text[i++];
        else break;
      }
      if (i >= text.size()) not_found(segment);
      text.remove_prefix(i + 1);
    } else {
      const std::size_t comma = text.find(',');
      value = std::string(trim(text.substr(0, comma)));
      if (!value.empty() && (value.back() == 'M' || value.back() == 'm' || value.back() == 'L')) value.pop_back();
      text.remove_prefix(comma == std::string_view::npos ? text.size() : comma);
    }
    out.emplace_back(std::move(name), std::move(value));
    text = trim(text);
    if (text.starts_with(',')) text.remove_prefix(1);
    else if (!text.empty()) not_found(segment);
  }
  return out;
}

// Position of the ')' closing the '(' at s[0], quotes respected ('' toggles twice); npos when none.
std::size_t closing_paren(std::string_view s) {
  bool quoted = false;
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (s[i] == '\'') quoted = !quoted;
    else if (!quoted && s[i] == ')') return i;
  }
  return std::string_view::npos;
}

SimValue typed_key(const SimColumn& column, const std::string& text) {
  if (column.type == SimType::decimal) return Decimal{text};
  return text;
}

}  // namespace

struct ServiceResources::Target {
  const EntitySetDef* set = nullptr;
  SimTablePtr table;
  std::optional<std::size_t> row;            // an entity by key
  std::optional<BoundFilter> restriction;    // a navigation from an entity
  bool count = false;                        // /$count
};

// The row whose key properties equal the predicate's values ("'100001'" or "K1='a',K2='b'"), by the plan's seek.
std::size_t ServiceResources::find_by_key(const ServiceCall& call, const SetResolver& sets, const Target& target,
                                          std::string_view predicate, const std::string& segment) const {
  const auto pairs = parse_key_predicate(predicate, segment);
  const std::vector<std::size_t> keys = key_columns(*target.set, *target.table);
  if (pairs.size() != keys.size()) not_found(segment);
  QueryPlan lookup = plan_query(sets, *target.set, target.table, QueryOptions{}, call.version);
  BoundFilter all;
  all.kind = FilterNode::Kind::all_of;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const SimColumn& column = target.table->columns()[keys[i]];
    if (!pairs[i].first.empty() && pairs[i].first != column.name) not_found(segment);
    all.children.push_back(equals_filter(*target.table, keys[i], typed_key(column, pairs[i].second)));
  }
  lookup.filter = std::move(all);
  compute_seek(lookup);
  const std::size_t row = next_match(lookup, lookup.seek.begin);
  if (row >= lookup.seek.end) not_found(segment);
  return row;
}

// The target of a navigation from one entity ("/to_Item" or "/to_Item/$count" after the key).
ServiceResources::Target ServiceResources::navigate(const SetResolver& sets, const Target& from,
                                                    std::string_view rest) const {
  const std::size_t end = rest.find('/', 1);
  const std::string_view name = rest.substr(1, end == std::string_view::npos ? std::string_view::npos : end - 1);
  const Navigation* nav = nullptr;
  for (const auto& n : from.set->navigations)
    if (n.name == name) nav = &n;
  if (!nav) not_found(name);
  Target to;
  std::tie(to.set, to.table) = sets.resolve(nav->target_set);
  if (!to.set || !to.table) not_found(name);
  const SimValue key = from.table->value(*from.row, *from.table->column_index(nav->from_property, false));
  to.restriction = equals_filter(*to.table, *to.table->column_index(nav->to_property, false), key);
  const std::string_view after = end == std::string_view::npos ? std::string_view{} : rest.substr(end);
  if (after == "/$count") to.count = true;
  else if (!after.empty()) not_found(after.substr(1));
  return to;
}

ServiceResources::Target ServiceResources::locate(const ServiceCall& call, const SetResolver& sets) const {
  std::string_view rest = call.resource;
  const std::size_t name_end = rest.find_first_of("(/");
  const std::string_view name = rest.substr(0, name_end);
  Target target;
  std::tie(target.set, target.table) = sets.resolve(name);
  if (!target.set || !target.table) not_found(name);
  rest.remove_prefix(name_end == std::string_view::npos ? rest.size() : name_end);
  if (rest.starts_with('(')) {
    const std::size_t close = closing_paren(rest);
    if (close == std::string_view::npos) not_found(call.resource);
    const std::string segment(call.resource.substr(0, name.size() + close + 1));
    target.row = find_by_key(call, sets, target, rest.substr(1, close - 1), segment);
    rest.remove_prefix(close + 1);
  }
  if (rest.empty()) return target;
  if (rest == "/$count" && !target.row) {
    target.count = true;
    return target;
  }
  if (!target.row || !rest.starts_with('/')) not_found(rest);
  return navigate(sets, target, rest);
}

WriteContext ServiceResources::write_context(const ServiceCall& call, const QueryOptions& query) {
  WriteContext ctx;
  ctx.version = call.version;
  ctx.style.v4 = call.version == ODataVersion::v4;
  const std::string accept = to_lower_ascii(call.request->header("accept") + ";" + query.format);
  ctx.style.ieee754_compatible = accept.find("ieee754compatible=true") != std::string::npos;
  ctx.style.offset_minutes = options_.datetimeoffset_offset_minutes;
  ctx.service_root = "http://" + call.request->host + call.root_path;
  ctx.schema_namespace = call.service->schema_namespace(call.version);
  ctx.navs = &navs_;
  return ctx;
}

std::string ServiceResources::next_link(const ServiceCall& call, const QueryOptions& query, const Skiptoken& next) const {
  const std::string token = options_.faults.repeat_next_link && query.skiptoken ? *query.skiptoken
                                                                                : encode_skiptoken(next);
  std::string options;
  for (const auto& [key, value] : query.carried) options += key + "=" + encode_component(value) + "&";
  options += "$skiptoken=" + encode_component(token);
  const std::string path = call.root_path + call.resource;
  const std::string& base = options_.faults.next_link_base;
  if (call.version == ODataVersion::v4 && base.empty())   // V4: relative to the request URL
    return path.substr(path.rfind('/') + 1) + "?" + options;
  return (base.empty() ? "http://" + call.request->host : base) + path + "?" + options;
}

SimReply ServiceResources::collection(const ServiceCall& call, const Target& target, const QueryOptions& query) {
  const SetResolver sets{call.service, catalog_.get()};
  const QueryPlan plan = plan_query(sets, *target.set, target.table, query, call.version, target.restriction);
  if (target.count) {
    SimReply reply;
    reply.headers.emplace_back("Content-Type", "text/plain; charset=utf-8");
    reply.body = std::to_string(pager_.count(plan));
    return reply;
  }
  const PageOut page = pager_.page(plan, query.skiptoken, static_cast<std::size_t>(std::max(options_.page_size, 1)));
  const WriteContext ctx = write_context(call, query);
  CollectionOut out{&plan, &page.rows, page.total, page.next ? next_link(call, query, *page.next) : std::string()};
  return json_reply(200, collection_body(ctx, out));
}

SimReply ServiceResources::single(const ServiceCall& call, const Target& target, const QueryOptions& query) {
  const SetResolver sets{call.service, catalog_.get()};
  const QueryPlan plan = plan_query(sets, *target.set, target.table, query, call.version);
  return json_reply(200, entity_body(write_context(call, query), plan, *target.row));
}

SimReply ServiceResources::serve(const ServiceCall& call) {
  const SetResolver sets{call.service, catalog_.get()};
  if (call.resource == "$metadata") {
    SimReply reply;
    reply.headers.emplace_back("Content-Type", "application/xml");
    reply.body = metadata_xml(sets, call.version, MetadataStyle{options_.metadata_omit_decimal_scale});
    return reply;
  }
  const QueryOptions query = parse_options(call.query_string, call.version);
  const std::string accept = to_lower_ascii(call.request->header("accept"));
  if (call.version == ODataVersion::v2 && query.format != "json" && accept.find("json") == std::string::npos)
    throw ODataError(406, std::string(kCodeSyntax),
                     "The simulator answers OData V2 in JSON only: add $format=json or Accept: application/json "
                     "(SAP answers Atom XML here)");
  if (call.resource.empty()) return json_reply(200, service_document(sets, call.version));
  const Target target = locate(call, sets);
  if (target.row) return single(call, target, query);
  const long n = ++collection_requests_;
  if (options_.faults.error_in_200_every > 0 && n % options_.faults.error_in_200_every == 0)
    return json_reply(200, error_body(call.version, "/IWBEP/CM_MGW_RT/000",
                                      "Internal error in the backend: the request was not processed "
                                      "(simulated error in an HTTP 200 reply)"));
  return collection(call, target, query);
}

}  // namespace o2c::sim::sap
