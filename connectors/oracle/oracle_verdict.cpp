// connectors/oracle/oracle_verdict.cpp — classification of Fusion REST
// answers (STYLE.md 2.3: the connector classifies, connectors/http retries).
#include "connectors/oracle/oracle_verdict.h"

#include <simdjson.h>

#include <fmt/format.h>

#include "core/text.h"

namespace o2c::oracle {

OracleError oracle_error(const http::Response& response) {
  if (!response.is_json()) {   // framework versions 1-3 answer errors as plain text
    std::string text(trim(std::string_view(response.body).substr(0, 1000)));
    for (char& c : text)
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
    return OracleError{std::move(text), {}};
  }
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(response.body.data(), response.body.size()).get(root)) return {};
  OracleError out;
  std::string_view text;
  simdjson::dom::array details;
  if (!root["o:errorDetails"].get_array().get(details) && details.size() > 0) {
    simdjson::dom::object first;
    if (!details.at(0).get_object().get(first)) {
      if (!first["detail"].get_string().get(text)) out.detail = text;
      if (!first["o:errorCode"].get_string().get(text)) out.code = text;
    }
  }
  if (out.detail.empty() && !root["detail"].get_string().get(text)) out.detail = text;
  if (out.detail.empty() && !root["title"].get_string().get(text)) out.detail = text;
  return out;
}

http::Verdict oracle_verdict(const http::Response& response, bool bearer) {
  const int status = response.status;
  if (status >= 200 && status < 300) return response.is_json() ? http::Verdict::ok : http::Verdict::retry;
  if (status == 408 || status == 429 || (status >= 500 && status < 600)) return http::Verdict::retry;
  if (status == 401) return bearer ? http::Verdict::refresh_auth : http::Verdict::fail;
  return http::Verdict::fail;
}

std::string describe_answer(const http::Response& response) {
  const std::string_view type = response.header("content-type");
  if (response.status >= 300 && type.find("html") == std::string_view::npos) {
    const OracleError e = oracle_error(response);
    if (!e.detail.empty())
      return fmt::format("HTTP {}{}: {}", response.status, e.code.empty() ? "" : " " + e.code,
                         e.detail.substr(0, 500));
  }
  http::Response shown;
  shown.body = response.body;
  if (type.find("html") != std::string_view::npos)  // start at the page title: it says what the page is
    if (const auto title = to_lower_ascii(response.body.substr(0, 4096)).find("<title"); title != std::string::npos)
      shown.body = response.body.substr(title);
  return fmt::format("got {} (HTTP {}): {}", type.empty() ? "no Content-Type" : type, response.status,
                     shown.excerpt());
}

http::Verdict classify_collection_answer(const http::Response& response, bool bearer, std::string_view id_field,
                                         std::string_view cursor_field, CollectionPage& page, std::string& problem) {
  const http::Verdict verdict = oracle_verdict(response, bearer);
  if (verdict != http::Verdict::ok) {
    problem = describe_answer(response);
    return verdict;
  }
  std::optional<CollectionPage> cut = cut_collection_page(response.body, id_field, cursor_field, problem);
  if (!cut) return http::Verdict::retry;
  page = std::move(*cut);
  problem.clear();
  return http::Verdict::ok;
}

}  // namespace o2c::oracle
