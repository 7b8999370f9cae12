// The SAP source end to end over real HTTP against the simulated SAP API:
// multi-page passes in V2 and V4 (server pages inside keyset queries), resume
// with the keyset and the next pass's window, and every way a server goes
// wrong: a $skiptoken loop, a server ignoring $skiptoken, a cross-origin next
// link, an error in a 200, truncation, 401 (Basic and OAuth), 429/503 with
// Retry-After, and Edm.DateTimeOffset values written with offsets.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/error.h"
#include "tests/unit/connectors/sap/sap_test_server.h"

namespace o2c::sap::test {
namespace {

using connectors::Cursor;
using connectors::Page;

struct Pass {
  std::vector<std::string> ids;
  std::vector<Page> pages;
  std::map<std::string, Timestamp> modified;
  Cursor next;
  long calls = 0;
};

Pass read(const SapSettings& settings, const connectors::QuerySpec& query, const Cursor& from = {},
          std::size_t max_pages = 1000, const Clock* clock = nullptr) {
  static const FixedClock kClock(kNow + std::chrono::minutes(5));
  const auto source = make_sap_source(settings, clock ? *clock : kClock);
  auto stream = source->open(query, from, connectors::SyncMode::incremental);
  Pass pass;
  while (pass.pages.size() < max_pages) {
    auto page = stream->next();
    if (!page) break;
    for (const auto& r : page->records) {
      EXPECT_EQ(r.defect, "") << r.body;
      pass.ids.push_back(r.id);
      pass.modified[r.id] = r.modified;
    }
    pass.next = page->next;
    pass.pages.push_back(std::move(*page));
  }
  pass.calls = stream->api_calls();
  return pass;
}

std::string error_of(const SapSettings& settings, const connectors::QuerySpec& query, Error::Kind kind) {
  try {
    read(settings, query);
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), kind) << e.what();
    EXPECT_EQ(e.context().source, "erp");
    return e.what();
  }
  ADD_FAILURE() << "the pass did not fail";
  return {};
}

std::vector<std::string> expected_ids(std::size_t from, std::size_t to) {
  std::vector<std::string> out;
  for (std::size_t i = from; i <= to; ++i) out.push_back(std::to_string(i));
  return out;
}

TEST(SapSource, V2PassFollowsServerPagesInsideKeysetQueries) {
  SapTestServer server;
  SapSettings s = server.settings();
  s.page_size = 1500;
  const Pass pass = read(s, billing_query());
  EXPECT_EQ(pass.ids, expected_ids(100001, 102500));
  ASSERT_EQ(pass.pages.size(), 3u);
  EXPECT_FALSE(pass.pages[0].last);
  EXPECT_FALSE(pass.pages[1].last);
  EXPECT_TRUE(pass.pages[2].last);
  EXPECT_EQ(pass.pages[0].next.tie_break_id, "101000");
  EXPECT_EQ(pass.pages[1].next.tie_break_id, "101500");
  EXPECT_FALSE(pass.next.in_pass());
  ASSERT_TRUE(pass.next.since);
  EXPECT_EQ(pass.calls, 3);
  const auto targets = server.targets();
  ASSERT_EQ(targets.size(), 3u);
  EXPECT_NE(targets[0].find("$top=1500&$inlinecount=allpages"), std::string::npos) << targets[0];
  EXPECT_NE(targets[0].find("sap-client=100&$format=json&$select=BillingDocument%2C"), std::string::npos);
  EXPECT_NE(targets[1].find("$skiptoken="), std::string::npos) << targets[1];
  EXPECT_NE(targets[2].find("BillingDocument%20gt%20%27101500%27"), std::string::npos) << targets[2];
}

