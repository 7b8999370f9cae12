#include "sim/oracle/oracle_json.h"

#include <algorithm>

#include <fmt/format.h>

#include "sim/oracle/oracle_value.h"
#include "sim/sim_json.h"

namespace o2c::sim::oracle {

namespace {

std::string_view status_title(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 429: return "Too Many Requests";
    default: return "Internal Server Error";
  }
}

bool all_digits(std::string_view s) {
  return !s.empty() && s.size() <= 18 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void append_link(std::string& out, std::string_view rel, std::string_view href, std::string_view name,
                 std::string_view kind) {
  out += "{\"rel\":";
  append_json_string(out, rel);
  out += ",\"href\":";
  append_json_string(out, href);
  out += ",\"name\":";
  append_json_string(out, name);
  out += ",\"kind\":";
  append_json_string(out, kind);
  out += '}';
}

void append_attributes(std::string& out, const SimTable& table, std::size_t row,
                       const std::vector<const Attribute*>& attributes, bool& first) {
  for (const Attribute* a : attributes) {
    if (!first) out += ',';
    first = false;
    append_json_string(out, a->name);
    out += ':';
    append_value(out, table.value(row, a->column), a->type);
  }
}

void append_child_rows(std::string& out, const ExpandedChild& e, const std::string& parent_key, bool only_data,
                       const std::string& parent_href) {
  out += '[';
  const auto it = e.index->find(parent_key);
  if (it != e.index->end()) {
    bool first_row = true;
    for (const std::size_t row : it->second) {
      if (!first_row) out += ',';
      first_row = false;
      out += '{';
      bool first = true;
      append_attributes(out, *e.child->table, row, e.attributes, first);
      if (!only_data) {
        out += first ? "" : ",";
        out += "\"links\":[";
        append_link(out, "parent", parent_href, e.child->spec->name, "item");
        out += ']';
      }
      out += '}';
    }
  }
  out += ']';
}

}  // namespace

void append_value(std::string& out, const SimValue& value, AttrType type) {
  if (std::holds_alternative<std::monostate>(value)) {
    out += "null";
  } else if (const auto* b = std::get_if<bool>(&value)) {
    out += *b ? "true" : "false";
  } else if (const auto* d = std::get_if<Decimal>(&value); d && type != AttrType::number_text) {
    out += d->text;   // exact decimal text as a JSON number
  } else if (const auto* s = std::get_if<std::string>(&value); s && type == AttrType::integer && all_digits(*s)) {
    out += *s;
  } else {
    append_json_string(out, cell_text(value));
  }
}

ChildIndex index_children(const BoundChild& child) {
  ChildIndex index;
  for (std::size_t row = 0; row < child.table->size(); ++row) {
    const SimValue key = child.table->value(row, child.parent_key_column);
    if (!std::holds_alternative<std::monostate>(key)) index[cell_text(key)].push_back(row);
  }
  return index;
}

std::string item_json(const ItemShape& shape, std::size_t row) {
  const SimTable& table = *shape.resource->table;
  std::string out = "{";
  bool first = true;
  append_attributes(out, table, row, shape.attributes, first);
  const std::string key = cell_text(table.value(row, 0));
  const std::string self = shape.base_href + "/" + key;
  for (const ExpandedChild& e : shape.children) {
    if (!first) out += ',';
    first = false;
    append_json_string(out, e.child->spec->name);
    out += ':';
    append_child_rows(out, e, key, shape.only_data, self);
  }
  if (!shape.only_data) {
    if (!first) out += ',';
    out += "\"links\":[";
    append_link(out, "self", self, shape.resource->spec->name, "item");
    out += ',';
    append_link(out, "canonical", self, shape.resource->spec->name, "item");
    for (const BoundChild& c : shape.resource->children) {
      out += ',';
      append_link(out, "child", self + "/child/" + c.spec->name, c.spec->name, "collection");
    }
    out += ']';
  }
  out += '}';
  return out;
}

std::string collection_json(const Envelope& e) {
  std::string out = "{\"items\":[";
  const std::size_t count = e.items ? e.items->size() : 0;
  for (std::size_t i = 0; i < count; ++i) {
    if (i) out += ',';
    out += (*e.items)[i];
  }
  out += fmt::format("],\"count\":{},\"hasMore\":{},\"limit\":{},\"offset\":{}", count, e.has_more ? "true" : "false",
                     e.limit, e.offset);
  if (e.total) out += fmt::format(",\"totalResults\":{}", *e.total);
  out += ",\"links\":[";
  append_link(out, "self", e.self_href, e.name, "collection");
  out += "]}";
  return out;
}

SimReply json_error_reply(int status, std::string_view detail, std::string_view error_code) {
  std::string body = "{\"title\":";
  append_json_string(body, status_title(status));
  body += fmt::format(",\"status\":\"{}\",\"o:errorDetails\":[{{\"detail\":", status);
  append_json_string(body, detail);
  body += ",\"o:errorCode\":";
  append_json_string(body, error_code);
  body += "}]}";
  return SimReply{status, {{"Content-Type", std::string(kErrorType)}}, std::move(body)};
}

SimReply error_reply(int status, int framework_version, std::string_view detail, std::string_view error_code,
                     std::string_view error_path) {
  if (framework_version < 4) return SimReply{status, {{"Content-Type", "text/plain;charset=UTF-8"}}, std::string(detail)};
  SimReply reply = json_error_reply(status, detail, error_code);
  if (!error_path.empty()) {
    reply.body.resize(reply.body.size() - 3);   // drop "}]}"
    reply.body += ",\"o:errorPath\":";
    append_json_string(reply.body, error_path);
    reply.body += "}]}";
  }
  return reply;
}

}  // namespace o2c::sim::oracle
