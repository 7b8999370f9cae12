// tests/unit/sim/oracle/oracle_collection_test.cpp — the collection resource
// of the simulated Fusion REST API: the envelope (count, hasMore, limit,
// offset, totalResults only when asked, links), the server's limit cap and
// default, offsets past the end, onlyData, fields, expand, orderBy, JSON
// types (ids and amounts as exact numbers, receipts' Amount as a string,
// dates, timestamps, nulls), describe, single items and child collections.
#include "tests/unit/sim/oracle/oracle_test_support.h"

namespace o2c::sim::oracle::test {
namespace {

class OracleCollectionTest : public ::testing::Test {
 protected:
  OracleOptions options(std::size_t max_page = 500) const {
    OracleOptions o;
    o.max_page_size = max_page;
    return o;
  }
  OracleApi api{options(10), catalog(30)};
};

TEST_F(OracleCollectionTest, EnvelopeCarriesCountHasMoreLimitOffsetAndTotalOnlyWhenAsked) {
  const Answer plain = get(api, kInvoices + "?limit=5&offset=10");
  ASSERT_EQ(plain.status, 200) << plain.body;
  EXPECT_EQ(plain.content_type, "application/vnd.oracle.adf.resourcecollection+json");
  const auto body = plain.json();
  EXPECT_EQ(body.at("count").as_int64(), 5);
  EXPECT_TRUE(body.at("hasMore").as_bool());
  EXPECT_EQ(body.at("limit").as_int64(), 5);
  EXPECT_EQ(body.at("offset").as_int64(), 10);
  EXPECT_FALSE(body.as_object().contains("totalResults"));
  EXPECT_EQ(column(body, "CustomerTransactionId"),
            (std::vector<std::string>{"100011", "100012", "100013", "100014", "100015"}));
  const auto& self = body.at("links").as_array().at(0);
  EXPECT_EQ(self.at("rel").as_string(), "self");
  EXPECT_EQ(self.at("href").as_string(), "http://127.0.0.1:8000" + kInvoices + "?limit=5&offset=10");

  const auto counted = get(api, kInvoices + "?limit=5&offset=25&totalResults=true").json();
  EXPECT_EQ(counted.at("totalResults").as_int64(), 30);
  EXPECT_EQ(counted.at("count").as_int64(), 5);
  EXPECT_FALSE(counted.at("hasMore").as_bool()) << "25 + 5 rows reach the end";
}

TEST_F(OracleCollectionTest, ServerCutsTheLimitToItsMaximumAndSaysSo) {
  const auto body = get(api, kInvoices + "?limit=1000&offset=0&totalResults=true").json();
  EXPECT_EQ(body.at("limit").as_int64(), 10);
  EXPECT_EQ(body.at("count").as_int64(), 10);
  EXPECT_TRUE(body.at("hasMore").as_bool());
  OracleApi roomy(options(), catalog(30));
  EXPECT_EQ(get(roomy, kInvoices).json().at("limit").as_int64(), 25) << "ADF's default range size";
  EXPECT_EQ(get(roomy, kInvoices).json().at("count").as_int64(), 25);
}

TEST_F(OracleCollectionTest, OffsetAtOrPastTheEndAnswersAnEmptyLastPage) {
  for (const char* offset : {"30", "31", "5000"}) {
    const auto body = get(api, kInvoices + "?limit=5&totalResults=true&offset=" + offset).json();
    EXPECT_EQ(body.at("count").as_int64(), 0) << offset;
    EXPECT_TRUE(body.at("items").as_array().empty());
    EXPECT_FALSE(body.at("hasMore").as_bool());
    EXPECT_EQ(body.at("totalResults").as_int64(), 30);
  }
}

TEST_F(OracleCollectionTest, LimitAndOffsetThatAreNoCountsAreRefused) {
  for (const char* bad : {"limit=0", "limit=-1", "limit=ten", "offset=-5", "offset=1.5", "totalResults=yes",
                          "onlyData=1"}) {
    const Answer a = get(api, kInvoices + "?" + bad);
    EXPECT_EQ(a.status, 400) << bad;
    const std::string name(bad, std::string_view(bad).find('='));
    EXPECT_NE(a.body.find(name), std::string::npos) << a.body;
  }
}

TEST_F(OracleCollectionTest, ItemsCarryLinksUnlessOnlyData) {
  const auto with = get(api, kInvoices + "?limit=1").json();
  const auto& links = with.at("items").at(0).at("links").as_array();
  ASSERT_GE(links.size(), 3u);
  EXPECT_EQ(links.at(0).at("rel").as_string(), "self");
  EXPECT_EQ(links.at(0).at("href").as_string(), "http://127.0.0.1:8000" + kInvoices + "/100001");
  EXPECT_EQ(links.at(2).at("rel").as_string(), "child");
  const auto without = get(api, kInvoices + "?limit=1&onlyData=true").json();
  EXPECT_FALSE(without.at("items").at(0).as_object().contains("links"));
  EXPECT_TRUE(without.as_object().contains("links")) << "the collection keeps its own links";
}

TEST_F(OracleCollectionTest, ValuesAreWrittenInOraclesJsonTypesExactly) {
  const Answer a = get(api, kInvoices + "?limit=7&onlyData=true");
  const auto items = a.json().at("items").as_array();
  EXPECT_TRUE(items.at(0).at("CustomerTransactionId").is_int64()) << "ids are numbers";
  EXPECT_EQ(items.at(0).at("TransactionDate").as_string(), "2026-01-01");
  EXPECT_EQ(items.at(0).at("LastUpdateDate").as_string(), "2026-01-01T00:00:00.000+00:00");
  EXPECT_TRUE(items.at(0).at("PurchaseOrder").is_null()) << "nulls are written, not omitted";
  EXPECT_EQ(items.at(4).at("EnteredAmount").as_string(), "abc") << "the planted amount stays a string";
  EXPECT_NE(a.body.find("\"EnteredAmount\":101.01"), std::string::npos) << "exact decimal text as a JSON number";
  EXPECT_NE(a.body.find("\"EnteredAmount\":-106.06"), std::string::npos) << "credit memos negative";
  EXPECT_NE(a.body.find("\"InvoiceBalanceAmount\":0.00"), std::string::npos) << "trailing zeros kept";

  const Answer receipts = get(api, kReceipts + "?onlyData=true");
  ASSERT_EQ(receipts.status, 200) << receipts.body;
  EXPECT_NE(receipts.body.find("\"Amount\":\"1234567890123.45\""), std::string::npos) << receipts.body;
  EXPECT_NE(receipts.body.find("\"Amount\":\"451.23\""), std::string::npos);
}

TEST_F(OracleCollectionTest, FieldsProjectTheItemsAndUnknownFieldsAreRefused) {
  const auto body = get(api, kInvoices + "?limit=2&onlyData=true&fields=TransactionNumber,CustomerTransactionId").json();
  const auto& item = body.at("items").at(0).as_object();
  EXPECT_EQ(item.size(), 2u);
  EXPECT_TRUE(item.contains("CustomerTransactionId"));
  EXPECT_TRUE(item.contains("TransactionNumber"));
  const Answer bad = get(api, kInvoices + "?fields=TransactionNumbr");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("TransactionNumbr"), std::string::npos);
  EXPECT_NE(bad.body.find("did you mean 'TransactionNumber'"), std::string::npos) << bad.body;
}

TEST_F(OracleCollectionTest, ExpandInlinesChildrenAndChildFieldsProjectThem) {
  const auto all = get(api, kInvoices + "?limit=2&onlyData=true&expand=all").json();
  const auto& lines = all.at("items").at(1).at("receivablesInvoiceLines").as_array();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines.at(0).at("CustomerTransactionId").as_int64(), 100002);
  EXPECT_EQ(lines.at(1).at("CustomerTransactionLineId").as_int64(), 500004);