TEST(SapSource, ResumesWithTheKeysetAndTheNextPassReadsItsWindow) {
  SapTestServer server;
  const SapSettings s = server.settings();
  const Pass first = read(s, billing_query(), {}, 1);
  ASSERT_EQ(first.pages.size(), 1u);
  EXPECT_EQ(first.next.tie_break_id, "101000");
  const Pass rest = read(s, billing_query(), first.next);
  EXPECT_EQ(rest.ids, expected_ids(101001, 102500));
  // The next pass starts lookback (300 s) before the high-water mark 2026-11-10T10:13:53Z (row 2499: 2499/3 s).
  ASSERT_TRUE(rest.next.since);
  EXPECT_EQ(*rest.next.since, parse_timestamp("2026-11-10T10:08:53Z"));
  server.http().clear();
  const Pass incremental = read(s, billing_query(), rest.next);
  EXPECT_EQ(incremental.ids, expected_ids(101600, 102500));   // rows 1599..2499 changed at or after 10:08:53
  EXPECT_NE(server.targets().at(0).find("LastChangeDateTime%20ge%20datetimeoffset%272026-11-10T10%3A08%3A53Z%27"),
            std::string::npos) << server.targets().at(0);
}

TEST(SapSource, V4PassWithRelativeNextLinks) {
  SapTestServer server;
  SapSettings s = server.settings();
  s.page_size = 2500;
  const Pass pass = read(s, billing_query(kBillingV4Service));
  EXPECT_EQ(pass.ids, expected_ids(100001, 102500));
  EXPECT_EQ(pass.pages.size(), 3u);
  const auto requests = server.http().requests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_NE(requests[0].target.find("$count=true"), std::string::npos);
  EXPECT_EQ(requests[0].header("accept"), "application/json;IEEE754Compatible=true");
  EXPECT_NE(pass.pages[0].records[0].body.find(R"("TotalGrossAmount":"100.00")"), std::string::npos);
  EXPECT_NE(requests[1].target.find("/0001/A_BillingDocument?"), std::string::npos) << requests[1].target;
}

TEST(SapSource, SkiptokenLoopIsDetected) {
  sim::sap::SapOptions o;
  o.faults.repeat_next_link = true;
  SapTestServer server(o);
  SapSettings s = server.settings();
  s.page_size = 5000;
  const std::string what = error_of(s, billing_query(), Error::Kind::remote);
  EXPECT_NE(what.find("paging loop"), std::string::npos) << what;
  EXPECT_EQ(server.http().request_count(), 2u);
}

TEST(SapSource, ServerIgnoringTheSkiptokenIsDetected) {
  SapTestServer server;
  server.set_hook([](sim::SimRequest& r, int) -> std::optional<o2c::test::HttpTestReply> {
    if (const auto at = r.target.find("&$skiptoken="); at != std::string::npos) r.target.resize(at);
    return std::nullopt;
  });
  SapSettings s = server.settings();
  s.page_size = 5000;
  const std::string what = error_of(s, billing_query(), Error::Kind::remote);
  EXPECT_NE(what.find("'100001' came after '101000'"), std::string::npos) << what;
}

TEST(SapSource, CrossOriginNextLinkIsRefusedBeforeAnyRequest) {
  sim::sap::SapOptions o;
  o.faults.next_link_base = "http://127.0.0.1:9";
  SapTestServer server(o);
  SapSettings s = server.settings();
  s.page_size = 5000;
  const std::string what = error_of(s, billing_query(), Error::Kind::remote);
  EXPECT_NE(what.find("another origin (http://127.0.0.1:9"), std::string::npos) << what;
  EXPECT_EQ(server.http().request_count(), 1u);
}

TEST(SapSource, ErrorInA200IsRetriedThenReported) {
  sim::sap::SapOptions o;
  o.faults.error_in_200_every = 2;
  SapTestServer flaky(o);
  const Pass pass = read(flaky.settings(), billing_query());
  EXPECT_EQ(pass.ids.size(), 2500u);
  EXPECT_EQ(pass.calls, 5);   // 3 pages; requests 2 and 4 got an error in a 200 and were sent again
  o.faults.error_in_200_every = 1;
  SapTestServer broken(o);
  const std::string what = error_of(broken.settings(), billing_query(), Error::Kind::transient);
  EXPECT_NE(what.find("an SAP error in a successful answer: /IWBEP/CM_MGW_RT/000"), std::string::npos) << what;
  EXPECT_NE(what.find("after 3 attempts"), std::string::npos) << what;
}

