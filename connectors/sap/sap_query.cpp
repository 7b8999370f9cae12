// connectors/sap/sap_query.cpp — $filter text and URLs. Every piece that does
// not come from the admin's own where clause is checked against a strict
// shape first, so nothing read from a cursor or a server answer can change
// the meaning of a query; a next link is followed only on the same origin.
#include "connectors/sap/sap_query.h"

#include <algorithm>
#include <vector>

#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "connectors/http/url.h"
#include "core/error.h"
#include "core/text.h"

namespace o2c::sap {
namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

Error mapping_error(const connectors::QuerySpec& query, const std::string& what) {
  return Error(Error::Kind::config, fmt::format("sap: mapping for object {}: {}", query.object, what),
               ErrorContext::of_object(query.object));
}

// "" when parentheses balance and every '..' literal is closed (so the text stays one condition once wrapped).
std::string balance_problem(std::string_view text) {
  int depth = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\'') quoted = !quoted;   // '' inside a literal closes and reopens: same result
    else if (quoted) continue;
    else if (c == '(') ++depth;
    else if (c == ')' && --depth < 0) return fmt::format("')' at offset {} closes nothing", i);
  }
  if (quoted) return "a string literal is not closed";
  if (depth != 0) return fmt::format("{} '(' not closed", depth);
  return {};
}

std::string quoted(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

// "to_Item.NetAmount" → "to_Item/NetAmount"; "" when a segment is not an OData identifier.
std::string select_path(std::string_view path) {
  std::string out;
  while (true) {
    const std::size_t dot = path.find('.');
    const std::string_view part = path.substr(0, dot);
    if (!is_odata_identifier(part)) return {};
    out += part;
    if (dot == std::string_view::npos) return out;
    out += '/';
    path.remove_prefix(dot + 1);
  }
}

std::string select_list(const connectors::QuerySpec& query, Protocol protocol) {
  std::vector<std::string> items;
  const auto add = [&items](std::string item) {
    if (std::find(items.begin(), items.end(), item) == items.end()) items.push_back(std::move(item));
  };
  for (const auto& field : query.fields) {
    const std::string path = select_path(field);
    if (path.empty()) throw mapping_error(query, fmt::format("'{}' is not an OData property path", field));
    const std::string head = path.substr(0, path.find('/'));
    const bool expanded = std::find(query.expand.begin(), query.expand.end(), head) != query.expand.end();
    if (expanded) continue;   // the expansion brings the whole navigation property
    if (head != path) throw mapping_error(query, fmt::format("'{}' reads into {} which is not in expand", field, head));
    add(path);
  }
  if (protocol == Protocol::v2)   // V2 writes an expanded navigation only when it is selected too
    for (const auto& nav : query.expand) add(nav);
  return fmt::format("{}", fmt::join(items, ","));
}

}  // namespace

const char* to_string(Protocol protocol) { return protocol == Protocol::v2 ? "OData V2" : "OData V4"; }

Protocol protocol_of(std::string_view odata_version, const connectors::QuerySpec& query) {
  if (odata_version == "v2") return Protocol::v2;
  if (odata_version == "v4") return Protocol::v4;
  return query.service.find("/sap/opu/odata4/") != std::string::npos ? Protocol::v4 : Protocol::v2;
}

bool is_odata_identifier(std::string_view text) {
  return !text.empty() && text.size() <= 128 && is_letter(text[0]) &&
         std::all_of(text.begin(), text.end(), [](char c) { return is_letter(c) || is_digit(c); });
}

int compare_keys(std::string_view a, std::string_view b) {
  const auto digits = [](std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_digit); };
  if (digits(a) && digits(b)) {
    while (a.size() > 1 && a.front() == '0') a.remove_prefix(1);
    while (b.size() > 1 && b.front() == '0') b.remove_prefix(1);
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  }
  const int c = a.compare(b);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