  const auto projected =
      get(api, kInvoices + "?limit=1&onlyData=true&fields=TransactionNumber;receivablesInvoiceLines:LineAmount").json();
  const auto& item = projected.at("items").at(0).as_object();
  EXPECT_EQ(item.size(), 2u);
  EXPECT_EQ(item.at("receivablesInvoiceLines").at(0).as_object().size(), 1u);

  EXPECT_EQ(get(api, kInvoices + "?expand=receivablesInvoiceLine").status, 400);
  EXPECT_FALSE(get(api, kInvoices + "?limit=1&onlyData=true").json().at("items").at(0).as_object().contains(
      "receivablesInvoiceLines"))
      << "children only when expanded";
}

TEST_F(OracleCollectionTest, OrderByAscendingDescendingAndRefusals) {
  const auto desc = get(api, kInvoices + "?limit=3&orderBy=CustomerTransactionId:desc").json();
  EXPECT_EQ(column(desc, "CustomerTransactionId"), (std::vector<std::string>{"100030", "100029", "100028"}));
  const auto by_type = get(api, kInvoices + "?limit=30&orderBy=TransactionType:asc,CustomerTransactionId:desc").json();
  const auto types = column(by_type, "TransactionType");
  EXPECT_EQ(types.front(), "Credit Memo");
  EXPECT_EQ(column(by_type, "CustomerTransactionId").front(), "100028") << "ties broken by the second key";
  const auto last = column(get(api, kInvoices + "?limit=10&offset=20&orderBy=PurchaseOrder").json(), "PurchaseOrder");
  EXPECT_EQ(last.back(), "null") << "nulls sort last ascending (as Oracle's NULLS LAST)";
  EXPECT_EQ(last.front(), "PO-2026-000026");
  const auto first = column(get(api, kInvoices + "?limit=1&orderBy=PurchaseOrder:desc").json(), "PurchaseOrder");
  EXPECT_EQ(first.front(), "null") << "and first descending";
  EXPECT_EQ(get(api, kInvoices + "?orderBy=Nope:asc").status, 400);
  EXPECT_EQ(get(api, kInvoices + "?orderBy=CustomerTransactionId:up").status, 400);
}