TEST(SapSource, AnnouncedCountMustBeDelivered) {
  SapTestServer server;
  server.set_hook([&server](sim::SimRequest& r, int index) -> std::optional<o2c::test::HttpTestReply> {
    if (index != 0) return std::nullopt;
    sim::SimReply reply = server.api().handle(r);
    const auto next = reply.body.find(",\"__next\"");
    reply.body = reply.body.substr(0, next) + "}}";   // the server stops paging early
    return o2c::test::HttpTestReply::json(200, reply.body);
  });
  SapSettings s = server.settings();
  s.page_size = 5000;
  const std::string what = error_of(s, billing_query(), Error::Kind::remote);
  EXPECT_NE(what.find("announced 2500 rows for this query ($top 5000) but sent 1000"), std::string::npos) << what;
}

TEST(SapSource, ThrottlingAndUnavailableAreRetriedHonouringRetryAfter) {
  SapTestServer server;
  server.set_hook([&server](sim::SimRequest&, int index) -> std::optional<o2c::test::HttpTestReply> {
    if (index > 2) return std::nullopt;
    const sim::SimReply fault = server.api().fault_reply(index == 0 ? "429" : "5xx");
    o2c::test::HttpTestReply out;
    out.status = fault.status;
    out.headers = fault.headers;
    out.body = fault.body;
    if (index == 2) {   // a 200 cut short
      out = o2c::test::HttpTestReply::json(200, R"({"d":{"__count":"2500","results":[{"BillingDocument")");
    }
    return out;
  });
  SapSettings s = server.settings();
  s.client.max_attempts = 4;   // Retry-After (2 s, 5 s) is honoured up to retry_after_max (5 ms here)
  const Pass pass = read(s, billing_query());
  EXPECT_EQ(pass.ids.size(), 2500u);
  EXPECT_EQ(server.http().request_count(), 6u);   // 429, 503, truncated, then 3 pages
}

TEST(SapSource, BasicLogonFailuresAreConfigErrorsNamingWhatToCheck) {
  SapTestServer server;
  SapSettings s = server.settings();
  s.password = Secret("not-the-password");
  std::string what = error_of(s, billing_query(), Error::Kind::config);
  EXPECT_NE(what.find("user O2C_COMM_USER"), std::string::npos) << what;
  EXPECT_NE(what.find("sap-client 100"), std::string::npos) << what;
  EXPECT_EQ(what.find("not-the-password"), std::string::npos);
  EXPECT_EQ(server.http().request_count(), 1u);   // Basic: a 401 is not retried
  s = server.settings();
  s.sap_client = "200";
  what = error_of(s, billing_query(), Error::Kind::config);
  EXPECT_NE(what.find("sap-client 200"), std::string::npos) << what;
}

TEST(SapSource, OAuthClientCredentialsWithTokenRefresh) {
  SapTestServer server;
  SapSettings s = server.settings();
  s.grant = "client_credentials";
  s.oauth.client_id = Secret("o2c-demo-sap-client");
  s.oauth.client_secret = Secret("o2c-demo-sap-secret");   // token_url defaults to {url}/sap/bc/sec/oauth2/token
  server.set_hook([&server](sim::SimRequest& r, int index) -> std::optional<o2c::test::HttpTestReply> {
    if (index == 2) server.api().expire_sessions();   // the token dies before the second page
    (void)r;
    return std::nullopt;
  });
  const Pass pass = read(s, billing_query());
  EXPECT_EQ(pass.ids.size(), 2500u);
  EXPECT_EQ(pass.calls, 6);   // token, page, 401, token, page, page
  std::size_t tokens = 0;
  for (const auto& t : server.targets()) tokens += t == "/sap/bc/sec/oauth2/token";
  EXPECT_EQ(tokens, 2u);
  s.oauth.client_secret = Secret("wrong");
  SapTestServer other;
  s.url = other.url();
  s.oauth.token_url.clear();
  const std::string what = error_of(s, billing_query(), Error::Kind::config);
  EXPECT_NE(what.find("invalid_client"), std::string::npos) << what;
  EXPECT_EQ(what.find("wrong"), std::string::npos) << what;
}

