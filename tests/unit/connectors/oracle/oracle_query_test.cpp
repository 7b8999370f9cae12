// tests/unit/connectors/oracle/oracle_query_test.cpp — the q text of a
// window (cursor, keyset and the mapping's where, each only when it applies;
// literals that cannot change the query's meaning), the fields/expand
// projection and the collection URL with every part percent-encoded.
#include <gtest/gtest.h>

#include "connectors/http/url.h"
#include "connectors/oracle/oracle_query.h"
#include "core/error.h"

namespace o2c::oracle {
namespace {

connectors::QuerySpec invoices() {
  connectors::QuerySpec q;
  q.object = "receivablesInvoices";
  q.service = "/fscmRestApi/resources/11.13.18.05/receivablesInvoices";
  q.id_field = "CustomerTransactionId";
  q.cursor_field = "LastUpdateDate";
  q.fields = {"CustomerTransactionId", "TransactionNumber", "EnteredAmount", "LastUpdateDate"};
  return q;
}

std::string config_error(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::config) << e.what();
    return e.what();
  }
  ADD_FAILURE() << "no Error";
  return {};
}

TEST(OracleQuery, FilterHasTheCursorTheKeysetAndTheWhereOnlyWhenTheyApply) {
  auto q = invoices();
  EXPECT_EQ(build_q(q, std::nullopt, ""), "");
  const Timestamp since = parse_timestamp("2026-11-24T10:00:00.789Z");
  EXPECT_EQ(build_q(q, since, ""), "LastUpdateDate >= '2026-11-24T10:00:00+00:00'")
      << "cut to the second: never later than the cursor";
  EXPECT_EQ(build_q(q, since, "100457"),
            "LastUpdateDate >= '2026-11-24T10:00:00+00:00' and CustomerTransactionId > 100457");
  q.where = " TransactionType = 'Invoice' or TransactionType = 'Credit Memo' ";
  EXPECT_EQ(build_q(q, std::nullopt, "100457"),
            "CustomerTransactionId > 100457 and (TransactionType = 'Invoice' or TransactionType = 'Credit Memo')");
}

TEST(OracleQuery, KeysetIdsAreLiteralsWhateverTheCursorHolds) {
  EXPECT_EQ(id_literal("100457"), "100457");
  EXPECT_EQ(id_literal("ACC-1"), "'ACC-1'");
  EXPECT_EQ(id_literal("1' or '1'='1"), "'1'' or ''1''=''1'");
  EXPECT_EQ(id_literal("12345678901234567890"), "'12345678901234567890'") << "too long for a number";
  EXPECT_EQ(timestamp_literal(parse_timestamp("2026-03-29T01:30:00+01:00")), "'2026-03-29T00:30:00+00:00'");
}

TEST(OracleQuery, MappingsThatCannotBeSentAreConfigErrorsNamingTheObject) {
  auto q = invoices();
  q.where = "TransactionType = 'Invoice";
  EXPECT_NE(config_error([&] { build_q(q, std::nullopt, ""); }).find("receivablesInvoices"), std::string::npos);
  q.where = "(a = 1))";
  EXPECT_NE(config_error([&] { build_q(q, std::nullopt, ""); }).find("closes nothing"), std::string::npos);
  q = invoices();
  q.cursor_field = "LastUpdateDate desc";
  EXPECT_NE(config_error([&] { build_q(q, std::nullopt, ""); }).find("cursor"), std::string::npos);
  q = invoices();
  q.id_field = "";
  config_error([&] { build_q(q, std::nullopt, ""); });
  q = invoices();
  q.service = "receivablesInvoices";
  EXPECT_NE(config_error([&] { collection_url("https://pod", q, {}); }).find("service"), std::string::npos);
}

TEST(OracleQuery, FieldsNameTheAttributesAndChildProjections) {
  auto q = invoices();
  q.fields = {"TransactionNumber", "receivablesInvoiceLines.LineAmount", "EnteredAmount",
              "receivablesInvoiceLines.LineNumber"};
  q.expand = {"receivablesInvoiceLines"};
  EXPECT_EQ(fields_param(q),
            "TransactionNumber,EnteredAmount,CustomerTransactionId,LastUpdateDate;receivablesInvoiceLines:LineAmount,"
            "LineNumber");
  EXPECT_EQ(expand_param(q), "receivablesInvoiceLines");
  q.fields.clear();
  EXPECT_EQ(fields_param(q), "") << "no fields named: every attribute";
  q.fields = {"receivablesInvoiceDFF.SalesforceOrder"};
  EXPECT_NE(config_error([&] { fields_param(q); }).find("expand"), std::string::npos);
  q.expand = {"lines,notes"};
  config_error([&] { expand_param(q); });
}

TEST(OracleQuery, UrlCarriesEveryParameterPercentEncoded) {
  auto q = invoices();
  PageRequest page{fields_param(q), "", build_q(q, parse_timestamp("2026-11-24T10:00:00Z"), "100457"), 500, 1000};
  const std::string url = collection_url("https://acme.fa.us2.oraclecloud.com", q, page);
  EXPECT_EQ(url,
            "https://acme.fa.us2.oraclecloud.com/fscmRestApi/resources/11.13.18.05/receivablesInvoices"
            "?onlyData=true&totalResults=true&limit=500&offset=1000&orderBy=CustomerTransactionId%3Aasc"
            "&fields=CustomerTransactionId%2CTransactionNumber%2CEnteredAmount%2CLastUpdateDate"
            "&q=LastUpdateDate%20%3E%3D%20%272026-11-24T10%3A00%3A00%2B00%3A00%27%20and%20CustomerTransactionId"
            "%20%3E%20100457");
  EXPECT_EQ(url.find('+'), std::string::npos) << "a raw '+' would arrive as a space (field pitfall #49)";
  const auto parts = http::split_url(url);
  ASSERT_EQ(parts.query.size(), 7u);
  EXPECT_EQ(parts.query[6].second,
            "LastUpdateDate >= '2026-11-24T10:00:00+00:00' and CustomerTransactionId > 100457");
}

}  // namespace
}  // namespace o2c::oracle
