// tests/unit/connectors/salesforce/salesforce_verdict_test.cpp — each status
// and errorCode of the REST API gets the right verdict (expired session →
// refresh, daily limit → fail, concurrency limit → retry, HTML or truncated
// bodies → retry), and Sforce-Limit-Info is read and budgeted.
#include "connectors/salesforce/salesforce_verdict.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

namespace o2c::salesforce {
namespace {

using http::Verdict;

http::Response reply(int status, std::string body, std::string type = "application/json") {
  http::Response r;
  r.status = status;
  r.headers.push_back({"content-type", std::move(type)});
  r.body = std::move(body);
  return r;
}

std::string sf_error(std::string_view code, std::string_view message) {
  return fmt::format(R"([{{"message":"{}","errorCode":"{}"}}])", message, code);
}

const std::string kGoodAnswer =
    R"({"totalSize":1,"done":true,"records":[{"Id":"801000000000001AAA","SystemModstamp":"2026-05-01T10:00:00Z"}]})";

TEST(SalesforceVerdict, StatusAndErrorCodes) {
  EXPECT_EQ(salesforce_verdict(reply(200, kGoodAnswer)), Verdict::ok);
  EXPECT_EQ(salesforce_verdict(reply(401, sf_error("INVALID_SESSION_ID", "Session expired or invalid"))),
            Verdict::refresh_auth);
  EXPECT_EQ(salesforce_verdict(reply(401, sf_error("INVALID_SESSION_ID",
                                                   "This session is not valid for use with the REST API"))),
            Verdict::fail);
  EXPECT_EQ(salesforce_verdict(reply(403, sf_error("REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."))),
            Verdict::fail);
  EXPECT_EQ(salesforce_verdict(reply(
                403, sf_error("REQUEST_LIMIT_EXCEEDED", "ConcurrentRequests (Concurrent API Requests) Limit exceeded."))),
            Verdict::retry);
  EXPECT_EQ(salesforce_verdict(reply(403, sf_error("INSUFFICIENT_ACCESS", "no"))), Verdict::fail);
  EXPECT_EQ(salesforce_verdict(reply(400, sf_error("MALFORMED_QUERY", "unexpected token"))), Verdict::fail);
  EXPECT_EQ(salesforce_verdict(reply(404, sf_error("INVALID_QUERY_LOCATOR", "invalid query locator"))), Verdict::fail);
  EXPECT_EQ(salesforce_verdict(reply(503, "<html><title>Down</title></html>", "text/html")), Verdict::retry);
  EXPECT_EQ(salesforce_verdict(reply(500, "")), Verdict::retry);
  EXPECT_EQ(salesforce_verdict(reply(429, "")), Verdict::retry);
  EXPECT_EQ(salesforce_verdict(reply(408, "")), Verdict::retry);
  EXPECT_EQ(salesforce_verdict(reply(302, "", "text/plain")), Verdict::fail);
}

TEST(SalesforceVerdict, DailyLimitIsRecognised) {
  EXPECT_TRUE(is_daily_limit_exhausted(reply(403, sf_error("REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."))));
  EXPECT_FALSE(is_daily_limit_exhausted(reply(403, sf_error("REQUEST_LIMIT_EXCEEDED", "ConcurrentRequests Limit"))));
  EXPECT_FALSE(is_daily_limit_exhausted(reply(400, sf_error("REQUEST_LIMIT_EXCEEDED", "TotalRequests"))));
}

TEST(SalesforceVerdict, HtmlPageWithStatus200IsRetriedAndDescribed) {
  QueryBatch batch;
  std::string problem;
  const auto r = reply(200, "<!DOCTYPE html>\n<html><head><meta charset=utf-8><style>" + std::string(300, ' ') +
                                "</style><title>Maintenance</title></head><body>Back soon</body></html>",
                       "text/html; charset=utf-8");
  EXPECT_EQ(classify_query_answer(r, RecordKeys{}, batch, problem), Verdict::retry);
  EXPECT_EQ(problem.rfind("got text/html; charset=utf-8 (HTTP 200): <title>Maintenance</title>", 0), 0u) << problem;
}

TEST(SalesforceVerdict, TruncatedJsonWithStatus200IsRetried) {
  QueryBatch batch;
  std::string problem;
  EXPECT_EQ(classify_query_answer(reply(200, kGoodAnswer.substr(0, 60)), RecordKeys{}, batch, problem),
            Verdict::retry);
  EXPECT_NE(problem.find("truncated or malformed JSON"), std::string::npos) << problem;
  EXPECT_EQ(classify_query_answer(reply(200, kGoodAnswer), RecordKeys{}, batch, problem), Verdict::ok);
  EXPECT_TRUE(problem.empty());
  ASSERT_EQ(batch.records.size(), 1u);
  EXPECT_EQ(batch.records[0].id, "801000000000001AAA");
}

TEST(SalesforceVerdict, ErrorBodyIsReadAndDescribed) {
  const ApiError e = api_error(sf_error("INVALID_FIELD", "No such column 'Foo' on entity 'Order'"));
  EXPECT_EQ(e.code, "INVALID_FIELD");
  EXPECT_EQ(e.message, "No such column 'Foo' on entity 'Order'");
  EXPECT_TRUE(api_error("<html/>").code.empty());
  EXPECT_TRUE(api_error(R"({"error":"x"})").code.empty());
  EXPECT_EQ(describe_answer(reply(400, sf_error("INVALID_FIELD", "No such column"))),
            "HTTP 400 INVALID_FIELD: No such column");
}

TEST(SalesforceLimits, LimitInfoHeaderIsParsed) {
  ASSERT_TRUE(parse_limit_info("api-usage=18/5000"));
  EXPECT_EQ(parse_limit_info("api-usage=18/5000")->used, 18);
  EXPECT_EQ(parse_limit_info("api-usage=18/5000")->max, 5000);
  const auto both = parse_limit_info("per-app-api-usage=17/250(appName=sample-connected-app); api-usage=14900/15000");
  ASSERT_TRUE(both);
  EXPECT_EQ(both->used, 14900);
  EXPECT_EQ(both->max, 15000);
  EXPECT_FALSE(parse_limit_info("per-app-api-usage=17/250(appName=x)"));
  EXPECT_FALSE(parse_limit_info("api-usage=lots"));
  EXPECT_FALSE(parse_limit_info("api-usage=-1/5000"));
  EXPECT_FALSE(parse_limit_info(""));
}

TEST(SalesforceLimits, NextRequestStopsBeforeCrossingTheThreshold) {
  EXPECT_TRUE(next_request_within({4499, 5000}, 0.9));
  EXPECT_FALSE(next_request_within({4500, 5000}, 0.9));
  EXPECT_FALSE(next_request_within({14900, 15000}, 0.9));
  EXPECT_TRUE(next_request_within({14900, 15000}, 1.0));
  EXPECT_FALSE(next_request_within({15000, 15000}, 1.0)) << "never the request past the limit";
  EXPECT_TRUE(next_request_within({0, 0}, 0.9)) << "no limit announced";
}

TEST(SalesforceLimits, BudgetRefusesUntilWhatTheOrgSaidGetsStale) {
  const Timestamp t0 = parse_timestamp("2026-05-01T10:00:00Z");
  ApiBudget budget(0.9);
  EXPECT_EQ(budget.refusal(t0), "") << "nothing known: send";
  http::Response r = reply(200, "{}");
  r.headers.push_back({"sforce-limit-info", "api-usage=13600/15000"});
  budget.note(r, t0);
  EXPECT_NE(budget.refusal(t0).find("API usage 13600/15000"), std::string::npos);
  r.headers.back().value = "api-usage=13000/15000";  // an older answer arriving late
  budget.note(r, t0);
  EXPECT_NE(budget.refusal(t0).find("13600/15000"), std::string::npos);
  EXPECT_NE(budget.refusal(t0 + ApiBudget::kFreshFor), "");
  EXPECT_EQ(budget.refusal(t0 + ApiBudget::kFreshFor + std::chrono::seconds(1)), "") << "probe again";
  budget.note(r, t0 + std::chrono::minutes(20));
  EXPECT_EQ(budget.refusal(t0 + std::chrono::minutes(20)), "");
  budget.mark_exhausted(t0 + std::chrono::minutes(21));
  budget.note(r, t0 + std::chrono::minutes(21));
  EXPECT_NE(budget.refusal(t0 + std::chrono::minutes(22)).find("daily API limit is exhausted"), std::string::npos);
}

}  // namespace
}  // namespace o2c::salesforce
