// tests/unit/connectors/oracle/oracle_source_test.cpp — the Oracle source end
// to end over real HTTP against the simulated pod (sim_pod.h): a multi-page
// pass paged by the limit the server answers, a resumed pass (keyset), an
// incremental window, full mode, keyset windows every window_rows, rows
// moving under a query re-read without loss, a page repeated by a server
// that ignores offset (pitfall #24) stopped with an error, 401 / 400 as
// config errors naming what to check, 429 with Retry-After and HTML /
// truncated answers retried, OAuth 2.0 client credentials with a token that
// expires mid-pass, and settings refused all at once.
#include <atomic>
#include <set>

#include <gtest/gtest.h>

#include "connectors/oracle/oracle.h"
#include "core/error.h"
#include "tests/unit/connectors/oracle/sim_pod.h"
#include "tests/unit/sim/oracle/oracle_test_support.h"

namespace o2c::oracle {
namespace {

using connectors::Cursor;
using connectors::Page;
using connectors::SyncMode;
using test::SimPod;
namespace fixture = sim::oracle::test;

// The first rows of a table disappear on demand (a deletion shifts every offset).
class ShrinkingTable final : public sim::SimTable {
 public:
  explicit ShrinkingTable(sim::SimTablePtr base) : base_(std::move(base)) {}
  const std::string& name() const override { return base_->name(); }
  const std::vector<sim::SimColumn>& columns() const override { return base_->columns(); }
  std::size_t size() const override { return base_->size() - removed; }
  sim::SimValue value(std::size_t row, std::size_t col) const override { return base_->value(row + removed, col); }
  std::optional<std::size_t> find(std::string_view key) const override {
    const auto p = base_->find(key);
    if (!p || *p < removed) return std::nullopt;
    return *p - removed;
  }
  bool naturally_ordered_by(std::string_view c) const override { return base_->naturally_ordered_by(c); }
  std::atomic<std::size_t> removed{0};

