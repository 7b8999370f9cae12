// OData answers cut into records: both envelopes, exact bodies, keys and
// modstamps (/Date(ms±mmmm)/ read as the UTC instant it is, field-pitfalls
// #22), and the answers that are not usable (an error in a 200, truncation).
#include <gtest/gtest.h>

#include "connectors/sap/sap_records.h"
#include "connectors/sap/sap_verdict.h"

namespace o2c::sap {
namespace {

const RecordKeys kKeys{"BillingDocument", "LastChangeDateTime"};

std::optional<ODataPage> cut(std::string_view body, Protocol p, std::string* why = nullptr) {
  std::string problem;
  auto page = cut_odata_page(body, p, kKeys, problem);
  if (why) *why = problem;
  return page;
}

TEST(SapRecords, OdataTimestamps) {
  const Timestamp t = parse_timestamp("2024-04-01T00:00:00Z");
  EXPECT_EQ(parse_odata_timestamp("/Date(1711929600000)/"), t);
  EXPECT_EQ(parse_odata_timestamp("/Date(1711929600000+0120)/"), t);   // offset in minutes: informational
  EXPECT_EQ(parse_odata_timestamp("/Date(1711929600000+0060)/"), t);
  EXPECT_EQ(parse_odata_timestamp("/Date(1711929600000-0330)/"), t);
  EXPECT_EQ(parse_odata_timestamp("/Date(-86400000)/"), parse_timestamp("1969-12-31T00:00:00Z"));
  EXPECT_EQ(parse_odata_timestamp("2024-04-01T02:00:00.0000000+02:00"), t);
  for (const char* bad : {"/Date()/", "/Date(12+1)/", "/Date(12)", "/Date(abc)/", "/Date(12+01:00)/"})
    EXPECT_FALSE(parse_odata_timestamp(bad)) << bad;
}

TEST(SapRecords, V2PageKeepsEachEntityExactly) {
  const std::string body =
      R"j({"d":{"__count":"3","results":[)j"
      R"j({"__metadata":{"uri":"http://h/x('100001')","type":"S.T"},"BillingDocument":"100001",)j"
      R"j("TotalGrossAmount":"1234567890123.45","LastChangeDateTime":"/Date(1714556400000+0000)/","BillingDocumentIsCancelled":true},)j"
      R"j( {"BillingDocument":"100002","LastChangeDateTime":"/Date(1714556400000+0120)/","Name":"M\u00fcller \"&\" S\u00f6hne"}],)j"
      R"j("__next":"http://h/x?$skiptoken=%27a%27"}})j";
  const auto page = cut(body, Protocol::v2);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->count, 3);
  EXPECT_EQ(page->next, "http://h/x?$skiptoken=%27a%27");
  ASSERT_EQ(page->records.size(), 2u);
  EXPECT_EQ(page->records[0].id, "100001");
  EXPECT_EQ(page->records[0].modified, parse_timestamp("2024-05-01T09:40:00Z"));
  EXPECT_EQ(page->records[1].modified, page->records[0].modified);
  EXPECT_NE(page->records[0].body.find(R"j("TotalGrossAmount":"1234567890123.45")j"), std::string::npos);
  EXPECT_TRUE(page->records[0].body.starts_with(R"j({"__metadata")j"));
  EXPECT_TRUE(page->records[0].body.ends_with("true}"));
  EXPECT_EQ(page->records[1].body,
            R"j({"BillingDocument":"100002","LastChangeDateTime":"/Date(1714556400000+0120)/","Name":"M\u00fcller \"&\" S\u00f6hne"})j");
}

TEST(SapRecords, V4PageWithNumberOrStringCount) {
  for (const char* count : {"2", "\"2\""}) {
    const std::string body = std::string(R"j({"@odata.context":"$metadata#A","@odata.count":)j") + count +
                             R"j(,"value":[{"BillingDocument":"1","LastChangeDateTime":"2026-11-24T10:00:00.1234567Z","A":0.1},)j"
                             R"j({"BillingDocument":"2","LastChangeDateTime":"2026-11-24T11:00:00Z"}],"@odata.nextLink":"A?$skiptoken=2"})j";
    const auto page = cut(body, Protocol::v4);
    ASSERT_TRUE(page) << count;
    EXPECT_EQ(page->count, 2);
    EXPECT_EQ(page->next, "A?$skiptoken=2");
    EXPECT_EQ(page->records[0].modified, parse_timestamp("2026-11-24T10:00:00.123Z"));
    EXPECT_NE(page->records[0].body.find("\"A\":0.1}"), std::string::npos);   // a JSON number kept as its text
  }
}

TEST(SapRecords, DefectsStayPerEntity) {
  const auto page = cut(R"j({"d":{"results":[{"LastChangeDateTime":"/Date(1)/"},{"BillingDocument":"2"},)j"
                        R"j({"BillingDocument":"3","LastChangeDateTime":"yesterday"},7,)j"
                        R"j({"BillingDocument":"4","LastChangeDateTime":"/Date(4)/"}]}})j", Protocol::v2);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->records.size(), 5u);
  EXPECT_NE(page->records[0].defect.find("no BillingDocument"), std::string::npos);
  EXPECT_NE(page->records[1].defect.find("no LastChangeDateTime"), std::string::npos);
  EXPECT_NE(page->records[2].defect.find("'yesterday'"), std::string::npos);
  EXPECT_EQ(page->records[3].defect, "entity is not a JSON object");
  EXPECT_EQ(page->records[4].defect, "");
  EXPECT_FALSE(page->count);
}

TEST(SapRecords, UnusableAnswers) {
  std::string why;
  EXPECT_FALSE(cut(R"j({"error":{"code":"/IWBEP/CM_MGW_RT/000","message":{"lang":"en","value":"Backend down"}}})j",
                   Protocol::v2, &why));
  EXPECT_NE(why.find("SAP error in a successful answer: /IWBEP/CM_MGW_RT/000: Backend down"), std::string::npos) << why;
  EXPECT_FALSE(cut(R"j({"error":{"code":"X","message":"V4 text"}})j", Protocol::v4, &why));
  EXPECT_NE(why.find("X: V4 text"), std::string::npos) << why;
  EXPECT_FALSE(cut(R"j({"d":{"__count":"3","results":[{"BillingDocument":"1")j", Protocol::v2, &why));
  EXPECT_NE(why.find("truncated"), std::string::npos);
  EXPECT_FALSE(cut(R"j({"d":{"BillingDocument":"1"}})j", Protocol::v2, &why));
  EXPECT_NE(why.find("d.results"), std::string::npos);
  EXPECT_FALSE(cut(R"j({"value":[],"@odata.count":"many"})j", Protocol::v4, &why));
  EXPECT_FALSE(cut(R"j({"d":{"results":[]}} trailing)j", Protocol::v2, &why));
}

}  // namespace
}  // namespace o2c::sap
