// connectors/oracle/oracle_query.cpp — q text, projection and URL.
#include "connectors/oracle/oracle_query.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "connectors/http/url.h"
#include "core/error.h"
#include "core/text.h"

namespace o2c::oracle {
namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_attribute(std::string_view text) {
  return !text.empty() && is_letter(text[0]) &&
         std::all_of(text.begin(), text.end(), [](char c) { return is_letter(c) || is_digit(c); });
}

Error mapping_error(const connectors::QuerySpec& query, const std::string& what) {
  return Error(Error::Kind::config, fmt::format("oracle: mapping for object {}: {}", query.object, what),
               ErrorContext::of_object(query.object));
}

// "" when parentheses balance and every '..' literal is closed, else why not.
std::string balance_problem(std::string_view text) {
  int depth = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '\'') quoted = false;   // '' reads as close + reopen: same result
      continue;
    }
    if (c == '\'') quoted = true;
    else if (c == '(') ++depth;
    else if (c == ')' && --depth < 0) return fmt::format("')' at offset {} closes nothing", i);
  }
  if (quoted) return "a string literal is not closed";
  if (depth != 0) return fmt::format("{} '(' not closed", depth);
  return {};
}

std::string attribute_of(const connectors::QuerySpec& query, std::string_view role, const std::string& name) {
  if (!is_attribute(name))
    throw mapping_error(query, fmt::format("{}: '{}' is not an attribute name such as {}", role, name,
                                           role == "id" ? "CustomerTransactionId" : "LastUpdateDate"));
  return name;
}

void push_unique(std::vector<std::string>& list, std::string name) {
  if (std::find(list.begin(), list.end(), name) == list.end()) list.push_back(std::move(name));
}

}  // namespace

std::string timestamp_literal(Timestamp t) {
  return fmt::format("'{}+00:00'", to_iso8601_seconds(std::chrono::floor<std::chrono::seconds>(t)).substr(0, 19));
}

std::string id_literal(std::string_view id) {
  if (!id.empty() && id.size() <= 19 && std::all_of(id.begin(), id.end(), is_digit)) return std::string(id);
  std::string out = "'";
  for (const char c : id) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string build_q(const connectors::QuerySpec& query, std::optional<Timestamp> since, std::string_view after_id) {
  const std::string id = attribute_of(query, "id", query.id_field);
  const std::string cursor = attribute_of(query, "cursor", query.cursor_field);
  std::vector<std::string> conditions;
  if (since) conditions.push_back(fmt::format("{} >= {}", cursor, timestamp_literal(*since)));
  if (!after_id.empty()) conditions.push_back(fmt::format("{} > {}", id, id_literal(after_id)));
  if (const std::string_view where = trim(query.where); !where.empty()) {
    if (const std::string why = balance_problem(where); !why.empty())
      throw mapping_error(query, fmt::format("where '{}': {}", where, why));
    conditions.push_back(fmt::format("({})", where));
  }
  return fmt::format("{}", fmt::join(conditions, " and "));
}

std::string expand_param(const connectors::QuerySpec& query) {
  for (const auto& child : query.expand)
    if (!is_attribute(child)) throw mapping_error(query, fmt::format("expand: '{}' is not a child resource name", child));
  return fmt::format("{}", fmt::join(query.expand, ","));
}

std::string fields_param(const connectors::QuerySpec& query) {
  std::vector<std::string> top;
  std::vector<std::pair<std::string, std::vector<std::string>>> children;
  for (const auto& child : query.expand) children.push_back({child, {}});
  for (const auto& path : query.fields) {
    const auto dot = path.find('.');
    if (dot == std::string::npos) {
      push_unique(top, attribute_of(query, "fields", path));
      continue;
    }
    const std::string head = path.substr(0, dot), tail = path.substr(dot + 1);
    const auto child = std::find_if(children.begin(), children.end(), [&](const auto& c) { return c.first == head; });
    if (child == children.end() || !is_attribute(tail))
      throw mapping_error(query, fmt::format("field '{}': Fusion items are flat; '{}' must be a child resource named in "
                                             "expand, read as child.Attribute", path, head));
    push_unique(child->second, tail);
  }
  if (top.empty()) return {};   // nothing named: every attribute
  push_unique(top, attribute_of(query, "id", query.id_field));
  push_unique(top, attribute_of(query, "cursor", query.cursor_field));
  std::string out = fmt::format("{}", fmt::join(top, ","));
  for (const auto& [name, attributes] : children)
    if (!attributes.empty()) out += fmt::format(";{}:{}", name, fmt::join(attributes, ","));
  return out;
}

std::string collection_url(std::string_view url, const connectors::QuerySpec& query, const PageRequest& page) {
  if (query.service.empty() || query.service.front() != '/')
    throw mapping_error(query, fmt::format("service: '{}' is not a resource path such as "
                                           "/fscmRestApi/resources/11.13.18.05/receivablesInvoices", query.service));
  http::QueryParams params{{"onlyData", "true"},
                           {"totalResults", "true"},
                           {"limit", std::to_string(page.limit)},
                           {"offset", std::to_string(page.offset)},
                           {"orderBy", attribute_of(query, "id", query.id_field) + ":asc"}};
  if (!page.fields.empty()) params.emplace_back("fields", page.fields);
  if (!page.q.empty()) params.emplace_back("q", page.q);
  if (!page.expand.empty()) params.emplace_back("expand", page.expand);
  std::string service = query.service;
  while (service.size() > 1 && service.back() == '/') service.pop_back();
  return http::make_url(url, service, params);
}

}  // namespace o2c::oracle
