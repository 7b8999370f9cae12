// tests/unit/connectors/netsuite/netsuite_query_test.cpp — the SuiteQL of a
// window exactly as the wire contract writes it, the keyset id and the
// id/cursor columns validated against injection, the JSON body escaped, the
// paging URL, and the two spellings of an account id (realm and host).
#include "connectors/netsuite/netsuite_query.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "connectors/netsuite/netsuite.h"
#include "core/error.h"

namespace o2c::netsuite {
namespace {

connectors::QuerySpec invoice_query() {
  connectors::QuerySpec q;
  q.object = "transaction";
  q.select = {{"id", "t.id"},
              {"tranid", "t.tranid"},
              {"trandate", "TO_CHAR(t.trandate, 'YYYY-MM-DD')"},
              {"lastmodifieddate", R"(TO_CHAR(t.lastmodifieddate, 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))"}};
  q.from = "transaction t JOIN currency cur ON cur.id = t.currency";
  q.where = "t.type IN ('CustInvc', 'CustCred')";
  q.id_field = "t.id";
  q.cursor_field = "t.lastmodifieddate";
  return q;
}

const AccountTimeZone kUtc("UTC");

Error::Kind kind_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.kind();
  }
  ADD_FAILURE() << "no Error thrown";
  return Error::Kind::internal;
}

TEST(NetSuiteQuery, ResumedWindowHasWhereSinceAndKeyset) {
  EXPECT_EQ(build_suiteql(invoice_query(), parse_timestamp("2026-11-24T10:00:00.900Z"), "12345", kUtc),
            "SELECT t.id AS o2c_id, TO_CHAR(t.lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS o2c_modified, "
            "t.id AS id, t.tranid AS tranid, TO_CHAR(t.trandate, 'YYYY-MM-DD') AS trandate, "
            R"(TO_CHAR(t.lastmodifieddate, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS lastmodifieddate )"
            "FROM transaction t JOIN currency cur ON cur.id = t.currency "
            "WHERE (t.type IN ('CustInvc', 'CustCred')) AND "
            "t.lastmodifieddate >= TO_DATE('2026-11-24 10:00:00', 'YYYY-MM-DD HH24:MI:SS') AND t.id > 12345 "
            "ORDER BY t.id ASC");
}

TEST(NetSuiteQuery, NoConditionGivesOneEqualsOne) {
  auto q = invoice_query();
  q.where.clear();
  const std::string text = build_suiteql(q, std::nullopt, "", kUtc);
  EXPECT_NE(text.find(" WHERE 1 = 1 ORDER BY t.id ASC"), std::string::npos) << text;
  q.from.clear();
  q.object = "customer";
  q.id_field = "id";
  q.cursor_field = "lastmodifieddate";
  q.select = {{"entityid", "entityid"}};
  EXPECT_EQ(build_suiteql(q, std::nullopt, "", kUtc),
            "SELECT id AS o2c_id, TO_CHAR(lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS o2c_modified, "
            "entityid AS entityid FROM customer WHERE 1 = 1 ORDER BY id ASC");
}

TEST(NetSuiteQuery, KeysetIdMustBeDigitsOnly) {
  EXPECT_EQ(kind_of([] { build_suiteql(invoice_query(), std::nullopt, "12 OR 1 = 1", kUtc); }), Error::Kind::store);
  EXPECT_EQ(kind_of([] { build_suiteql(invoice_query(), std::nullopt, "-1", kUtc); }), Error::Kind::store);
  EXPECT_NO_THROW(build_suiteql(invoice_query(), std::nullopt, "9876543210", kUtc));
}