TEST_F(OracleCollectionTest, DescribeListsAttributesWithTypeAndQueryable) {
  const Answer a = get(api, kInvoices + "/describe");
  ASSERT_EQ(a.status, 200) << a.body;
  const auto doc = a.json();
  const auto& r = doc.at("Resources").at("receivablesInvoices");
  std::map<std::string, std::pair<std::string, bool>> attrs;
  for (const auto& attr : r.at("attributes").as_array())
    attrs[std::string(attr.at("name").as_string())] = {std::string(attr.at("type").as_string()),
                                                        attr.at("queryable").as_bool()};
  EXPECT_EQ(attrs.at("CustomerTransactionId"), (std::pair<std::string, bool>{"integer", true}));
  EXPECT_EQ(attrs.at("LastUpdateDate"), (std::pair<std::string, bool>{"datetime", true}));
  EXPECT_EQ(attrs.at("InvoiceBalanceAmount"), (std::pair<std::string, bool>{"number", false}));
  EXPECT_TRUE(r.at("children").as_object().contains("receivablesInvoiceLines"));
  const auto receipts = get(api, kReceipts + "/describe").json();
  for (const auto& attr : receipts.at("Resources").at("standardReceipts").at("attributes").as_array())
    if (attr.at("name").as_string() == "Amount") {
      EXPECT_EQ(attr.at("type").as_string(), "string");
    }
}

TEST_F(OracleCollectionTest, SingleItemsAndChildCollections) {
  const Answer item = get(api, kInvoices + "/100003?onlyData=true");
  ASSERT_EQ(item.status, 200) << item.body;
  EXPECT_EQ(item.json().at("TransactionNumber").as_string(), "INV100003");
  EXPECT_EQ(get(api, kInvoices + "/999").status, 404);
  const auto lines = get(api, kInvoices + "/100003/child/receivablesInvoiceLines?totalResults=true").json();
  EXPECT_EQ(lines.at("count").as_int64(), 2);
  EXPECT_EQ(lines.at("totalResults").as_int64(), 2);
  EXPECT_EQ(get(api, kInvoices + "/100003/child/nope").status, 404);
}

}  // namespace
}  // namespace o2c::sim::oracle::test
