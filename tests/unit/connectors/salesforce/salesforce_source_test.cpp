// tests/unit/connectors/salesforce/salesforce_source_test.cpp — the
// Salesforce source end to end over real HTTP (fake_org.h): batches followed
// through nextRecordsUrl with the cursor after each page, resumed passes,
// tied modstamps and late commits, a session expiring mid-pass, expired query
// locators, HTML maintenance pages, a miscounting server, the daily limit and
// the API-usage threshold, and a refused client secret that never leaks.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "connectors/salesforce/salesforce.h"
#include "connectors/salesforce/salesforce_query.h"
#include "core/error.h"
#include "tests/unit/connectors/salesforce/fake_org.h"

namespace o2c::salesforce {
namespace {

using connectors::Cursor;
using connectors::Page;
using connectors::SyncMode;
using fake::FakeOrg;
using fake::record_json;

std::string sf_id(int n) { return fmt::format("801000000000{:03}AAA", n); }
Timestamp at(const char* iso) { return parse_timestamp(iso); }

connectors::QuerySpec order_query() {
  connectors::QuerySpec q;
  q.object = "Order";
  q.fields = {"Id", "OrderNumber", "TotalAmount", "SystemModstamp", "IsDeleted"};
  q.id_field = "Id";
  q.cursor_field = "SystemModstamp";
  q.include_deleted = false;
  return q;
}

std::vector<Page> read_all(connectors::PageStream& stream) {
  std::vector<Page> pages;
  while (auto page = stream.next()) pages.push_back(std::move(*page));
  return pages;
}

std::string error_of(const std::function<void()>& f, Error::Kind expected_kind) {
  try {
    f();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), expected_kind) << e.what();
    return e.what();
  }
  ADD_FAILURE() << "no Error thrown";
  return "";
}

test::HttpTestReply html_maintenance() {
  return test::HttpTestReply::text(200, "<!DOCTYPE html><html><head><title>Maintenance</title></head>"
                                        "<body>Salesforce is down for maintenance.</body></html>",
                                   "text/html; charset=UTF-8");
}

class SalesforceSourceTest : public ::testing::Test {
 protected:
  SalesforceSourceTest() {
    org.instance_url = server.url();
    for (int n = 1; n <= 5; ++n) org.add(sf_id(n), fmt::format("2026-05-01T10:00:0{}.000+0000", n));
  }

  SalesforceSettings settings() const {
    SalesforceSettings s;
    s.name = "crm";
    s.instance_url = server.url();
    s.auth.grant = "client_credentials";
    s.auth.client_id = Secret("o2c-client");
    s.auth.client_secret = Secret("csecret-value-42");
    s.client.backoff_base = std::chrono::milliseconds(1);
    s.client.backoff_max = std::chrono::milliseconds(2);
    s.client.max_attempts = 3;
    return s;
  }
  std::shared_ptr<connectors::Source> source(const SalesforceSettings& s) { return make_salesforce_source(s, clock); }
  std::shared_ptr<connectors::Source> source() { return source(settings()); }

  std::vector<std::string> query_paths() const {
    std::vector<std::string> paths;
    for (const auto& r : server.requests())
      if (r.method == "GET") paths.push_back(r.path());
    return paths;
  }

  FixedClock clock{at("2026-05-02T00:00:00Z")};
  FakeOrg org{2};
  test::HttpTestServer server{[this](const test::HttpTestRequest& r) { return org.handle(r); }};
};

TEST_F(SalesforceSourceTest, ThreeBatchPassFollowsNextRecordsUrlWithACursorAfterEachPage) {
  Cursor from;
  from.since = at("2026-04-30T00:00:00Z");
  auto stream = source()->open(order_query(), from, SyncMode::incremental);
  const auto pages = read_all(*stream);

  ASSERT_EQ(pages.size(), 3u);
  ASSERT_EQ(pages[0].records.size(), 2u);
  EXPECT_EQ(pages[0].records[0].id, sf_id(1));
  EXPECT_EQ(pages[0].records[0].body, record_json({sf_id(1), "2026-05-01T10:00:01.000+0000"}));
  EXPECT_EQ(pages[0].next.since, from.since);
  EXPECT_EQ(pages[0].next.tie_break_id, sf_id(2));
  EXPECT_EQ(pages[0].next.high_water, at("2026-05-01T10:00:02Z"));
  EXPECT_EQ(pages[0].next.pass_started, clock.now());
  EXPECT_FALSE(pages[0].last);
  EXPECT_EQ(pages[1].next.tie_break_id, sf_id(4));
  ASSERT_EQ(pages[2].records.size(), 1u);
  EXPECT_TRUE(pages[2].last);
  Cursor next_pass;
  next_pass.since = at("2026-05-01T10:00:05Z") - std::chrono::seconds(300);
  EXPECT_EQ(pages[2].next, next_pass);

  EXPECT_EQ(org.soql(), std::vector<std::string>{build_soql(order_query(), from.since, "")});
  EXPECT_EQ(query_paths(), (std::vector<std::string>{"/services/data/v59.0/query",
                                                     "/services/data/v59.0/query/01gL0-2",
                                                     "/services/data/v59.0/query/01gL0-4"}));
  for (const auto& r : server.requests()) {
    if (r.method == "GET") {
      EXPECT_EQ(r.header("authorization"), "Bearer 00Dtoken1");
    }
  }
  EXPECT_EQ(stream->api_calls(), 4) << "one token and three batches";
  EXPECT_EQ(server.request_count(), 4u);
}

