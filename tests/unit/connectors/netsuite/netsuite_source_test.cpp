// tests/unit/connectors/netsuite/netsuite_source_test.cpp — the NetSuite
// source end to end over real HTTP (fake_account.h): a window fetched
// concurrently within max_concurrency and handed out in order with no request
// beyond totalResults, the result ceiling turning into a keyset window, a
// deletion while paging caught and re-read without loss, resumed passes, the
// realm spelled right whatever the admin wrote, HTML or truncated answers
// retried, and INVALID_LOGIN / bad queries reported as config errors.
#include <algorithm>

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "connectors/netsuite/netsuite.h"
#include "core/error.h"
#include "tests/unit/connectors/netsuite/fake_account.h"

namespace o2c::netsuite {
namespace {

using connectors::Cursor;
using connectors::Page;
using connectors::SyncMode;
using fake::FakeAccount;

connectors::QuerySpec invoice_query() {
  connectors::QuerySpec q;
  q.object = "transaction";
  q.select = {{"tranid", "t.tranid"}, {"foreigntotal", "t.foreigntotal"}};
  q.from = "transaction t";
  q.where = "t.type = 'CustInvc'";
  q.id_field = "t.id";
  q.cursor_field = "t.lastmodifieddate";
  return q;
}

std::vector<Page> read_all(connectors::PageStream& stream) {
  std::vector<Page> pages;
  while (auto page = stream.next()) pages.push_back(std::move(*page));
  return pages;
}

std::vector<long> ids_of(const std::vector<Page>& pages) {
  std::vector<long> ids;
  for (const auto& p : pages)
    for (const auto& r : p.records) ids.push_back(std::stol(r.id));
  return ids;
}

std::vector<long> range(long first, long last) {
  std::vector<long> out;
  for (long id = first; id <= last; ++id) out.push_back(id);
  return out;
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

class NetSuiteSourceTest : public ::testing::Test {
 protected:
  NetSuiteSettings settings(int page_size = 1000, int concurrency = 2, long ceiling = 100'000) const {
    NetSuiteSettings s;
    s.name = "erp";
    s.account = "1234567_SB1";
    s.url = server.url();
    s.consumer_key = Secret("ck-value-1");
    s.consumer_secret = Secret("cs-value-2");
    s.token_id = Secret("tid-value-3");
    s.token_secret = Secret("ts-value-4");
    s.page_size = page_size;
    s.result_ceiling = ceiling;
    s.client.max_concurrency = concurrency;
    s.client.backoff_base = std::chrono::milliseconds(1);
    s.client.backoff_max = std::chrono::milliseconds(2);
    s.client.max_attempts = 3;
    return s;
  }
  std::unique_ptr<connectors::PageStream> open(const NetSuiteSettings& s, const Cursor& from = {},
                                               SyncMode mode = SyncMode::incremental) {
    return make_netsuite_source(s, clock)->open(invoice_query(), from, mode);
  }

  FixedClock clock{parse_timestamp("2026-05-04T00:00:00Z")};
  FakeAccount account;
  test::HttpTestServer server{[this](const test::HttpTestRequest& r) { return account.handle(r); }};
};

TEST_F(NetSuiteSourceTest, WindowOf2345RowsIsThreeRequestsWithinTheConcurrencyLimitInOrder) {
  account.add_rows(1, 2345);
  account.delay_after_first = std::chrono::milliseconds(300);  // both later pages are held at once
  auto stream = open(settings(1000, 3));
  const auto pages = read_all(*stream);

  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(ids_of(pages), range(1, 2345));
  EXPECT_EQ(pages[0].next.tie_break_id, "1000");
  EXPECT_EQ(pages[1].next.tie_break_id, "2000");
  EXPECT_TRUE(pages[2].last);
  EXPECT_EQ(server.request_count(), 3u) << "no request beyond totalResults";
  EXPECT_EQ(stream->api_calls(), 3);
  EXPECT_LE(server.max_in_flight(), 3);
  EXPECT_GE(server.max_in_flight(), 2) << "the pages after the first are fetched together";
  std::vector<long> offsets;
  for (const auto& p : account.pages()) offsets.push_back(p.offset);
  std::sort(offsets.begin(), offsets.end());
  EXPECT_EQ(offsets, (std::vector<long>{0, 1000, 2000}));
  EXPECT_EQ(account.pages()[0].offset, 0) << "the first page is fetched alone";
}

TEST_F(NetSuiteSourceTest, ManyPagesNeverExceedMaxConcurrencyInFlight) {
  account.add_rows(1, 100);
  account.delay_after_first = std::chrono::milliseconds(30);
  const auto pages = read_all(*open(settings(10, 3)));
  EXPECT_EQ(pages.size(), 10u);
  EXPECT_EQ(ids_of(pages), range(1, 100));
  EXPECT_EQ(server.request_count(), 10u);
  EXPECT_LE(server.max_in_flight(), 3);
}

TEST_F(NetSuiteSourceTest, ResultCeilingTurnsIntoAKeysetWindow) {
  account.add_rows(101, 73);
  account.ceiling = 50;  // the fake refuses offset + limit > 50 like NetSuite does beyond 100,000
  const auto pages = read_all(*open(settings(10, 2, 50)));
  EXPECT_EQ(ids_of(pages), range(101, 173));
  EXPECT_EQ(pages.size(), 8u) << "5 pages up to the ceiling, then 3 after id 150";
  const auto requests = account.pages();
  ASSERT_EQ(requests.size(), 8u);
  for (const auto& r : requests) EXPECT_LE(r.offset + r.limit, 50);
  EXPECT_EQ(requests.front().query.find("t.id >"), std::string::npos);
  EXPECT_NE(requests.back().query.find("t.id > 150 "), std::string::npos) << requests.back().query;
  EXPECT_TRUE(pages.back().last);
  EXPECT_FALSE(pages[4].last);
}

TEST_F(NetSuiteSourceTest, DeletionWhilePagingIsCaughtAndTheWindowReReadWithoutLoss) {
  account.add_rows(1, 25);
  account.after_page = [&](long offset) {
    if (offset == 0) account.remove(5);  // shifts every later offset by one row
  };
  const auto pages = read_all(*open(settings(10, 2)));
  EXPECT_EQ(ids_of(pages), range(1, 25)) << "row 11 would be lost by offset paging";
  std::vector<std::string> keysets;
  for (const auto& r : account.pages())
    if (r.query.find("t.id > ") != std::string::npos) keysets.push_back(r.query.substr(r.query.find("t.id > ")));
  ASSERT_EQ(keysets.size(), 2u);
  EXPECT_EQ(keysets[0].rfind("t.id > 10 ", 0), 0u) << keysets[0];
  EXPECT_EQ(keysets[1].rfind("t.id > 20 ", 0), 0u) << keysets[1];
  EXPECT_TRUE(pages.back().last);
}

TEST_F(NetSuiteSourceTest, PassCursorsAndResume) {
  account.add_rows(101, 30, "2026-05-03 10:15:00");
  Cursor from;
  from.since = parse_timestamp("2026-05-01T00:00:00Z");
  auto stream = open(settings(10, 2), from);
  const auto first = stream->next();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->next.since, from.since);
  EXPECT_EQ(first->next.tie_break_id, "110");
  EXPECT_EQ(first->next.pass_started, clock.now());
  EXPECT_EQ(first->next.high_water, parse_timestamp("2026-05-03T10:15:00Z"));
  stream.reset();  // the process dies after committing the first page

  const auto rest = read_all(*open(settings(10, 2), first->next));
  EXPECT_EQ(ids_of(rest), range(111, 130));
  const std::string resumed = account.pages().back().query;  // the first stream also fetched ahead
  EXPECT_NE(resumed.find("t.lastmodifieddate >= TO_DATE('2026-05-01 00:00:00', 'YYYY-MM-DD HH24:MI:SS') AND t.id > 110"),
            std::string::npos)
      << resumed;
  Cursor next_pass;
  next_pass.since = parse_timestamp("2026-05-03T10:10:00Z");
  EXPECT_EQ(rest.back().next, next_pass);
}

TEST_F(NetSuiteSourceTest, RealmIsUpperCaseWithUnderscoreAndRequestsFollowTheContract) {
  account.add_rows(1, 3);
  auto s = settings();
  s.account = "1234567-sb1";
  read_all(*open(s));
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].header("authorization").rfind("OAuth realm=\"1234567_SB1\"", 0), 0u);
  EXPECT_EQ(requests[0].header("prefer"), "transient");
  EXPECT_NE(requests[0].header("content-type").find("application/json"), std::string::npos);
  EXPECT_EQ(requests[0].target, "/services/rest/query/v1/suiteql?limit=1000&offset=0");
  EXPECT_TRUE(boost::json::parse(requests[0].body).at("q").is_string());
}

