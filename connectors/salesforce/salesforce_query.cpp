// connectors/salesforce/salesforce_query.cpp — SOQL text and its URL. Every
// piece that does not come from the admin's own where clause is checked
// against a strict shape first, so nothing read from a cursor or a server
// answer can change the meaning of the query.
#include "connectors/salesforce/salesforce_query.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "connectors/http/url.h"
#include "core/error.h"
#include "core/text.h"

namespace o2c::salesforce {
namespace {

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// "" when the where clause has balanced parentheses and closed string
// literals (so wrapping it in parentheses keeps it one condition), else why not.
std::string where_problem(std::string_view where) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < where.size(); ++i) {
    const char c = where[i];
    if (in_string) {
      if (c == '\\') ++i;  // SOQL escapes inside literals: \' \\ \n ...
      else if (c == '\'') in_string = false;
      continue;
    }
    if (c == '\'') in_string = true;
    else if (c == '(') ++depth;
    else if (c == ')' && --depth < 0) return fmt::format("')' at offset {} closes nothing", i);
  }
  if (in_string) return "a string literal is not closed";
  if (depth != 0) return fmt::format("{} '(' not closed", depth);
  return {};
}

Error query_error(const connectors::QuerySpec& query, const std::string& what) {
  return Error(Error::Kind::config, fmt::format("salesforce: mapping for object {}: {}", query.object, what),
               ErrorContext::of_object(query.object));
}

}  // namespace

bool is_salesforce_id(std::string_view text) {
  return (text.size() == 15 || text.size() == 18) && std::all_of(text.begin(), text.end(), is_alnum);
}

bool is_soql_identifier(std::string_view text) {
  if (text.empty() || text.size() > 255) return false;
  const char first = text[0];
  if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) return false;
  return std::all_of(text.begin(), text.end(), [](char c) { return is_alnum(c) || c == '_'; });
}

bool is_soql_field_path(std::string_view text) {
  while (true) {
    const std::size_t dot = text.find('.');
    if (!is_soql_identifier(text.substr(0, dot))) return false;
    if (dot == std::string_view::npos) return true;
    text.remove_prefix(dot + 1);
  }
}

std::string id_field_of(const connectors::QuerySpec& query) { return query.id_field.empty() ? "Id" : query.id_field; }

std::string modstamp_field_of(const connectors::QuerySpec& query) {
  return query.cursor_field.empty() ? "SystemModstamp" : query.cursor_field;
}

std::string build_soql(const connectors::QuerySpec& query, std::optional<Timestamp> since, std::string_view after_id) {
  if (!is_soql_identifier(query.object))
    throw query_error(query, fmt::format("object '{}' is not a Salesforce object name", query.object));
  const std::string id = id_field_of(query), modstamp = modstamp_field_of(query);
  for (const auto& key : {id, modstamp})
    if (!is_soql_identifier(key)) throw query_error(query, fmt::format("'{}' is not a Salesforce field name", key));

  std::vector<std::string> fields{id, modstamp};
  for (const auto& f : query.fields) {
    if (!is_soql_field_path(f)) throw query_error(query, fmt::format("'{}' is not a Salesforce field path", f));
    const std::string lower = to_lower_ascii(f);
    const auto same = [&lower](const std::string& have) { return to_lower_ascii(have) == lower; };
    if (std::none_of(fields.begin(), fields.end(), same)) fields.push_back(f);
  }

  std::vector<std::string> conditions;
  if (since) conditions.push_back(fmt::format("{} >= {}", modstamp, to_iso8601_seconds(*since)));
  if (!after_id.empty()) {
    if (!is_salesforce_id(after_id))
      throw Error(Error::Kind::store,
                  fmt::format("salesforce: {}: stored cursor id '{}' is not a Salesforce record id",
                              query.object, after_id.substr(0, 40)),
                  ErrorContext::of_object(query.object));
    conditions.push_back(fmt::format("{} > '{}'", id, after_id));
  }
  if (!trim(query.where).empty()) {
    if (const std::string why = where_problem(query.where); !why.empty())
      throw query_error(query, fmt::format("where clause '{}': {}", query.where, why));
    conditions.push_back(fmt::format("({})", trim(query.where)));
  }

  std::string soql = fmt::format("SELECT {} FROM {}", fmt::join(fields, ", "), query.object);
  if (!conditions.empty()) soql += fmt::format(" WHERE {}", fmt::join(conditions, " AND "));
  soql += fmt::format(" ORDER BY {} ASC", id);
  return soql;
}

std::string soql_url(std::string_view base, std::string_view api_version, bool include_deleted,
                     std::string_view soql, std::string_view object) {
  while (!base.empty() && base.back() == '/') base.remove_suffix(1);
  const std::string path =
      fmt::format("/services/data/v{}/{}", api_version, include_deleted ? "queryAll" : "query");
  std::string url = http::make_url(base, path, {{"q", std::string(soql)}});
  if (url.size() > kMaxUrlBytes)
    throw Error(Error::Kind::config,
                fmt::format("salesforce: mapping for object {}: the query URL would be {} bytes, over the {} bytes "
                            "Salesforce accepts in a GET (414 URI Too Long); shorten the mapping's where clause or "
                            "field list",
                            object, url.size(), kMaxUrlBytes),
                ErrorContext::of_object(std::string(object)));
  return url;
}

}  // namespace o2c::salesforce