TEST_F(SalesforceSourceTest, ResumedPassSendsIdGreaterThanTheLastCommittedId) {
  Cursor from;
  from.since = at("2026-04-30T00:00:00Z");
  from.tie_break_id = sf_id(2);
  from.high_water = at("2026-05-01T10:00:02Z");
  from.pass_started = at("2026-05-01T23:00:00Z");
  const auto pages = read_all(*source()->open(order_query(), from, SyncMode::incremental));
  ASSERT_EQ(org.soql().size(), 1u);
  EXPECT_NE(org.soql()[0].find("SystemModstamp >= 2026-04-30T00:00:00Z AND Id > '801000000000002AAA'"),
            std::string::npos)
      << org.soql()[0];
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].records.front().id, sf_id(3));
  EXPECT_EQ(pages[0].next.pass_started, from.pass_started) << "a resumed pass keeps its start";
  EXPECT_EQ(pages[1].next.since, at("2026-05-01T10:00:05Z") - std::chrono::seconds(300));
}

TEST_F(SalesforceSourceTest, RecordsSharingOneModstampAreNotSkippedAcrossPagesOrRestarts) {
  FakeOrg tied{2};
  tied.instance_url = server.url();
  for (int n = 1; n <= 5; ++n) tied.add(sf_id(n), "2026-05-01T10:00:00.000+0000");
  server.set_handler([&](const test::HttpTestRequest& r) { return tied.handle(r); });
  auto src = source();

  auto first = src->open(order_query(), Cursor{}, SyncMode::incremental);
  const auto page1 = first->next();  // committed; then the process dies
  ASSERT_TRUE(page1);
  first.reset();
  std::vector<std::string> ids;
  for (const auto& r : page1->records) ids.push_back(r.id);
  const auto rest = read_all(*src->open(order_query(), page1->next, SyncMode::incremental));
  for (const auto& p : rest)
    for (const auto& r : p.records) ids.push_back(r.id);
  EXPECT_EQ(ids, (std::vector<std::string>{sf_id(1), sf_id(2), sf_id(3), sf_id(4), sf_id(5)}));

  // A row committed late with a modstamp before the high-water mark is read by the next pass.
  tied.add(sf_id(6), "2026-05-01T09:58:00.000+0000");
  const auto next = read_all(*src->open(order_query(), rest.back().next, SyncMode::incremental));
  bool seen = false;
  for (const auto& p : next)
    for (const auto& r : p.records) seen = seen || r.id == sf_id(6);
  EXPECT_TRUE(seen);
}

TEST_F(SalesforceSourceTest, SessionExpiringMidPassRefreshesTheTokenOnceAndCompletes) {
  bool expired = false;
  org.intercept = [&](const test::HttpTestRequest& r) -> std::optional<test::HttpTestReply> {
    if (!expired && r.path().find("/query/") != std::string::npos) {
      expired = true;
      org.expire_tokens();
    }
    return std::nullopt;
  };
  auto stream = source()->open(order_query(), Cursor{}, SyncMode::incremental);
  const auto pages = read_all(*stream);
  std::size_t records = 0;
  for (const auto& p : pages) records += p.records.size();
  EXPECT_EQ(records, 5u);
  EXPECT_EQ(org.tokens_issued(), 2);
  EXPECT_EQ(stream->api_calls(), 6) << "2 tokens + 3 batches + the rejected request";
  EXPECT_EQ(server.request_count(), 6u);
}

TEST_F(SalesforceSourceTest, ServerAnnouncingMoreRecordsThanItSendsFailsThePass) {
  org.total_size_extra = 1;
  auto stream = source()->open(order_query(), Cursor{}, SyncMode::incremental);
  ASSERT_TRUE(stream->next());
  ASSERT_TRUE(stream->next());
  const std::string message = error_of([&] { stream->next(); }, Error::Kind::remote);
  EXPECT_EQ(message, "salesforce: Order: server announced 6 records, received 5");
  EXPECT_FALSE(stream->next()) << "a failed stream stays finished";
}