TEST_F(NetSuiteSourceTest, HtmlOrTruncatedAnswersAreRetriedThenUsed) {
  account.add_rows(1, 30);
  int served = 0;
  account.intercept = [&](const test::HttpTestRequest& r) -> std::optional<test::HttpTestReply> {
    if (r.target.find("offset=10") == std::string::npos || served >= 2) return std::nullopt;
    ++served;
    if (served == 1)
      return test::HttpTestReply::text(200, "<html><head><title>Maintenance</title></head></html>", "text/html");
    return test::HttpTestReply::json(
        200, R"({"links":[],"count":10,"hasMore":true,"offset":10,"totalResults":30,"items":[{"li)");
  };
  auto stream = open(settings(10, 2));
  const auto pages = read_all(*stream);
  EXPECT_EQ(ids_of(pages), range(1, 30));
  EXPECT_EQ(stream->api_calls(), 5);
}

TEST_F(NetSuiteSourceTest, AnswersThatStayUnusableFailWithOneLineNamingWhatCameBack) {
  account.intercept = [&](const test::HttpTestRequest&) -> std::optional<test::HttpTestReply> {
    return test::HttpTestReply::text(200, "<html><head><title>Maintenance</title></head></html>", "text/html");
  };
  auto stream = open(settings());
  const std::string message = error_of([&] { stream->next(); }, Error::Kind::transient);
  EXPECT_EQ(message, "netsuite: transaction: POST /services/rest/query/v1/suiteql offset=0: got text/html (HTTP 200): "
                     "<title>Maintenance</title></head></html> (no usable answer after 3 attempts)");
}