std::string build_filter(const connectors::QuerySpec& query, Protocol protocol, std::optional<Timestamp> since,
                         std::string_view after_id) {
  for (const auto& [role, field] : {std::pair{"id", query.id_field}, std::pair{"cursor", query.cursor_field}})
    if (!is_odata_identifier(field))
      throw mapping_error(query, fmt::format("{}: '{}' is not an OData property name such as {}", role, field,
                                             std::string_view(role) == "id" ? "BillingDocument" : "LastChangeDateTime"));
  std::vector<std::string> conditions;
  if (!trim(query.where).empty()) {
    if (const std::string why = balance_problem(query.where); !why.empty())
      throw mapping_error(query, fmt::format("where '{}': {}", query.where, why));
    conditions.push_back(fmt::format("({})", trim(query.where)));
  }
  if (since) {
    const std::string at = to_iso8601_seconds(*since);
    conditions.push_back(protocol == Protocol::v2 ? fmt::format("{} ge datetimeoffset'{}'", query.cursor_field, at)
                                                  : fmt::format("{} ge {}", query.cursor_field, at));
  }
  if (!after_id.empty()) {
    const bool printable = std::all_of(after_id.begin(), after_id.end(), [](char c) {
      return static_cast<unsigned char>(c) >= 0x20 && c != 0x7f;
    });
    if (!printable || after_id.size() > 128)
      throw Error(Error::Kind::store,
                  fmt::format("sap: {}: stored cursor id '{}' is not an SAP key", query.object, after_id.substr(0, 40)),
                  ErrorContext::of_object(query.object));
    conditions.push_back(fmt::format("{} gt {}", query.id_field, quoted(after_id)));
  }
  return fmt::format("{}", fmt::join(conditions, " and "));
}

QueryUrl build_query_url(std::string_view base, std::string_view sap_client, const connectors::QuerySpec& query,
                         Protocol protocol, std::optional<Timestamp> since, std::string_view after_id, int top) {
  if (query.service.empty() || query.service.front() != '/')
    throw mapping_error(query, fmt::format("service: '{}' is not an OData service path such as "
                                           "/sap/opu/odata/sap/API_BILLING_DOCUMENT_SRV", query.service));
  if (!is_odata_identifier(query.object))
    throw mapping_error(query, fmt::format("object: '{}' is not an OData entity set name", query.object));
  for (const auto& nav : query.expand)
    if (!is_odata_identifier(nav)) throw mapping_error(query, fmt::format("expand: '{}' is not a navigation property", nav));
  std::string service = query.service;
  while (!service.empty() && service.back() == '/') service.pop_back();
  QueryUrl out;
  out.path = service + "/" + query.object;
  std::vector<std::pair<std::string, std::string>> params;
  if (!sap_client.empty()) params.emplace_back("sap-client", std::string(sap_client));
  if (protocol == Protocol::v2) params.emplace_back("$format", "json");
  if (const std::string select = select_list(query, protocol); !select.empty()) params.emplace_back("$select", select);
  if (const std::string filter = build_filter(query, protocol, since, after_id); !filter.empty())
    params.emplace_back("$filter", filter);
  params.emplace_back("$orderby", query.id_field + " asc");
  params.emplace_back("$top", std::to_string(top));
  if (protocol == Protocol::v2) params.emplace_back("$inlinecount", "allpages");
  else params.emplace_back("$count", "true");
  if (!query.expand.empty()) params.emplace_back("$expand", fmt::format("{}", fmt::join(query.expand, ",")));
  std::string b(base);
  while (!b.empty() && b.back() == '/') b.pop_back();
  out.url = b + out.path + "?";
  for (std::size_t i = 0; i < params.size(); ++i)   // names as written ($filter, not %24filter), values encoded
    out.url += (i ? "&" : "") + params[i].first + "=" + http::percent_encode(params[i].second);
  return out;
}

std::string next_url(std::string_view request_url, std::string_view next, std::string_view sap_client,
                     std::string_view object) {
  const auto fail = [&](std::string_view why) {
    return Error(Error::Kind::remote,
                 fmt::format("sap: {}: next link '{}' {}", object, next.substr(0, 300), why), ErrorContext::of_object(std::string(object)));
  };
  const auto base = boost::urls::parse_absolute_uri(request_url);
  const auto reference = boost::urls::parse_uri_reference(next);
  if (!base || !reference || next.empty()) throw fail("is not a URL");
  std::string url;
  if (reference->has_scheme()) {
    url = std::string(next);
  } else {
    boost::urls::url resolved;
    if (!boost::urls::resolve(*base, *reference, resolved)) throw fail("cannot be resolved against the request URL");
    url = std::string(resolved.buffer());
  }
  http::UrlParts to, from;
  try {
    to = http::split_url(url);
    from = http::split_url(request_url);
  } catch (const Error&) {
    throw fail("is not an absolute http(s) URL");
  }
  if (to.scheme != from.scheme || to.host != from.host || to.effective_port() != from.effective_port())
    throw fail(fmt::format("points to another origin ({}://{} instead of {}://{}); refusing to send credentials there",
                           to.scheme, to.host_port(), from.scheme, from.host_port()));
  if (!sap_client.empty()) {
    const bool has_client = std::any_of(to.query.begin(), to.query.end(),
                                        [](const auto& p) { return p.first == "sap-client"; });
    if (!has_client) url += fmt::format("{}sap-client={}", url.find('?') == std::string::npos ? "?" : "&", sap_client);
  }
  return url;
}

}  // namespace o2c::sap