TEST_F(SalesforceSourceTest, ExpiredQueryLocatorReissuesTheQueryFromTheKeyset) {
  bool forgotten = false;
  org.intercept = [&](const test::HttpTestRequest& r) -> std::optional<test::HttpTestReply> {
    if (!forgotten && r.path().find("/query/") != std::string::npos) {
      forgotten = true;
      org.forget_locators();
    }
    return std::nullopt;
  };
  std::vector<std::string> ids;
  for (const auto& p : read_all(*source()->open(order_query(), Cursor{}, SyncMode::incremental)))
    for (const auto& r : p.records) ids.push_back(r.id);
  EXPECT_EQ(ids, (std::vector<std::string>{sf_id(1), sf_id(2), sf_id(3), sf_id(4), sf_id(5)}));
  ASSERT_EQ(org.soql().size(), 2u);
  EXPECT_NE(org.soql()[1].find("Id > '801000000000002AAA'"), std::string::npos) << org.soql()[1];
}

TEST_F(SalesforceSourceTest, HtmlPageWithStatus200IsRetriedThenTheAnswerIsUsed) {
  bool served = false;
  org.intercept = [&](const test::HttpTestRequest& r) -> std::optional<test::HttpTestReply> {
    if (r.method == "GET" && !served) {
      served = true;
      return html_maintenance();
    }
    return std::nullopt;
  };
  const auto pages = read_all(*source()->open(order_query(), Cursor{}, SyncMode::incremental));
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[0].records.size(), 2u);
}

TEST_F(SalesforceSourceTest, AnswersThatStayUnusableFailWithOneLineNamingWhatCameBack) {
  org.intercept = [&](const test::HttpTestRequest& r) -> std::optional<test::HttpTestReply> {
    if (r.method == "GET") return html_maintenance();
    return std::nullopt;
  };
  auto s = settings();
  s.client.max_attempts = 2;
  auto stream = source(s)->open(order_query(), Cursor{}, SyncMode::incremental);
  const std::string message = error_of([&] { stream->next(); }, Error::Kind::transient);
  EXPECT_EQ(message.rfind("salesforce: Order: GET /services/data/v59.0/query: got text/html; charset=UTF-8 (HTTP 200): "
                          "<title>Maintenance</title>",
                          0),
            0u)
      << message;
  EXPECT_NE(message.find("after 2 attempts"), std::string::npos) << message;
  EXPECT_EQ(message.find('\n'), std::string::npos);
}

TEST_F(SalesforceSourceTest, ConcurrentRequestLimitIsRetried) {
  int refused = 0;
  org.intercept = [&](const test::HttpTestRequest& r) -> std::optional<test::HttpTestReply> {
    if (r.method == "GET" && refused++ == 0)
      return test::HttpTestReply::json(403, R"([{"message":"ConcurrentRequests (Concurrent API Requests) Limit )"
                                            R"(exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}])");
    return std::nullopt;
  };
  EXPECT_EQ(read_all(*source()->open(order_query(), Cursor{}, SyncMode::incremental)).size(), 3u);
}

TEST_F(SalesforceSourceTest, DailyLimitExhaustedFailsAtOnceAndStopsTheSource) {
  org.intercept = [&](const test::HttpTestRequest& r) -> std::optional<test::HttpTestReply> {
    if (r.method == "GET")
      return test::HttpTestReply::json(
          403, R"([{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}])");
    return std::nullopt;
  };
  auto src = source();
  auto stream = src->open(order_query(), Cursor{}, SyncMode::incremental);
  const std::string message = error_of([&] { stream->next(); }, Error::Kind::remote);
  EXPECT_NE(message.find("daily API limit exhausted"), std::string::npos) << message;
  EXPECT_NE(message.find("next run will resume"), std::string::npos) << message;
  EXPECT_EQ(server.request_count(), 2u) << "token + one query, never retried";
  auto other = src->open(order_query(), Cursor{}, SyncMode::incremental);
  error_of([&] { other->next(); }, Error::Kind::remote);
  EXPECT_EQ(server.request_count(), 2u) << "the next stream of the source sends nothing";
}

