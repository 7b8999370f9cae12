// connectors/sap/sap_verdict.cpp — classification of SAP OData answers
// (STYLE.md 2.3: the connector classifies, connectors/http retries).
#include "connectors/sap/sap_verdict.h"

#include <simdjson.h>

#include <fmt/format.h>

#include "core/text.h"

namespace o2c::sap {

SapError sap_error(std::string_view body) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(body.data(), body.size()).get(root)) return {};
  simdjson::dom::object error;
  if (root["error"].get_object().get(error)) return {};
  std::string_view code, message;
  if (error["code"].get_string().get(code)) code = {};
  simdjson::dom::element m;
  if (!error["message"].get(m) && m.get_string().get(message) && m["value"].get_string().get(message)) message = {};
  return SapError{std::string(code), std::string(message)};
}

http::Verdict sap_verdict(const http::Response& response, bool bearer) {
  const int status = response.status;
  if (status >= 200 && status < 300) return response.is_json() ? http::Verdict::ok : http::Verdict::retry;
  if (status == 401) return bearer ? http::Verdict::refresh_auth : http::Verdict::fail;
  if (status == 408 || status == 429 || (status >= 500 && status < 600)) return http::Verdict::retry;
  return http::Verdict::fail;
}

std::string describe_answer(const http::Response& response) {
  if (response.is_json()) {
    if (const SapError e = sap_error(response.body); !e.code.empty() || !e.message.empty())
      return fmt::format("HTTP {} {}: {}", response.status, e.code, e.message.substr(0, 300));
  }
  const std::string_view type = response.header("content-type");
  http::Response shown;
  shown.body = response.body;
  if (type.find("html") != std::string_view::npos)   // start at the page title: it says what the page is
    if (const auto title = to_lower_ascii(response.body.substr(0, 4096)).find("<title"); title != std::string::npos)
      shown.body = response.body.substr(title);
  return fmt::format("got {} (HTTP {}): {}", type.empty() ? "no Content-Type" : type, response.status, shown.excerpt());
}

http::Verdict classify_page_answer(const http::Response& response, Protocol protocol, const RecordKeys& keys,
                                   bool bearer, ODataPage& page, std::string& problem) {
  const http::Verdict verdict = sap_verdict(response, bearer);
  if (verdict != http::Verdict::ok) {
    problem = describe_answer(response);
    return verdict;
  }
  std::optional<ODataPage> cut = cut_odata_page(response.body, protocol, keys, problem);
  if (!cut) return http::Verdict::retry;
  page = std::move(*cut);
  problem.clear();
  return http::Verdict::ok;
}

}  // namespace o2c::sap