TEST_F(NetSuiteSourceTest, ConcurrencyLimitIsRetried) {
  account.add_rows(1, 5);
  int refused = 0;
  account.intercept = [&](const test::HttpTestRequest&) -> std::optional<test::HttpTestReply> {
    if (refused++ > 0) return std::nullopt;
    return test::HttpTestReply::json(429, R"({"type":"x","title":"Too Many Requests","status":429,"o:errorDetails":)"
                                          R"([{"detail":"Concurrent request limit exceeded. Request blocked.",)"
                                          R"("o:errorCode":"CONCURRENCY_LIMIT_EXCEEDED"}]})");
  };
  EXPECT_EQ(ids_of(read_all(*open(settings()))), range(1, 5));
}

TEST_F(NetSuiteSourceTest, InvalidLoginIsAConfigErrorThatNamesWhatToCheckAndNoSecret) {
  account.realm = "7654321";
  auto stream = open(settings());
  const std::string message = error_of([&] { stream->next(); }, Error::Kind::config);
  EXPECT_EQ(message, "netsuite: authentication failed (INVALID_LOGIN): check consumer_key, consumer_secret, token_id, "
                     "token_secret, the account id (realm 1234567_SB1) and this host's clock");
  EXPECT_EQ(server.request_count(), 1u) << "never retried";
}

TEST_F(NetSuiteSourceTest, RejectedQueryIsAConfigErrorQuotingTheDetail) {
  account.intercept = [&](const test::HttpTestRequest&) -> std::optional<test::HttpTestReply> {
    return test::HttpTestReply::json(400, R"({"type":"x","title":"Bad Request","status":400,"o:errorDetails":)"
                                          R"([{"detail":"Invalid search query. Search error occurred: Field )"
                                          R"('foreigntotl' for record 'transaction' was not found.",)"
                                          R"("o:errorCode":"INVALID_PARAMETER"}]})");
  };
  auto stream = open(settings());
  const std::string message = error_of([&] { stream->next(); }, Error::Kind::config);
  EXPECT_NE(message.find("Field 'foreigntotl' for record 'transaction' was not found"), std::string::npos) << message;
  EXPECT_NE(message.find("mapping for object transaction"), std::string::npos) << message;
}

TEST_F(NetSuiteSourceTest, EmptyResultIsOneLastPage) {
  Cursor from;
  from.since = parse_timestamp("2026-05-01T00:00:00Z");
  const auto pages = read_all(*open(settings(), from));
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_TRUE(pages[0].last);
  EXPECT_TRUE(pages[0].records.empty());
  Cursor next_pass;
  next_pass.since = clock.now() - std::chrono::seconds(300);
  EXPECT_EQ(pages[0].next, next_pass);
}

}  // namespace
}  // namespace o2c::netsuite
