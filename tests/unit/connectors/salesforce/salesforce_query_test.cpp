// tests/unit/connectors/salesforce/salesforce_query_test.cpp — the SOQL of a
// pass exactly as the wire contract writes it: fields deduplicated, since
// floored to whole seconds in UTC, the keyset id validated, the mapping's
// where wrapped; anything that could change the query's meaning refused; the
// URL encoded and kept under the GET size limit.
#include "connectors/salesforce/salesforce_query.h"

#include <gtest/gtest.h>

#include "connectors/http/url.h"
#include "core/error.h"

namespace o2c::salesforce {
namespace {

connectors::QuerySpec order_query() {
  connectors::QuerySpec q;
  q.object = "Order";
  q.fields = {"Id", "OrderNumber", "Account.Name", "systemmodstamp", "IsDeleted", "isdeleted", "TotalAmount"};
  q.id_field = "Id";
  q.cursor_field = "SystemModstamp";
  q.where = "Status = 'Activated'";
  return q;
}

Timestamp at(const char* iso) { return parse_timestamp(iso); }

Error::Kind kind_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.kind();
  }
  ADD_FAILURE() << "no Error thrown";
  return Error::Kind::internal;
}

TEST(SalesforceQuery, ResumedPassHasSinceKeysetAndWrappedWhere) {
  EXPECT_EQ(build_soql(order_query(), at("2026-11-24T10:00:00.789Z"), "801000000000123AAA"),
            "SELECT Id, SystemModstamp, OrderNumber, Account.Name, IsDeleted, TotalAmount FROM Order "
            "WHERE SystemModstamp >= 2026-11-24T10:00:00Z AND Id > '801000000000123AAA' AND (Status = 'Activated') "
            "ORDER BY Id ASC");
}

TEST(SalesforceQuery, FullSyncHasNoModstampCondition) {
  auto q = order_query();
  q.where.clear();
  EXPECT_EQ(build_soql(q, std::nullopt, ""),
            "SELECT Id, SystemModstamp, OrderNumber, Account.Name, IsDeleted, TotalAmount FROM Order ORDER BY Id ASC");
}

TEST(SalesforceQuery, SinceWithAnOffsetIsWrittenInUtcWithZ) {
  const std::string soql = build_soql(order_query(), at("2024-03-31T01:30:00.123+01:00"), "");
  EXPECT_NE(soql.find("SystemModstamp >= 2024-03-31T00:30:00Z AND (Status"), std::string::npos) << soql;
  EXPECT_EQ(soql.find('+'), std::string::npos);
}

TEST(SalesforceQuery, KeysetIdMustBeASalesforceId) {
  EXPECT_EQ(kind_of([] { build_soql(order_query(), std::nullopt, "801' OR Name != '"); }), Error::Kind::store);
  EXPECT_NO_THROW(build_soql(order_query(), std::nullopt, "801000000000123")) << "a 15-character id is valid";
}

TEST(SalesforceQuery, InjectionThroughFieldsObjectOrWhereIsRefused) {
  auto q = order_query();
  q.fields.push_back("Name, (SELECT Id FROM Contacts)");
  EXPECT_EQ(kind_of([&] { build_soql(q, std::nullopt, ""); }), Error::Kind::config);
  q = order_query();
  q.object = "Order WHERE Id != null";
  EXPECT_EQ(kind_of([&] { build_soql(q, std::nullopt, ""); }), Error::Kind::config);
  q = order_query();
  q.where = "Status = 'Activated') OR (Name != null";
  EXPECT_EQ(kind_of([&] { build_soql(q, std::nullopt, ""); }), Error::Kind::config);
  q.where = "Status = 'Activated";
  EXPECT_EQ(kind_of([&] { build_soql(q, std::nullopt, ""); }), Error::Kind::config);
  q.id_field = "Id > '0' OR Id";
  q.where.clear();
  EXPECT_EQ(kind_of([&] { build_soql(q, std::nullopt, ""); }), Error::Kind::config);
}

TEST(SalesforceQuery, ParenthesesAndEscapedQuotesInsideLiteralsAreFine) {
  auto q = order_query();
  q.where = R"(Name = ')(' OR Name = 'O\'Brien (x')";
  EXPECT_NE(build_soql(q, std::nullopt, "").find(R"(WHERE (Name = ')(' OR Name = 'O\'Brien (x') ORDER)"),
            std::string::npos);
}

TEST(SalesforceQuery, ConfigErrorNamesTheMappingObject) {
  auto q = order_query();
  q.where = "(Status = 'Activated'";
  try {
    build_soql(q, std::nullopt, "");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("mapping for object Order"), std::string::npos) << e.what();
  }
}

TEST(SalesforceQuery, UrlCarriesThePercentEncodedSoql) {
  const std::string soql = build_soql(order_query(), at("2026-11-24T10:00:00Z"), "");
  const std::string url = soql_url("http://127.0.0.1:8080/", "59.0", false, soql, "Order");
  const std::string prefix = "http://127.0.0.1:8080/services/data/v59.0/query?q=";
  ASSERT_EQ(url.substr(0, prefix.size()), prefix);
  const std::string encoded = url.substr(prefix.size());
  EXPECT_EQ(encoded.find_first_of(" '+>=()"), std::string::npos) << encoded;
  EXPECT_EQ(http::percent_decode(encoded), soql);
  EXPECT_NE(soql_url("http://h", "59.0", true, soql, "Order").find("/services/data/v59.0/queryAll?q="),
            std::string::npos);
}

TEST(SalesforceQuery, UrlOverTheGetLimitIsAConfigErrorNotA414) {
  auto q = order_query();
  std::string in_list = "Id IN ('801000000000000AAA'";
  for (int i = 0; i < 800; ++i) in_list += ", '801000000000000AAA'";
  q.where = in_list + ")";
  const std::string soql = build_soql(q, std::nullopt, "");
  try {
    soql_url("https://acme.my.salesforce.com", "59.0", false, soql, "Order");
    FAIL() << "expected the length guard";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::config);
    EXPECT_NE(std::string(e.what()).find("mapping for object Order"), std::string::npos) << e.what();
  }
  q.where = "Id IN ('801000000000000AAA')";
  EXPECT_LE(soql_url("https://acme.my.salesforce.com", "59.0", false, build_soql(q, std::nullopt, ""), "Order").size(),
            kMaxUrlBytes);
}

TEST(SalesforceQuery, IdAndPathShapes) {
  EXPECT_TRUE(is_salesforce_id("801000000000123"));
  EXPECT_TRUE(is_salesforce_id("801000000000123AAA"));
  EXPECT_FALSE(is_salesforce_id("801000000000123AA"));
  EXPECT_FALSE(is_salesforce_id("80100000000012'AAA"));
  EXPECT_FALSE(is_salesforce_id(""));
  EXPECT_TRUE(is_soql_field_path("Account.Owner.Name"));
  EXPECT_TRUE(is_soql_field_path("Customer_PO__c"));
  EXPECT_FALSE(is_soql_field_path("Account..Name"));
  EXPECT_FALSE(is_soql_field_path("1Name"));
  EXPECT_FALSE(is_soql_field_path("Name)"));
}

}  // namespace
}  // namespace o2c::salesforce