TEST(SapSource, ForbiddenCsrfAndRedirectAnswersSayWhatToCheck) {
  SapTestServer server;
  server.set_hook([](sim::SimRequest&, int index) -> std::optional<o2c::test::HttpTestReply> {
    o2c::test::HttpTestReply r = o2c::test::HttpTestReply::text(403, "CSRF token validation failed");
    if (index == 0) r.headers.emplace_back("x-csrf-token", "Required");
    if (index == 2) {
      r.status = 302;
      r.headers.emplace_back("Location", "https://accounts.example/saml2/idp/sso");
    }
    return r;
  });
  std::string what = error_of(server.settings(), billing_query(), Error::Kind::config);
  EXPECT_NE(what.find("CSRF token for a read"), std::string::npos) << what;
  what = error_of(server.settings(), billing_query(), Error::Kind::config);
  EXPECT_NE(what.find("communication arrangement"), std::string::npos) << what;
  EXPECT_NE(what.find("API_BILLING_DOCUMENT_SRV"), std::string::npos) << what;
  what = error_of(server.settings(), billing_query(), Error::Kind::config);
  EXPECT_NE(what.find("redirected (HTTP 302) to 'https://accounts.example/saml2/idp/sso'"), std::string::npos) << what;
}

TEST(SapSource, MappingProblemsNameTheMapping) {
  SapTestServer server;
  auto q = billing_query();
  q.object = "A_BillingDocuments";
  std::string what = error_of(server.settings(), q, Error::Kind::config);
  EXPECT_NE(what.find("mapping for object A_BillingDocuments"), std::string::npos) << what;
  EXPECT_NE(what.find("Resource not found for the segment 'A_BillingDocuments'"), std::string::npos) << what;
  q = billing_query();
  q.where = "BillingDocumentType eq F2";
  what = error_of(server.settings(), q, Error::Kind::config);
  EXPECT_NE(what.find("Invalid $filter"), std::string::npos) << what;
  q = billing_query("/sap/opu/odata/sap/API_BILLING_DOC_SRV");
  what = error_of(server.settings(), q, Error::Kind::config);
  EXPECT_NE(what.find("No service found"), std::string::npos) << what;
}

TEST(SapSource, DateTimeOffsetsWrittenWithAnOffsetAreTheSameInstants) {
  for (const int offset : {120, -330, 60}) {
    for (const bool v4 : {false, true}) {
      sim::sap::SapOptions o;
      o.datetimeoffset_offset_minutes = offset;
      SapTestServer server(o);
      SapSettings s = server.settings();
      s.page_size = 5000;
      const Pass pass = read(s, billing_query(v4 ? kBillingV4Service : "/sap/opu/odata/sap/API_BILLING_DOCUMENT_SRV"));
      ASSERT_EQ(pass.ids.size(), 2500u);
      const auto& rows = server.data().documents->rows();
      for (std::size_t i = 0; i < rows.size(); i += 97) {
        EXPECT_EQ(pass.modified.at(std::get<std::string>(rows[i][0])),
                  Timestamp{std::get<sim::SimTime>(rows[i][9]).time_since_epoch()})
            << offset << (v4 ? " v4" : " v2");
      }
      if (!v4) {
        EXPECT_NE(pass.pages[0].records[0].body.find(offset > 0 ? "+0" : "-0"), std::string::npos);
      }
    }
  }
}

TEST(SapSource, CancelledDocumentsAndDecimalTextArriveAsSent) {
  SapTestServer server;
  SapSettings s = server.settings();
  s.page_size = 5000;
  const Pass pass = read(s, billing_query());
  const auto& body = pass.pages[0].records[6].body;   // 100007: cancelled
  EXPECT_EQ(pass.pages[0].records[6].id, "100007");
  EXPECT_NE(body.find(R"("BillingDocumentIsCancelled":true)"), std::string::npos) << body;
  EXPECT_NE(body.find(R"("TotalGrossAmount":"106.06")"), std::string::npos) << body;
}

}  // namespace
}  // namespace o2c::sap::test