 private:
  sim::SimTablePtr base_;
};

connectors::QuerySpec invoice_query() {
  connectors::QuerySpec q;
  q.object = "receivablesInvoices";
  q.service = fixture::kInvoices;
  q.id_field = "CustomerTransactionId";
  q.cursor_field = "LastUpdateDate";
  q.fields = {"CustomerTransactionId", "TransactionNumber", "EnteredAmount", "LastUpdateDate"};
  return q;
}

sim::oracle::OracleOptions pod_options(std::size_t max_page) {
  sim::oracle::OracleOptions o;
  o.max_page_size = max_page;
  o.token_path = "/oauth2/v1/token";
  return o;
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

o2c::test::HttpTestReply fault(const sim::oracle::OracleApi& api, std::string_view kind) {
  const sim::SimReply r = api.fault_reply(kind);
  o2c::test::HttpTestReply reply;
  reply.status = r.status;
  reply.headers = r.headers;
  reply.body = r.body;
  return reply;
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

class OracleSourceTest : public ::testing::Test {
 protected:
  OracleSettings settings(int page_size = 500) const {
    OracleSettings s;
    s.name = "erp";
    s.url = pod->url();
    s.auth = OracleBasicAuth{"o2c.integration", Secret("o2c-demo-password")};
    s.page_size = page_size;
    s.client.backoff_base = std::chrono::milliseconds(100);
    s.client.max_attempts = 3;
    return s;
  }
  std::unique_ptr<connectors::PageStream> open(const OracleSettings& s, const Cursor& from = {},
                                               SyncMode mode = SyncMode::incremental,
                                               connectors::QuerySpec query = invoice_query()) {
    return make_oracle_source(s, clock, &client_clock)->open(query, from, mode);
  }
  void serve(std::size_t rows, std::size_t max_page = 100, sim::oracle::OracleOptions options = pod_options(100)) {
    options.max_page_size = max_page;
    table = std::make_shared<ShrinkingTable>(fixture::invoices(rows));
    auto catalog = std::make_shared<fixture::TestCatalog>();
    catalog->add(table);
    pod = std::make_unique<SimPod>(options, catalog);
  }

  FixedClock clock{parse_timestamp("2026-02-01T00:00:00Z")};
  http::ManualClientClock client_clock;
  std::shared_ptr<ShrinkingTable> table;
  std::unique_ptr<SimPod> pod;
};

TEST_F(OracleSourceTest, PassPagesByTheLimitTheServerAnswersNotTheOneAskedFor) {
  serve(950, 100);
  auto stream = open(settings(500));
  const auto pages = read_all(*stream);
  ASSERT_EQ(pages.size(), 10u);
  EXPECT_EQ(ids_of(pages), range(100001, 100950));
  EXPECT_EQ(pod->seen("offset"), (std::vector<std::string>{"0", "100", "200", "300", "400", "500", "600", "700",
                                                            "800", "900"}));
  for (const auto& limit : pod->seen("limit")) EXPECT_EQ(limit, "500");
  EXPECT_EQ(pages[0].next.tie_break_id, "100100");
  EXPECT_FALSE(pages[8].last);
  EXPECT_TRUE(pages[9].last);
  EXPECT_EQ(stream->api_calls(), 10);
  // The pass is over: the next one starts lookback before what was read, or before the pass began.
  EXPECT_FALSE(pages[9].next.in_pass());
  EXPECT_EQ(pages[9].next.since, parse_timestamp("2026-01-01T00:05:16Z") - std::chrono::minutes(5));
  EXPECT_NE(pages[0].records[1].body.find("\"EnteredAmount\":101.01"), std::string::npos) << "exact tokens";
  EXPECT_EQ(pod->seen("q"), std::vector<std::string>(10, "")) << "a first full pass has no filter";
}

TEST_F(OracleSourceTest, ResumedPassContinuesAfterTheLastIdWithTheSameWindow) {
  serve(950, 100);
  Cursor from;
  from.since = parse_timestamp("2026-01-01T00:01:00.250Z");
  from.tie_break_id = "100500";
  from.pass_started = parse_timestamp("2026-01-31T00:00:00Z");
  const auto pages = read_all(*open(settings(), from));
  EXPECT_EQ(ids_of(pages), range(100501, 100950));
  const auto qs = pod->seen("q");
  ASSERT_FALSE(qs.empty());
  EXPECT_EQ(qs[0], "LastUpdateDate >= '2026-01-01T00:01:00+00:00' and CustomerTransactionId > 100500");
  EXPECT_EQ(pages.back().next.pass_started, std::nullopt) << "next_pass clears the pass";
}

TEST_F(OracleSourceTest, IncrementalPassReadsOnlyTheWindowAndFullModeIgnoresTheCursor) {
  serve(300, 100);
  Cursor from;
  from.since = parse_timestamp("2026-01-01T00:01:30Z");   // row 270 on
  EXPECT_EQ(ids_of(read_all(*open(settings(), from))), range(100271, 100300));
  pod->server.clear();
  const auto full = read_all(*open(settings(), from, SyncMode::full));
  EXPECT_EQ(ids_of(full).size(), 300u);
}

TEST_F(OracleSourceTest, EmptyWindowIsOneLastPage) {
  serve(50, 100);
  Cursor from;
  from.since = parse_timestamp("2027-01-01T00:00:00Z");
  const auto pages = read_all(*open(settings(), from));
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_TRUE(pages[0].records.empty());
  EXPECT_TRUE(pages[0].last);
  EXPECT_EQ(pages[0].next.since, parse_timestamp("2026-02-01T00:00:00Z") - std::chrono::minutes(5))
      << "nothing read: the next pass starts lookback before this one began";
}

TEST_F(OracleSourceTest, LongPassesStartAKeysetQueryEveryWindowRows) {
  serve(950, 100);
  OracleSettings s = settings(100);
  s.window_rows = 300;
  const auto pages = read_all(*open(s));
  EXPECT_EQ(ids_of(pages), range(100001, 100950));
  EXPECT_EQ(pod->seen("offset"),
            (std::vector<std::string>{"0", "100", "200", "0", "100", "200", "0", "100", "200", "0"}));
  const auto qs = pod->seen("q");
  EXPECT_EQ(qs[3], "CustomerTransactionId > 100300");
  EXPECT_EQ(qs[9], "CustomerTransactionId > 100900");
}

TEST_F(OracleSourceTest, RowsDeletedUnderTheQueryAreReReadWithoutLoss) {
  serve(950, 100);
  pod->intercept = [this](const o2c::test::HttpTestRequest& r) -> std::optional<o2c::test::HttpTestReply> {
    if (r.target.find("offset=200&") != std::string::npos && table->removed == 0) table->removed = 5;
    return std::nullopt;
  };
  const auto pages = read_all(*open(settings()));
  EXPECT_EQ(ids_of(pages), range(100001, 100950)) << "no row skipped, none twice";
  const auto qs = pod->seen("q");
  EXPECT_NE(std::find(qs.begin(), qs.end(), "CustomerTransactionId > 100200"), qs.end())
      << "the re-read starts after the last id handed out";
}

TEST_F(OracleSourceTest, APageRepeatedBecauseTheServerIgnoresOffsetStopsThePass) {
  sim::oracle::OracleOptions options = pod_options(100);
  options.ignore_offset_from = 200;   // field pitfall #24
  serve(950, 100, options);
  auto stream = open(settings());
  std::vector<long> ids;
  const std::string message = error_of(
      [&] {
        while (auto page = stream->next())
          for (const auto& r : page->records) ids.push_back(std::stol(r.id));
      },
      Error::Kind::remote);
  EXPECT_NE(message.find("repeats the rows of offset 0"), std::string::npos) << message;
  EXPECT_NE(message.find("pitfall #24"), std::string::npos);
  EXPECT_EQ(ids, range(100001, 100200)) << "nothing of the repeated page was handed out";
  EXPECT_EQ(stream->api_calls(), 3);
  EXPECT_FALSE(stream->next()) << "the stream is over";
}

TEST_F(OracleSourceTest, WrongPasswordIsAConfigErrorNamingUserAndPasswordAfterOneRequest) {
  serve(10);
  OracleSettings s = settings();
  s.auth = OracleBasicAuth{"o2c.integration", Secret("not-the-password")};
  auto stream = open(s);
  const std::string message = error_of([&] { stream->next(); }, Error::Kind::config);
  EXPECT_NE(message.find("auth.user ('o2c.integration')"), std::string::npos) << message;
  EXPECT_NE(message.find("auth.password"), std::string::npos);
  EXPECT_EQ(message.find("not-the-password"), std::string::npos);
  EXPECT_EQ(pod->server.request_count(), 1u) << "a refused password is not sent again";
}

TEST_F(OracleSourceTest, RefusedQueryIsAConfigErrorNamingTheMappingAndOraclesDetail) {
  serve(10);
  auto query = invoice_query();
  query.where = "InvoiceStatus = 'Complete'";
  auto stream = open(settings(), {}, SyncMode::incremental, query);
  const std::string message = error_of([&] { stream->next(); }, Error::Kind::config);
  EXPECT_NE(message.find("mapping for object receivablesInvoices"), std::string::npos) << message;
  EXPECT_NE(message.find("InvoiceStatus is not an attribute"), std::string::npos) << message;
}

TEST_F(OracleSourceTest, ThrottledAnswerIsRetriedAfterItsRetryAfter) {
  serve(150, 100);
  std::atomic<int> calls{0};
  pod->intercept = [&](const o2c::test::HttpTestRequest&) -> std::optional<o2c::test::HttpTestReply> {
    if (calls++ != 1) return std::nullopt;
    return fault(pod->api, "429");
  };
  auto stream = open(settings());
  EXPECT_EQ(ids_of(read_all(*stream)), range(100001, 100150));
  EXPECT_EQ(client_clock.sleeps(), (std::vector<std::chrono::milliseconds>{std::chrono::seconds(2)}));
  EXPECT_EQ(stream->api_calls(), 3);
}

TEST_F(OracleSourceTest, MaintenancePagesAndTruncatedAnswersAreRetried) {
  serve(150, 100);
  std::atomic<int> calls{0};
  pod->intercept = [&](const o2c::test::HttpTestRequest&) -> std::optional<o2c::test::HttpTestReply> {
    const int n = calls++;
    if (n == 0) {
      return fault(pod->api, "5xx");
    }
    if (n == 1) return o2c::test::HttpTestReply::text(200, "<html><title>Sign In</title></html>", "text/html");
    if (n == 2) return o2c::test::HttpTestReply::json(200, R"({"items":[{"CustomerTransactionId":100001,"Last)");
    if (n == 3) {
      auto reply = o2c::test::HttpTestReply::json(200, std::string(400, ' '));
      reply.truncate_body_at = 20;   // the connection closes early: a transport error
      return reply;
    }
    return std::nullopt;
  };
  OracleSettings s = settings();
  s.client.max_attempts = 5;
  auto stream = open(s);
  EXPECT_EQ(ids_of(read_all(*stream)), range(100001, 100150));
  EXPECT_EQ(pod->server.request_count(), 6u);
  EXPECT_EQ(stream->api_calls(), 5) << "answers classified; the cut transfer never became one";
  s.client.max_attempts = 2;
  calls = 0;
  const std::string message = error_of([&] { read_all(*open(s)); }, Error::Kind::transient);
  EXPECT_NE(message.find("Sign In"), std::string::npos) << "says what came instead: " << message;
}

TEST_F(OracleSourceTest, ClientCredentialsTokenIsFetchedOnceAndRenewedWhenItExpires) {
  serve(300, 100);
  OracleSettings s = settings();
  http::OAuth2Settings oauth;
  oauth.token_url = pod->url() + "/oauth2/v1/token";
  oauth.grant = "client_credentials";
  oauth.client_id = Secret("o2c-demo-oracle-client");
  oauth.client_secret = Secret("o2c-demo-oracle-secret");
  s.auth = oauth;
  std::atomic<int> pages{0};
  pod->intercept = [&](const o2c::test::HttpTestRequest& r) -> std::optional<o2c::test::HttpTestReply> {
    if (r.path() != "/oauth2/v1/token" && pages++ == 1) pod->api.expire_tokens();
    return std::nullopt;
  };
  EXPECT_EQ(ids_of(read_all(*open(s))), range(100001, 100300));
  std::size_t token_requests = 0;
  for (const auto& t : pod->server.requests()) token_requests += t.path() == "/oauth2/v1/token";
  EXPECT_EQ(token_requests, 2u);
  oauth.client_secret = Secret("wrong-secret");
  s.auth = oauth;
  const std::string message = error_of([&] { read_all(*open(s)); }, Error::Kind::config);
  EXPECT_NE(message.find("invalid_client"), std::string::npos) << message;
  EXPECT_EQ(message.find("wrong-secret"), std::string::npos);
}

TEST_F(OracleSourceTest, SettingsAreCheckedAllAtOnce) {
  OracleSettings s;
  s.name = "erp";
  s.auth = OracleBasicAuth{"", Secret("")};
  s.page_size = 0;
  s.framework_version = 1;
  const std::string message = error_of([&] { make_oracle_source(s, clock); }, Error::Kind::config);
  for (const char* what : {"url: missing", "auth.user: missing", "auth.password: missing", "page_size: 0",
                           "framework_version: 1"})
    EXPECT_NE(message.find(what), std::string::npos) << what << " in " << message;
  s = OracleSettings{};
  s.url = "https://acme.fa.us2.oraclecloud.com/fscmRestApi/resources/11.13.18.05/";
  s.auth = http::OAuth2Settings{};
  const std::string oauth = error_of([&] { make_oracle_source(s, clock); }, Error::Kind::config);
  EXPECT_NE(oauth.find("auth.token_url: missing"), std::string::npos) << oauth;
  EXPECT_EQ(oauth.find("erp: url:"), std::string::npos) << "the pod URL pasted with its REST root is fine";
}

TEST_F(OracleSourceTest, QueriesThatCannotBeSentFailBeforeAnyRequest) {
  serve(10);
  auto query = invoice_query();
  query.where = "TransactionType = 'Invoice";
  error_of([&] { open(settings(), {}, SyncMode::incremental, query); }, Error::Kind::config);
  EXPECT_EQ(pod->server.request_count(), 0u);
}

}  // namespace
}  // namespace o2c::oracle