TEST_F(SalesforceSourceTest, StopsBeforeTheApiUsageThreshold) {
  org.limit_info = "api-usage=14900/15000; per-app-api-usage=17/250(appName=o2csync)";
  auto stream = source()->open(order_query(), Cursor{}, SyncMode::incremental);
  const auto first = stream->next();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->records.size(), 2u) << "the page already fetched is handed out";
  const std::string message = error_of([&] { stream->next(); }, Error::Kind::remote);
  EXPECT_NE(message.find("API usage 14900/15000"), std::string::npos) << message;
  EXPECT_EQ(server.request_count(), 2u);

  // What the org said is trusted for a while: the next stream sends nothing...
  auto src = source();
  org.limit_info = "api-usage=14950/15000";
  ASSERT_TRUE(src->open(order_query(), Cursor{}, SyncMode::incremental)->next());
  error_of([&] { src->open(order_query(), Cursor{}, SyncMode::incremental)->next(); }, Error::Kind::remote);
  const std::size_t sent = server.request_count();
  clock.set(clock.now() + std::chrono::minutes(9));
  error_of([&] { src->open(order_query(), Cursor{}, SyncMode::incremental)->next(); }, Error::Kind::remote);
  EXPECT_EQ(server.request_count(), sent);
  // ...then one request probes again (the daily allowance is a rolling window).
  org.limit_info = "api-usage=9000/15000";
  clock.set(clock.now() + std::chrono::minutes(2));
  EXPECT_EQ(read_all(*src->open(order_query(), Cursor{}, SyncMode::incremental)).size(), 3u);
}

TEST_F(SalesforceSourceTest, DeletedRowsAreQueriedThroughQueryAll) {
  auto q = order_query();
  q.include_deleted = true;
  read_all(*source()->open(q, Cursor{}, SyncMode::incremental));
  EXPECT_EQ(query_paths().front(), "/services/data/v59.0/queryAll");
}

TEST_F(SalesforceSourceTest, FullSyncIgnoresTheStoredCursor) {
  Cursor from;
  from.since = at("2026-05-01T10:00:04Z");
  from.tie_break_id = sf_id(4);
  const auto pages = read_all(*source()->open(order_query(), from, SyncMode::full));
  EXPECT_EQ(org.soql(), std::vector<std::string>{build_soql(order_query(), std::nullopt, "")});
  EXPECT_EQ(pages.size(), 3u);
}

TEST_F(SalesforceSourceTest, RefusedClientSecretIsAConfigErrorThatNeverShowsTheSecret) {
  org.intercept = [&](const test::HttpTestRequest& r) -> std::optional<test::HttpTestReply> {
    if (r.method == "POST")
      return test::HttpTestReply::json(
          400, R"({"error":"invalid_client","error_description":"invalid client credentials"})");
    return std::nullopt;
  };
  auto stream = source()->open(order_query(), Cursor{}, SyncMode::incremental);
  const std::string message = error_of([&] { stream->next(); }, Error::Kind::config);
  EXPECT_NE(message.find("invalid_client"), std::string::npos) << message;
  EXPECT_EQ(message.find("csecret-value-42"), std::string::npos) << message;
}

TEST_F(SalesforceSourceTest, BadSettingsAreOneConfigErrorNamingEachSetting) {
  SalesforceSettings s;
  s.name = "crm";
  s.auth.grant = "password";
  s.api_version = "59";
  s.api_usage_threshold = 1.5;
  const std::string message = error_of([&] { make_salesforce_source(s, clock); }, Error::Kind::config);
  for (const char* part : {"salesforce source crm: url: missing", "api_version: '59'", "auth.client_id: missing",
                           "auth.grant: 'password'", "api_usage_threshold: 1.5"})
    EXPECT_NE(message.find(part), std::string::npos) << part << " in " << message;
}

TEST_F(SalesforceSourceTest, UnreadablePrivateKeyIsAConfigErrorNamingTheSource) {
  auto s = settings();
  s.auth.grant = "jwt_bearer";
  s.auth.user = "integration@acme.example";
  s.auth.private_key_pem = Secret("-----BEGIN PRIVATE KEY-----\nnot-a-key-secret\n-----END PRIVATE KEY-----\n");
  const std::string message = error_of([&] { make_salesforce_source(s, clock); }, Error::Kind::config);
  EXPECT_EQ(message.rfind("salesforce source crm: ", 0), 0u) << message;
  EXPECT_EQ(message.find("not-a-key-secret"), std::string::npos) << message;
}

TEST_F(SalesforceSourceTest, MalformedStoredCursorOrMappingFailsAtOpen) {
  Cursor from;
  from.tie_break_id = "x' OR Id != '";
  error_of([&] { source()->open(order_query(), from, SyncMode::incremental); }, Error::Kind::store);
  auto q = order_query();
  q.where = "Status = 'Activated') OR (1 = 1";
  error_of([&] { source()->open(q, Cursor{}, SyncMode::incremental); }, Error::Kind::config);
  EXPECT_EQ(server.request_count(), 0u);
}

}  // namespace
}  // namespace o2c::salesforce
