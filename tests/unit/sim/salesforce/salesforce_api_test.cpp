#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>

#include "sf_crm_fixture.h"

namespace o2c::sim::salesforce::testing {
namespace {

using namespace std::chrono_literals;

class SalesforceApiTest : public ::testing::Test {
 protected:
  void start(SalesforceOptions options) {
    api_ = std::make_unique<SalesforceApi>(options, crm_catalog(), clock_);
    token_ = token_for(*api_);
  }
  SimReply call(const std::string& target) { return api_->handle(get(target, token_)); }

  std::shared_ptr<FixedClock> clock_ = std::make_shared<FixedClock>(at("2026-11-24T12:00:00Z"));
  std::unique_ptr<SalesforceApi> api_;
  std::string token_;
};

TEST_F(SalesforceApiTest, EveryRestReplyCarriesSforceLimitInfo) {
  SalesforceOptions options;
  options.daily_api_limit = 15000;
  start(options);
  EXPECT_EQ(header(call("/services/data/v59.0/limits"), "Sforce-Limit-Info"), "api-usage=1/15000");
  EXPECT_EQ(header(call(query_target("SELECT Id FROM Order")), "Sforce-Limit-Info"), "api-usage=2/15000");
  EXPECT_EQ(header(call(query_target("SELECT Bogus FROM Order")), "Sforce-Limit-Info"), "api-usage=3/15000");
  EXPECT_EQ(header(call("/services/data/v59.0/nothing"), "Sforce-Limit-Info"), "api-usage=4/15000");
  EXPECT_EQ(header(api_->handle(get("/services/data/v59.0/limits", "bad")), "Sforce-Limit-Info"), "api-usage=4/15000");
  EXPECT_EQ(api_->api_calls(), 4);
}

TEST_F(SalesforceApiTest, DailyLimitCountsEveryRequestThenAnswersTotalRequests) {
  SalesforceOptions options;
  options.daily_api_limit = 3;
  start(options);
  EXPECT_EQ(call("/services/data/v59.0/limits").status, 200);
  EXPECT_EQ(call("/services/data/v59.0/sobjects/Order/describe").status, 200);
  EXPECT_EQ(call("/services/data/v59.0/unknown").status, 404);
  for (int i = 0; i < 2; ++i) {
    const SimReply r = call(query_target("SELECT Id FROM Order"));
    EXPECT_EQ(r.status, 403);
    EXPECT_EQ(error_code(r), "REQUEST_LIMIT_EXCEEDED");
    EXPECT_EQ(error_message(r), "TotalRequests Limit exceeded.");
    EXPECT_EQ(header(r, "Sforce-Limit-Info"), "api-usage=3/3");
  }
  clock_->set(clock_->now() + 24h);  // a new day's allocation
  token_ = token_for(*api_);
  EXPECT_EQ(call("/services/data/v59.0/limits").status, 200);
}

TEST_F(SalesforceApiTest, LimitsReportsDailyApiRequests) {
  SalesforceOptions options;
  options.daily_api_limit = 100;
  start(options);
  call("/services/data/v59.0/limits");
  EXPECT_EQ(call("/services/data/v59.0/limits").body, R"({"DailyApiRequests":{"Max":100,"Remaining":98}})");
}

TEST_F(SalesforceApiTest, DescribeListsFieldsFromTheColumns) {
  start({});
  const SimReply r = call("/services/data/v59.0/sobjects/order/describe/");
  ASSERT_EQ(r.status, 200) << r.body;
  const json::object body = body_json(r).as_object();
  EXPECT_EQ(body.at("name").as_string(), "Order");
  const json::array& fields = body.at("fields").as_array();
  ASSERT_EQ(fields.size(), 11u);
  EXPECT_EQ(
      json::serialize(fields[0]),
      R"({"name":"Id","type":"id","label":"Order ID","nillable":false,"referenceTo":[],"relationshipName":null,"custom":false})");
  EXPECT_EQ(
      json::serialize(fields[2]),
      R"({"name":"AccountId","type":"reference","label":"Account ID","nillable":true,"referenceTo":["Account"],"relationshipName":"Account","custom":false})");
  EXPECT_EQ(fields[3].at("relationshipName").as_string(), "Bill_To__r");
  EXPECT_TRUE(fields[3].at("custom").as_bool());
  EXPECT_EQ(fields[6].at("type").as_string(), "datetime");
  EXPECT_EQ(fields[7].at("type").as_string(), "double");
  EXPECT_FALSE(fields[10].at("nillable").as_bool());  // IsDeleted
  const SimReply unknown = call("/services/data/v59.0/sobjects/Invoice/describe");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(error_code(unknown), "NOT_FOUND");
}

TEST_F(SalesforceApiTest, UnknownVersionsAndPathsAreNotFound) {
  start({});
  for (const std::string target :
       {"/services/data/v99.0/limits", "/services/data/v59/limits", "/services/data/59.0/limits",
        "/services/data/v59.0/", "/services/data/v59.0/sobjects", "/services/apexrest/x", "/"}) {
    const SimReply r = call(target);
    EXPECT_EQ(r.status, 404) << target;
    EXPECT_EQ(error_code(r), "NOT_FOUND") << target;
    EXPECT_EQ(error_message(r), "The requested resource does not exist") << target;
  }
  EXPECT_EQ(call("/services/data/v62.0/limits").status, 200);
  EXPECT_EQ(call("/services/data/v59.0/query/?q=SELECT+Id+FROM+Order").status,
            200);                                                                 // simple-salesforce's trailing slash
  EXPECT_EQ(error_code(call("/services/data/v59.0/query/")), "MALFORMED_QUERY");  // no q
}

TEST_F(SalesforceApiTest, UrlsLongerThan16KiBAre414) {
  start({});
  const std::string prefix = query_target("SELECT Id FROM Order WHERE Id IN ('x'");
  std::string target = prefix;
  while (target.size() < 16'384 - 3) target += percent_encode(",'x'");
  target.resize(16'384 - 3);
  target += "%29";  // ')'
  ASSERT_EQ(target.size(), 16'384u);
  EXPECT_NE(call(target).status, 414);
  const SimReply r = call(target + "x");
  EXPECT_EQ(r.status, 414);
  EXPECT_FALSE(error_code(r).empty());
}

TEST_F(SalesforceApiTest, OnlyGetIsAllowedOnTheRestResources) {
  start({});
  SimRequest r = get(query_target("SELECT Id FROM Order"), token_);
  r.method = "POST";
  const SimReply reply = api_->handle(r);
  EXPECT_EQ(reply.status, 405);
  EXPECT_EQ(error_code(reply), "METHOD_NOT_ALLOWED");
}

TEST_F(SalesforceApiTest, FaultRepliesAreSalesforcesOwn) {
  start({});
  const SimReply throttled = api_->fault_reply("429");
  EXPECT_EQ(throttled.status, 403);
  EXPECT_EQ(error_code(throttled), "REQUEST_LIMIT_EXCEEDED");
  EXPECT_EQ(error_message(throttled), "ConcurrentRequests (Concurrent API Requests) Limit exceeded.");
  EXPECT_FALSE(header(throttled, "Sforce-Limit-Info").empty());
  const SimReply unavailable = api_->fault_reply("5xx");
  EXPECT_EQ(unavailable.status, 503);
  EXPECT_TRUE(header(unavailable, "Content-Type").starts_with("text/html"));
  EXPECT_TRUE(unavailable.body.starts_with("<html>"));
}

TEST(SalesforceApiFailure, ATableThatThrowsGivesUnknownException) {
  auto catalog = std::make_shared<TestCatalog>();
  catalog->add(std::make_shared<GeneratedTable>(
      "Order", "801", std::vector<SimColumn>{{"Id", SimType::id, "", ""}}, 3,
      [](std::size_t, std::size_t) -> SimValue { throw std::runtime_error("disk on fire"); }, std::set<std::string>{}));
  SalesforceApi api({}, catalog, std::make_shared<FixedClock>(at("2026-11-24T12:00:00Z")));
  const SimReply r = api.handle(get(query_target("SELECT Id FROM Order"), token_for(api)));
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(error_code(r), "UNKNOWN_EXCEPTION");
  EXPECT_EQ(r.body.find("disk on fire"), std::string::npos);
  EXPECT_EQ(api.handle(get("/services/data/v59.0/limits", token_for(api))).status, 200);  // still serving
}

TEST_F(SalesforceApiTest, ConcurrentCallersEachGetTheirWholeResult) {
  SalesforceOptions options;
  options.batch_size = 2;
  options.max_query_locators = 50;
  start(options);
  std::vector<std::thread> threads;
  std::vector<std::size_t> counts(4);
  std::vector<std::string> tokens;
  for (int i = 0; i < 4; ++i) tokens.push_back(token_for(*api_));
  for (std::size_t t = 0; t < counts.size(); ++t)
    threads.emplace_back([&, t] {
      for (int round = 0; round < 10; ++round) {
        std::string target = query_target("SELECT Id, Account.Name FROM Order ORDER BY Id", t % 2 == 1);
        for (;;) {
          const SimReply r = api_->handle(get(target, tokens[t]));
          if (r.status != 200) return;
          const auto next = r.body.find("\"nextRecordsUrl\":\"");
          counts[t] +=
              static_cast<std::size_t>(std::count(r.body.begin(), r.body.end(), '{')) / 2;  // record + attributes
          if (next == std::string::npos) break;
          const auto begin = next + 18;
          target = r.body.substr(begin, r.body.find('"', begin) - begin);
        }
      }
    });
  for (auto& th : threads) th.join();
  // `query` sees 5 orders, `queryAll` 6; the Account relationship adds nested objects for 3 of them.
  EXPECT_EQ(counts[0], 10u * (5 + 3));
  EXPECT_EQ(counts[1], 10u * (6 + 4));
  EXPECT_EQ(counts[2], counts[0]);
  EXPECT_EQ(counts[3], counts[1]);
  EXPECT_EQ(api_->api_calls(), 4 * 10 * 3);  // 5 or 6 rows in pages of 2
}

}  // namespace
}  // namespace o2c::sim::salesforce::testing
