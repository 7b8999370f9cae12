// connectors/netsuite/netsuite_query.cpp — SuiteQL text, body and URL. The
// id and cursor expressions must be plain column references and a keyset id
// must be all digits, so nothing read from a cursor or an answer can change
// the meaning of a query; the admin's select, from and where are checked for
// balanced parentheses and closed literals before they are wrapped.
#include "connectors/netsuite/netsuite_query.h"

#include <algorithm>
#include <vector>

#include <boost/json.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "connectors/http/url.h"
#include "core/error.h"
#include "core/text.h"

namespace o2c::netsuite {
namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_identifier(std::string_view text) {
  return !text.empty() && is_letter(text[0]) &&
         std::all_of(text.begin(), text.end(), [](char c) { return is_letter(c) || is_digit(c); });
}

// "t.id" or "id".
bool is_column_ref(std::string_view text) {
  const std::size_t dot = text.find('.');
  if (dot == std::string_view::npos) return is_identifier(text);
  return is_identifier(text.substr(0, dot)) && is_identifier(text.substr(dot + 1));
}

// "" when parentheses balance and every '..' literal and ".." identifier is
// closed (so the text stays one expression once wrapped), else why not.
std::string balance_problem(std::string_view text) {
  int depth = 0;
  char quote = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quote) {
      if (c == quote) quote = 0;  // '' inside a literal reads as close + reopen: same result
      continue;
    }
    if (c == '\'' || c == '"') quote = c;
    else if (c == '(') ++depth;
    else if (c == ')' && --depth < 0) return fmt::format("')' at offset {} closes nothing", i);
  }
  if (quote) return quote == '\'' ? "a string literal is not closed" : "a quoted identifier is not closed";
  if (depth != 0) return fmt::format("{} '(' not closed", depth);
  return {};
}

Error mapping_error(const connectors::QuerySpec& query, const std::string& what) {
  return Error(Error::Kind::config, fmt::format("netsuite: mapping for object {}: {}", query.object, what),
               ErrorContext::of_object(query.object));
}

void check_balanced(const connectors::QuerySpec& query, std::string_view part, std::string_view text) {
  if (const std::string why = balance_problem(text); !why.empty())
    throw mapping_error(query, fmt::format("{} '{}': {}", part, text, why));
}

}  // namespace

bool is_netsuite_id(std::string_view text) {
  return !text.empty() && text.size() <= 19 && std::all_of(text.begin(), text.end(), is_digit);
}

std::string build_suiteql(const connectors::QuerySpec& query, std::optional<Timestamp> since,
                          std::string_view after_id, const AccountTimeZone& zone) {
  const std::string id = query.id_field.empty() ? "t.id" : query.id_field;
  const std::string& modstamp = query.cursor_field;
  for (const auto& [role, column] : {std::pair{"id", id}, std::pair{"cursor", modstamp}})
    if (!is_column_ref(column))
      throw mapping_error(query, fmt::format("{}: '{}' is not a column such as t.lastmodifieddate", role, column));
  const std::string from = std::string(trim(query.from.empty() ? query.object : query.from));
  if (from.empty()) throw mapping_error(query, "from: missing");
  check_balanced(query, "from", from);

  std::vector<std::string> columns{fmt::format("{} AS {}", id, kIdAlias),
                                   fmt::format("TO_CHAR({}, 'YYYY-MM-DD HH24:MI:SS') AS {}", modstamp, kModifiedAlias)};
  for (const auto& [alias, expression] : query.select) {
    if (!is_identifier(alias) || to_lower_ascii(alias) == kIdAlias || to_lower_ascii(alias) == kModifiedAlias)
      throw mapping_error(query, fmt::format("select: '{}' cannot be a column alias", alias));
    if (trim(expression).empty()) throw mapping_error(query, fmt::format("select.{}: empty expression", alias));
    check_balanced(query, fmt::format("select.{}", alias), expression);
    columns.push_back(fmt::format("{} AS {}", trim(expression), alias));
  }

  std::vector<std::string> conditions;
  if (!trim(query.where).empty()) {
    check_balanced(query, "where", query.where);
    conditions.push_back(fmt::format("({})", trim(query.where)));
  }
  if (since)
    conditions.push_back(
        fmt::format("{} >= TO_DATE('{}', 'YYYY-MM-DD HH24:MI:SS')", modstamp, zone.lower_bound_text(*since)));
  if (!after_id.empty()) {
    if (!is_netsuite_id(after_id))
      throw Error(Error::Kind::store,
                  fmt::format("netsuite: {}: stored cursor id '{}' is not a NetSuite internal id", query.object,
                              after_id.substr(0, 40)),
                  ErrorContext::of_object(query.object));
    conditions.push_back(fmt::format("{} > {}", id, after_id));
  }
  if (conditions.empty()) conditions.push_back("1 = 1");
  return fmt::format("SELECT {} FROM {} WHERE {} ORDER BY {} ASC", fmt::join(columns, ", "), from,
                     fmt::join(conditions, " AND "), id);
}

std::string suiteql_body(std::string_view suiteql) {
  boost::json::object body;
  body["q"] = suiteql;
  return boost::json::serialize(body);
}

std::string suiteql_url(std::string_view base, int limit, long offset) {
  while (!base.empty() && base.back() == '/') base.remove_suffix(1);
  return http::make_url(base, kSuiteqlPath,
                        {{"limit", std::to_string(limit)}, {"offset", std::to_string(offset)}});
}

}  // namespace o2c::netsuite
