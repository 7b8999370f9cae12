// tests/unit/connectors/oracle/oracle_records_test.cpp — a collection answer
// cut into raw records: the envelope read, each item's exact bytes kept
// (amounts as their exact tokens, invalid UTF-8 as sent), ids from numbers or
// strings, modstamps with offsets, defects for items without a usable key,
// and unusable bodies (truncated, without items/count/hasMore) refused.
#include <gtest/gtest.h>

#include "connectors/oracle/oracle_records.h"
#include "core/time.h"

namespace o2c::oracle {
namespace {

std::optional<CollectionPage> cut(std::string_view body, std::string* why = nullptr) {
  std::string problem;
  auto page = cut_collection_page(body, "CustomerTransactionId", "LastUpdateDate", problem);
  if (why) *why = problem;
  return page;
}

TEST(OracleRecords, EnvelopeAndItemsAreReadExactly) {
  const std::string body =
      R"({"items":[{"CustomerTransactionId":100001,"EnteredAmount":1234567890123.45,"Amount":"0.10",)"
      R"("LastUpdateDate":"2026-11-24T10:00:00.000+00:00","PurchaseOrder":null},)"
      R"({"CustomerTransactionId":"100002","LastUpdateDate":"2026-11-24T11:00:00+01:00","EnteredAmount":-0.1}],)"
      R"("count":2,"hasMore":true,"limit":2,"offset":4,"totalResults":9,"links":[]})";
  const auto page = cut(body);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->count, 2);
  EXPECT_TRUE(page->has_more);
  EXPECT_EQ(page->limit, 2);
  EXPECT_EQ(page->offset, 4);
  EXPECT_EQ(page->total_results, 9);
  ASSERT_EQ(page->records.size(), 2u);
  EXPECT_EQ(page->records[0].id, "100001");
  EXPECT_EQ(page->records[1].id, "100002");
  EXPECT_EQ(page->records[0].modified, parse_timestamp("2026-11-24T10:00:00Z"));
  EXPECT_EQ(page->records[1].modified, parse_timestamp("2026-11-24T10:00:00Z")) << "the offset is applied";
  EXPECT_NE(page->records[0].body.find("1234567890123.45"), std::string::npos) << "never through a double";
  EXPECT_NE(page->records[0].body.find(R"("Amount":"0.10")"), std::string::npos);
  EXPECT_EQ(page->records[1].body.back(), '}');
  EXPECT_TRUE(page->records[0].defect.empty());
}

TEST(OracleRecords, ItemsWithoutAUsableKeyAreDefects) {
  const std::string body =
      R"({"items":[{"LastUpdateDate":"2026-11-24T10:00:00Z"},)"
      R"({"CustomerTransactionId":7,"LastUpdateDate":"yesterday"},)"
      R"({"CustomerTransactionId":8,"LastUpdateDate":null},)"
      R"({"CustomerTransactionId":{"a":1},"LastUpdateDate":"2026-11-24T10:00:00Z"},)"
      R"([1,2]],"count":5,"hasMore":false,"limit":25,"offset":0,"totalResults":5})";
  const auto page = cut(body);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->records.size(), 5u);
  EXPECT_NE(page->records[0].defect.find("no CustomerTransactionId"), std::string::npos);
  EXPECT_NE(page->records[1].defect.find("'yesterday'"), std::string::npos);
  EXPECT_EQ(page->records[1].id, "7") << "the id is kept for the keyset and the report";
  EXPECT_NE(page->records[2].defect.find("null"), std::string::npos);
  EXPECT_NE(page->records[3].defect.find("not a scalar"), std::string::npos);
  EXPECT_EQ(page->records[4].defect, "item is not a JSON object");
}

TEST(OracleRecords, InvalidUtf8StaysInTheBodyAsSent) {
  const std::string body = "{\"items\":[{\"CustomerTransactionId\":1,\"LastUpdateDate\":\"2026-11-24T10:00:00Z\","
                           "\"PurchaseOrder\":\"PO\xff\xfe\"}],\"count\":1,\"hasMore\":false,\"limit\":1}";
  const auto page = cut(body);
  ASSERT_TRUE(page);
  EXPECT_NE(page->records[0].body.find("PO\xff\xfe"), std::string::npos);
  EXPECT_FALSE(page->total_results) << "absent when not sent";
}

TEST(OracleRecords, UnusableBodiesAreRefusedWithAReason) {
  std::string why;
  EXPECT_FALSE(cut(R"({"items":[{"CustomerTransactionId":1},{"Cus)", &why));
  EXPECT_NE(why.find("truncated"), std::string::npos) << why;
  EXPECT_FALSE(cut(R"({"count":0,"hasMore":false})", &why));
  EXPECT_EQ(why, "JSON answer without items");
  EXPECT_FALSE(cut(R"({"items":[],"hasMore":false})", &why));
  EXPECT_EQ(why, "JSON answer without count");
  EXPECT_FALSE(cut(R"({"items":[],"count":0})", &why));
  EXPECT_EQ(why, "JSON answer without hasMore");
  EXPECT_FALSE(cut(R"({"items":[],"count":0,"hasMore":false} {})", &why));
  EXPECT_FALSE(cut("<html><title>Sign In</title></html>", &why));
}

}  // namespace
}  // namespace o2c::oracle
