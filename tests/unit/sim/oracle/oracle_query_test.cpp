// tests/unit/sim/oracle/oracle_query_test.cpp — the q parameter through the
// API in both syntaxes: rowmatch (framework 2+) with comparisons on every
// type, and/or/not/parentheses, like, between, in, is null, quoted literals;
// query-by-example (framework 1); what each version refuses; unknown and
// non-queryable attributes; timestamp literals whose '+' arrived as a space;
// errors as plain text before framework 4 and as JSON from 4 on.
#include "core/time.h"
#include "tests/unit/sim/oracle/oracle_test_support.h"

namespace o2c::sim::oracle::test {
namespace {

// RFC 3986 encoding for a query value (the connector's job; written here independently).
std::string encode(std::string_view text) {
  std::string out;
  for (const unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~')
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

class OracleQueryTest : public ::testing::Test {
 protected:
  std::vector<std::string> ids(const std::string& q, int version = 2) {
    const Answer a = get(api, kInvoices + "?limit=500&onlyData=true&fields=CustomerTransactionId&q=" + encode(q), version);
    EXPECT_EQ(a.status, 200) << q << " → " << a.body;
    if (a.status != 200) return {};
    return column(a.json(), "CustomerTransactionId");
  }
  Answer refused(const std::string& q, int version = 2) {
    const Answer a = get(api, kInvoices + "?q=" + encode(q), version);
    EXPECT_EQ(a.status, 400) << q << " → " << a.body;
    return a;
  }

  OracleApi api{OracleOptions{}, catalog(30)};
};

TEST_F(OracleQueryTest, RowmatchComparesTimestampsNumbersTextAndDates) {
  // LastUpdateDate of row r is 2026-01-01T00:00:00Z + r/3 seconds.
  EXPECT_EQ(ids("LastUpdateDate >= '2026-01-01T00:00:09+00:00'").front(), "100028");
  EXPECT_EQ(ids("LastUpdateDate >= '2026-01-01T01:00:09+01:00'").size(), 3u) << "offsets are applied";
  EXPECT_EQ(ids("LastUpdateDate > '2026-01-01T00:00:08.500Z'").size(), 3u) << "milliseconds and Z";
  EXPECT_EQ(ids("CustomerTransactionId > 100027").size(), 3u);
  EXPECT_EQ(ids("CustomerTransactionId <= '100002'").size(), 2u) << "a quoted number still compares as a number";
  EXPECT_EQ(ids("EnteredAmount < -107").size(), 3u) << "credit memos 100021, 100028 and 100014 (-113.13)";
  EXPECT_EQ(ids("TransactionNumber = 'CM100007'"), (std::vector<std::string>{"100007"}));
  EXPECT_EQ(ids("TransactionDate = '2026-01-03'"), (std::vector<std::string>{"100003"}));
  EXPECT_EQ(ids("TransactionType != 'Invoice'").size(), 4u);
}

TEST_F(OracleQueryTest, RowmatchCombinesWithAndOrNotAndParentheses) {
  EXPECT_EQ(ids("CustomerTransactionId < 100004 or CustomerTransactionId > 100028"),
            (std::vector<std::string>{"100001", "100002", "100003", "100029", "100030"}));
  EXPECT_EQ(ids("(CustomerTransactionId < 100004 or CustomerTransactionId > 100028) and InvoiceCurrencyCode = 'EUR'"),
            (std::vector<std::string>{"100001"}))
      << "and binds tighter than or; parentheses win";
  EXPECT_EQ(ids("CustomerTransactionId < 100004 or CustomerTransactionId > 100028 and InvoiceCurrencyCode = 'EUR'"),
            (std::vector<std::string>{"100001", "100002", "100003"}));
  EXPECT_EQ(ids("not (CustomerTransactionId > 100002) AND NOT TransactionType = 'Credit Memo'"),
            (std::vector<std::string>{"100001", "100002"}))
      << "keywords in any case";
}

TEST_F(OracleQueryTest, RowmatchLikeBetweenInAndNull) {
  EXPECT_EQ(ids("TransactionNumber like 'CM%'").size(), 4u);
  EXPECT_EQ(ids("TransactionNumber like 'CM*'").size(), 4u) << "* is a wildcard too";
  EXPECT_EQ(ids("TransactionNumber like 'INV10000_'").size(), 8u) << "_ matches one character";
  EXPECT_EQ(ids("TransactionNumber not like 'INV%'").size(), 4u);
  EXPECT_EQ(ids("CustomerTransactionId between 100010 and 100012").size(), 3u);
  EXPECT_EQ(ids("CustomerTransactionId not between 100002 and 100030"), (std::vector<std::string>{"100001"}));
  EXPECT_EQ(ids("CustomerTransactionId in (100003, 100005, '100007')").size(), 3u);
  EXPECT_EQ(ids("CustomerTransactionId not in (100003, 100005)").size(), 28u);
  EXPECT_EQ(ids("PurchaseOrder is null").size(), 6u);
  EXPECT_EQ(ids("PurchaseOrder is not null").size(), 24u);
  EXPECT_EQ(ids("PurchaseOrder != 'x'").size(), 24u) << "a comparison with null is unknown, not true";
  EXPECT_EQ(ids("not (PurchaseOrder = 'x')").size(), 24u) << "and so is its negation";
}

TEST_F(OracleQueryTest, QuotedLiteralsKeepQuotesAndSeparators) {
  OracleApi receipts_api{OracleOptions{}, catalog(30)};
  const Answer a = get(receipts_api,
                       kReceipts + "?onlyData=true&q=" + encode("Comments = 'Remittance INV100001 ''quoted'''"));
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(a.json().at("count").as_int64(), 1);
}

TEST_F(OracleQueryTest, QueryByExampleIsTheSyntaxOfVersionOne) {
  EXPECT_EQ(ids("InvoiceCurrencyCode=EUR;CustomerTransactionId>100025", 1),
            (std::vector<std::string>{"100028"}));
  EXPECT_EQ(ids("TransactionType='Credit Memo'", 1).size(), 4u);
  EXPECT_EQ(ids("TransactionNumber LIKE CM*", 1).size(), 4u);
  EXPECT_EQ(ids("LastUpdateDate>=2026-01-01T00:00:09Z", 1).size(), 3u);
  EXPECT_EQ(ids("TransactionNumber='a;b'", 1).size(), 0u) << "a ';' inside quotes separates nothing";
  // Version 1 reads a rowmatch expression as one value: not a timestamp.
  const Answer a = refused("LastUpdateDate >= '2026-01-01T00:00:09+00:00' and CustomerTransactionId > 5", 1);
  EXPECT_NE(a.body.find("not a timestamp"), std::string::npos) << a.body;
  // ...and version 2 refuses query-by-example's bare values.
  const Answer b = refused("InvoiceCurrencyCode=EUR;CustomerTransactionId>100025", 2);
  EXPECT_NE(b.body.find("quote text values"), std::string::npos) << b.body;
}

TEST_F(OracleQueryTest, UnknownAndNonQueryableAttributesAreRefusedByName) {
  const Answer unknown = refused("LastUpdatedDate >= '2026-01-01T00:00:00+00:00'");
  EXPECT_NE(unknown.body.find("LastUpdatedDate"), std::string::npos);
  EXPECT_NE(unknown.body.find("did you mean 'LastUpdateDate'"), std::string::npos) << unknown.body;
  refused("lastupdatedate >= '2026-01-01T00:00:00+00:00'");   // attribute names are case-sensitive
  const Answer hidden = refused("InvoiceBalanceAmount > 0");
  EXPECT_NE(hidden.body.find("not queryable"), std::string::npos) << hidden.body;
  EXPECT_EQ(refused("Nope = 1", 1).status, 400);
}

TEST_F(OracleQueryTest, TimestampWhosePlusArrivedAsASpaceIsRefused) {
  // The connector must encode '+' as %2B; sent raw, a form decoder reads a space.
  const Answer a = get(api, kInvoices + "?q=LastUpdateDate%20%3E%3D%20'2026-01-01T00:00:09+00:00'");
  EXPECT_EQ(a.status, 400);
  EXPECT_NE(a.body.find("2026-01-01T00:00:09 00:00"), std::string::npos) << a.body;
  EXPECT_NE(a.body.find("'+'"), std::string::npos) << "the message says why";
}

TEST_F(OracleQueryTest, MalformedExpressionsAreRefusedWithTheirPosition) {
  for (const char* q : {"CustomerTransactionId >", "(CustomerTransactionId > 1", "CustomerTransactionId > 1 and",
                        "TransactionNumber = 'open", "CustomerTransactionId ~ 1", "EnteredAmount > 'abc'",
                        "TransactionType like 5x", "CustomerTransactionId between 1", "TransactionDate = 'May'",
                        "EnteredAmount like '1%'", "CustomerTransactionId > 1 CustomerTransactionId"}) {
    const Answer a = refused(q);
    EXPECT_NE(a.body.find("character"), std::string::npos) << q << " → " << a.body;
  }
}

TEST_F(OracleQueryTest, ErrorsArePlainTextBeforeVersionFourAndJsonFromFour) {
  const Answer text = refused("Nope = 1", 3);
  EXPECT_EQ(text.content_type.substr(0, 10), "text/plain");
  const Answer json = refused("Nope = 1", 4);
  EXPECT_EQ(json.content_type, "application/vnd.oracle.adf.error+json");
  const auto body = json.json();
  EXPECT_EQ(body.at("status").as_string(), "400");
  const auto& detail = body.at("o:errorDetails").at(0);
  EXPECT_NE(std::string(detail.at("detail").as_string()).find("Nope"), std::string::npos);
  EXPECT_EQ(detail.at("o:errorPath").as_string(), "q");
}

}  // namespace
}  // namespace o2c::sim::oracle::test