TEST(NetSuiteQuery, InjectionThroughColumnsAliasesOrWhereIsRefused) {
  auto q = invoice_query();
  q.id_field = "t.id; DELETE FROM transaction";
  EXPECT_EQ(kind_of([&] { build_suiteql(q, std::nullopt, "", kUtc); }), Error::Kind::config);
  q = invoice_query();
  q.cursor_field = "t.lastmodifieddate) OR (1 = 1";
  EXPECT_EQ(kind_of([&] { build_suiteql(q, std::nullopt, "", kUtc); }), Error::Kind::config);
  q = invoice_query();
  q.select.push_back({"o2c_id", "t.entity"});
  EXPECT_EQ(kind_of([&] { build_suiteql(q, std::nullopt, "", kUtc); }), Error::Kind::config);
  q = invoice_query();
  q.select.push_back({"x, t.memo AS y", "t.memo"});
  EXPECT_EQ(kind_of([&] { build_suiteql(q, std::nullopt, "", kUtc); }), Error::Kind::config);
  q = invoice_query();
  q.where = "t.type = 'CustInvc') OR (1 = 1";
  EXPECT_EQ(kind_of([&] { build_suiteql(q, std::nullopt, "", kUtc); }), Error::Kind::config);
  q.where = "t.memo = 'it''s";
  EXPECT_EQ(kind_of([&] { build_suiteql(q, std::nullopt, "", kUtc); }), Error::Kind::config);
  q.where = "t.memo = 'it''s (fine)'";
  EXPECT_NO_THROW(build_suiteql(q, std::nullopt, "", kUtc));
}

TEST(NetSuiteQuery, BodyIsJsonWithTheQueryEscaped) {
  const std::string text = R"(SELECT 'a"b\c' AS x FROM t)";
  const boost::json::value body = boost::json::parse(suiteql_body(text));
  EXPECT_EQ(body.at("q").as_string(), text);
  EXPECT_EQ(body.as_object().size(), 1u);
}

TEST(NetSuiteQuery, PagingUrl) {
  EXPECT_EQ(suiteql_url("http://127.0.0.1:4000/", 1000, 2000),
            "http://127.0.0.1:4000/services/rest/query/v1/suiteql?limit=1000&offset=2000");
}

TEST(NetSuiteAccount, RealmIsUpperCaseWithUnderscoresHostIsLowerCaseWithHyphens) {
  EXPECT_EQ(netsuite_realm("1234567-sb1"), "1234567_SB1");
  EXPECT_EQ(netsuite_realm("1234567_SB1"), "1234567_SB1");
  EXPECT_EQ(netsuite_realm("1234567_sb1"), "1234567_SB1");
  EXPECT_EQ(netsuite_realm("1234567"), "1234567");
  EXPECT_EQ(netsuite_default_url("1234567_SB1"), "https://1234567-sb1.suitetalk.api.netsuite.com");
  EXPECT_EQ(netsuite_default_url("1234567-sb1"), "https://1234567-sb1.suitetalk.api.netsuite.com");
}

TEST(NetSuiteSettingsCheck, EveryProblemNamedNoSecretShown) {
  NetSuiteSettings s;
  s.name = "erp";
  s.account = "1234567 SB1";
  s.consumer_key = Secret("ck-secret-value");
  s.page_size = 1001;
  s.result_ceiling = 10;
  s.client.max_concurrency = 0;
  const FixedClock clock(parse_timestamp("2026-05-01T00:00:00Z"));
  try {
    make_netsuite_source(s, clock);
    FAIL();
  } catch (const Error& e) {
    const std::string message = e.what();
    EXPECT_EQ(e.kind(), Error::Kind::config);
    for (const char* part : {"netsuite source erp: account: '1234567 SB1'", "auth.consumer_secret: missing",
                             "auth.token_id: missing", "auth.token_secret: missing", "page_size: 1001",
                             "result_ceiling: 10", "max_concurrency"})
      EXPECT_NE(message.find(part), std::string::npos) << part << " in " << message;
    EXPECT_EQ(message.find("auth.consumer_key"), std::string::npos);
    EXPECT_EQ(message.find("ck-secret-value"), std::string::npos);
  }
}

}  // namespace
}  // namespace o2c::netsuite
