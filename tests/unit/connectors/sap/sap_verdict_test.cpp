// What an SAP answer means to the retry loop, and what an error says.
#include <gtest/gtest.h>

#include "connectors/sap/sap_verdict.h"

namespace o2c::sap {
namespace {

http::Response answer(int status, std::string body, std::string type = "application/json; charset=utf-8") {
  http::Response r;
  r.status = status;
  r.body = std::move(body);
  r.headers.push_back({"content-type", std::move(type)});
  return r;
}

TEST(SapVerdict, StatusClasses) {
  EXPECT_EQ(sap_verdict(answer(200, "{}"), false), http::Verdict::ok);
  EXPECT_EQ(sap_verdict(answer(200, "<html/>", "text/html"), false), http::Verdict::retry);
  EXPECT_EQ(sap_verdict(answer(401, "", "text/html"), false), http::Verdict::fail);
  EXPECT_EQ(sap_verdict(answer(401, "", "text/html"), true), http::Verdict::refresh_auth);
  for (int s : {408, 429, 500, 502, 503, 504}) EXPECT_EQ(sap_verdict(answer(s, ""), false), http::Verdict::retry) << s;
  for (int s : {301, 400, 403, 404, 405, 406}) EXPECT_EQ(sap_verdict(answer(s, ""), false), http::Verdict::fail) << s;
}

TEST(SapVerdict, ErrorBodiesOfBothVersions) {
  const SapError v2 = sap_error(
      R"({"error":{"code":"005056A509B11EE1B9A8FEC11C21D78E","message":{"lang":"en","value":"Resource not found for the segment 'Address2'."},"innererror":{}}})");
  EXPECT_EQ(v2.code, "005056A509B11EE1B9A8FEC11C21D78E");
  EXPECT_EQ(v2.message, "Resource not found for the segment 'Address2'.");
  const SapError v4 = sap_error(R"({"error":{"code":"X","message":"Invalid $filter","target":"$filter"}})");
  EXPECT_EQ(v4.message, "Invalid $filter");
  EXPECT_EQ(sap_error("[1]").code, "");
  EXPECT_EQ(describe_answer(answer(404, R"({"error":{"code":"C","message":{"value":"gone"}}})")), "HTTP 404 C: gone");
  EXPECT_EQ(describe_answer(answer(200, "<html><head><title>Logon</title></head></html>", "text/html")),
            "got text/html (HTTP 200): <title>Logon</title></head></html>");
}

TEST(SapVerdict, ErrorInA200IsRetriedWithItsMessage) {
  ODataPage page;
  std::string problem;
  const auto r = answer(200, R"({"error":{"code":"C","message":{"lang":"en","value":"backend busy"}}})");
  EXPECT_EQ(classify_page_answer(r, Protocol::v2, {"Id", "M"}, false, page, problem), http::Verdict::retry);
  EXPECT_NE(problem.find("backend busy"), std::string::npos);
  const auto ok = answer(200, R"({"d":{"results":[],"__count":"0"}})");
  EXPECT_EQ(classify_page_answer(ok, Protocol::v2, {"Id", "M"}, false, page, problem), http::Verdict::ok);
  EXPECT_EQ(problem, "");
  EXPECT_EQ(page.count, 0);
}

}  // namespace
}  // namespace o2c::sap
