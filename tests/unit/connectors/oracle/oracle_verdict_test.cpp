// tests/unit/connectors/oracle/oracle_verdict_test.cpp — how Fusion answers
// are classified: 2xx JSON ok, HTML or cut bodies retried, 408/429/5xx
// retried, 401 refreshed only for bearer tokens, other 4xx fail; and the
// detail read from both error body forms.
#include <gtest/gtest.h>

#include "connectors/oracle/oracle_verdict.h"

namespace o2c::oracle {
namespace {

http::Response answer(int status, std::string type, std::string body) {
  http::Response r;
  r.status = status;
  if (!type.empty()) r.headers.push_back({"content-type", std::move(type)});
  r.body = std::move(body);
  return r;
}

TEST(OracleVerdict, StatusesMapToWhatTheClientDoes) {
  using V = http::Verdict;
  const std::string json = "application/vnd.oracle.adf.resourcecollection+json";
  EXPECT_EQ(oracle_verdict(answer(200, json, "{}"), false), V::ok);
  EXPECT_EQ(oracle_verdict(answer(200, "text/html", "<html>"), false), V::retry);
  for (int s : {408, 429, 500, 502, 503, 504}) EXPECT_EQ(oracle_verdict(answer(s, "", ""), false), V::retry) << s;
  EXPECT_EQ(oracle_verdict(answer(401, "text/plain", ""), false), V::fail) << "Basic: the same password fails again";
  EXPECT_EQ(oracle_verdict(answer(401, "text/plain", ""), true), V::refresh_auth) << "a token may have expired";
  for (int s : {400, 403, 404, 405, 301}) EXPECT_EQ(oracle_verdict(answer(s, "", ""), false), V::fail) << s;
}

TEST(OracleVerdict, ErrorDetailFromTextAndJsonBodies) {
  const auto text = oracle_error(answer(400, "text/plain;charset=UTF-8", "URL request parameter q is not valid.\n"));
  EXPECT_EQ(text.detail, "URL request parameter q is not valid.");
  const auto json = oracle_error(answer(400, "application/vnd.oracle.adf.error+json",
                                        R"({"title":"Bad Request","status":"400","o:errorDetails":[)"
                                        R"({"detail":"Attribute Foo is not queryable.","o:errorCode":"27023"}]})"));
  EXPECT_EQ(json.detail, "Attribute Foo is not queryable.");
  EXPECT_EQ(json.code, "27023");
  EXPECT_EQ(oracle_error(answer(404, "application/json", R"({"title":"Not Found"})")).detail, "Not Found");
  EXPECT_EQ(describe_answer(answer(400, "application/vnd.oracle.adf.error+json",
                                   R"({"o:errorDetails":[{"detail":"bad","o:errorCode":"27023"}]})")),
            "HTTP 400 27023: bad");
  EXPECT_EQ(describe_answer(answer(200, "text/html", "<!DOCTYPE html><html><head><title>Maintenance</title>")),
            "got text/html (HTTP 200): <title>Maintenance</title>");
}

TEST(OracleVerdict, UsableAnswersOnlyAreOk) {
  CollectionPage page;
  std::string problem;
  const std::string json = "application/json";
  EXPECT_EQ(classify_collection_answer(answer(200, json, R"({"items":[],"count":0,"hasMore":false,"limit":5})"), false,
                                       "Id", "LastUpdateDate", page, problem),
            http::Verdict::ok);
  EXPECT_TRUE(problem.empty());
  EXPECT_EQ(classify_collection_answer(answer(200, json, R"({"items":[)"), false, "Id", "LastUpdateDate", page,
                                       problem),
            http::Verdict::retry);
  EXPECT_NE(problem.find("truncated"), std::string::npos);
  EXPECT_EQ(classify_collection_answer(answer(503, "text/html", "<title>Down</title>"), false, "Id", "LastUpdateDate",
                                       page, problem),
            http::Verdict::retry);
  EXPECT_NE(problem.find("Down"), std::string::npos);
}

}  // namespace
}  // namespace o2c::oracle
