// connectors/netsuite/netsuite_verdict.cpp — classification of SuiteTalk REST
// answers (STYLE.md 2.3: the connector classifies, connectors/http retries).
#include "connectors/netsuite/netsuite_verdict.h"

#include <simdjson.h>

#include <fmt/format.h>

#include "core/text.h"

namespace o2c::netsuite {

NetSuiteError netsuite_error(std::string_view body) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(body.data(), body.size()).get(root)) return {};
  simdjson::dom::array details;
  if (root["o:errorDetails"].get_array().get(details) || details.size() == 0) return {};
  simdjson::dom::object first;
  if (details.at(0).get_object().get(first)) return {};
  std::string_view code, detail;
  if (first["o:errorCode"].get_string().get(code)) code = {};
  if (first["detail"].get_string().get(detail)) detail = {};
  return NetSuiteError{std::string(code), std::string(detail)};
}

http::Verdict netsuite_verdict(const http::Response& response) {
  const int status = response.status;
  if (status >= 200 && status < 300) return response.is_json() ? http::Verdict::ok : http::Verdict::retry;
  if (status == 408 || status == 429 || (status >= 500 && status < 600)) return http::Verdict::retry;
  if (netsuite_error(response.body).code == "CONCURRENCY_LIMIT_EXCEEDED") return http::Verdict::retry;
  return http::Verdict::fail;
}

std::string describe_answer(const http::Response& response) {
  if (response.is_json()) {
    if (const NetSuiteError e = netsuite_error(response.body); !e.code.empty() || !e.detail.empty())
      return fmt::format("HTTP {} {}: {}", response.status, e.code, e.detail.substr(0, 300));
  }
  const std::string_view type = response.header("content-type");
  http::Response shown;
  shown.body = response.body;
  if (type.find("html") != std::string_view::npos)  // start at the page title: it says what the page is
    if (const auto title = to_lower_ascii(response.body.substr(0, 4096)).find("<title"); title != std::string::npos)
      shown.body = response.body.substr(title);
  return fmt::format("got {} (HTTP {}): {}", type.empty() ? "no Content-Type" : type, response.status,
                     shown.excerpt());
}

http::Verdict classify_suiteql_answer(const http::Response& response, const AccountTimeZone& zone, SuiteqlPage& page,
                                      std::string& problem) {
  const http::Verdict verdict = netsuite_verdict(response);
  if (verdict != http::Verdict::ok) {
    problem = describe_answer(response);
    return verdict;
  }
  std::optional<SuiteqlPage> cut = cut_suiteql_page(response.body, zone, problem);
  if (!cut) return http::Verdict::retry;
  page = std::move(*cut);
  problem.clear();
  return http::Verdict::ok;
}

}  // namespace o2c::netsuite
