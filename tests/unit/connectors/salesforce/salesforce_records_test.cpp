// tests/unit/connectors/salesforce/salesforce_records_test.cpp — a /query
// answer cut into records: exact record text (amounts as sent), Id and
// modstamp from the top level only, relationship objects and nulls kept, one
// bad record (invalid UTF-8, no Id, bad modstamp) isolated while the page goes
// on, truncated or incomplete answers refused, a 10 MB field passed through.
#include "connectors/salesforce/salesforce_records.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include "core/time.h"

namespace o2c::salesforce {
namespace {

const std::string kOrder1 =
    R"({"attributes":{"type":"Order","url":"/services/data/v59.0/sobjects/Order/801000000000001AAA"},)"
    R"("Account":{"attributes":{"type":"Account"},"Id":"001000000000009AAA","Name":"Acme"},)"
    R"("Id":"801000000000001AAA","TotalAmount":12345678901234567.89,"PoNumber":null,)"
    R"("SystemModstamp":"2026-05-01T10:00:00.000+0000"})";
const std::string kOrder2 =
    R"({"attributes":{"type":"Order"},"Id":"801000000000002AAA","Account":null,"IsDeleted":false,)"
    R"("TotalAmount":0.10,"SystemModstamp":"2026-05-01T10:00:00.000+0000"})";

std::string answer(const std::vector<std::string>& records, bool done = true, long total = -1) {
  std::string body = fmt::format(R"({{"totalSize":{},"done":{},)", total < 0 ? records.size() : total, done);
  if (!done) body += R"("nextRecordsUrl":"/services/data/v59.0/query/01gXX-2000",)";
  body += R"("records":[)";
  for (std::size_t i = 0; i < records.size(); ++i) body += (i ? ",\n  " : "") + records[i];
  return body + "]}";
}

QueryBatch cut(const std::string& body) {
  std::string problem;
  auto batch = cut_query_batch(body, RecordKeys{}, problem);
  EXPECT_TRUE(batch) << problem;
  return batch ? std::move(*batch) : QueryBatch{};
}

TEST(SalesforceRecords, RecordsKeepTheirExactTextAndTopLevelKeys) {
  const QueryBatch b = cut(answer({kOrder1, kOrder2}, false, 5));
  EXPECT_EQ(b.total_size, 5);
  EXPECT_FALSE(b.done);
  EXPECT_EQ(b.next_records_url, "/services/data/v59.0/query/01gXX-2000");
  ASSERT_EQ(b.records.size(), 2u);
  EXPECT_EQ(b.records[0].body, kOrder1);
  EXPECT_EQ(b.records[1].body, kOrder2);
  EXPECT_EQ(b.records[0].id, "801000000000001AAA") << "the nested Account.Id is not the record's Id";
  EXPECT_EQ(b.records[0].modified, parse_timestamp("2026-05-01T10:00:00Z"));
  EXPECT_TRUE(b.records[0].defect.empty());
  EXPECT_TRUE(b.records[1].defect.empty());
}

TEST(SalesforceRecords, KeysMatchCaseInsensitively) {
  const QueryBatch b = cut(answer({R"({"id":"801000000000003AAA","systemmodstamp":"2026-05-01T10:00:00Z"})"}));
  ASSERT_EQ(b.records.size(), 1u);
  EXPECT_EQ(b.records[0].id, "801000000000003AAA");
  EXPECT_TRUE(b.records[0].defect.empty());
}

TEST(SalesforceRecords, InvalidUtf8StaysInItsOwnRecordWithTheOriginalBytes) {
  const std::string bad = "{\"Id\":\"801000000000004AAA\",\"Name\":\"Caf\xe9 \xff\xfe\","
                          "\"SystemModstamp\":\"2026-05-01T10:00:00.000+0000\"}";
  const QueryBatch b = cut(answer({kOrder1, bad, kOrder2}));
  ASSERT_EQ(b.records.size(), 3u);
  EXPECT_EQ(b.records[0].body, kOrder1);
  EXPECT_EQ(b.records[1].body, bad) << "the bad bytes are kept for the mapper to report";
  EXPECT_EQ(b.records[1].id, "801000000000004AAA");
  EXPECT_TRUE(b.records[1].defect.empty());
  EXPECT_EQ(b.records[2].body, kOrder2);
}

TEST(SalesforceRecords, RecordWithoutIdOrModstampIsADefectAndThePageGoesOn) {
  const QueryBatch b = cut(answer({R"({"attributes":{},"Name":"no id","SystemModstamp":"2026-05-01T10:00:00Z"})",
                                   R"({"Id":"801000000000005AAA","SystemModstamp":"yesterday"})",
                                   R"({"Id":null,"SystemModstamp":"2026-05-01T10:00:00Z"})",
                                   R"({"Id":"not-an-id","SystemModstamp":"2026-05-01T10:00:00Z"})", R"("just text")",
                                   kOrder2}));
  ASSERT_EQ(b.records.size(), 6u);
  EXPECT_EQ(b.records[0].defect, "record has no Id");
  EXPECT_EQ(b.records[1].defect, "SystemModstamp 'yesterday' is not a timestamp");
  EXPECT_EQ(b.records[1].id, "801000000000005AAA");
  EXPECT_EQ(b.records[2].defect, "record has no Id");
  EXPECT_EQ(b.records[3].defect, "Id 'not-an-id' is not a Salesforce record id");
  EXPECT_EQ(b.records[4].defect, "record is not a JSON object");
  EXPECT_EQ(b.records[4].body, R"("just text")");
  EXPECT_TRUE(b.records[5].defect.empty());
}

TEST(SalesforceRecords, TruncatedOrIncompleteAnswersAreRefused) {
  const std::string full = answer({kOrder1, kOrder2});
  std::string problem;
  for (std::size_t cut_at : {full.size() - 1, full.size() - 2, full.size() / 2, std::size_t{10}}) {
    EXPECT_FALSE(cut_query_batch(full.substr(0, cut_at), RecordKeys{}, problem)) << cut_at;
    EXPECT_NE(problem.find("JSON"), std::string::npos) << problem;
  }
  EXPECT_FALSE(cut_query_batch(R"({"totalSize":1,"records":[]})", RecordKeys{}, problem));
  EXPECT_EQ(problem, "JSON answer without done");
  EXPECT_FALSE(cut_query_batch(R"({"totalSize":1,"done":false,"records":[]})", RecordKeys{}, problem));
  EXPECT_NE(problem.find("nextRecordsUrl"), std::string::npos);
  EXPECT_FALSE(cut_query_batch(R"([{"message":"x","errorCode":"Y"}])", RecordKeys{}, problem));
  EXPECT_FALSE(cut_query_batch(full + "{}", RecordKeys{}, problem));
}

TEST(SalesforceRecords, TenMegabyteFieldPassesThrough) {
  const std::string big(10u << 20, 'x');
  const std::string record = R"({"Id":"801000000000006AAA","Description":")" + big +
                             R"(","SystemModstamp":"2026-05-01T10:00:00.000+0000"})";
  const QueryBatch b = cut(answer({record, kOrder2}));
  ASSERT_EQ(b.records.size(), 2u);
  EXPECT_EQ(b.records[0].body.size(), record.size());
  EXPECT_EQ(b.records[0].body, record);
  EXPECT_EQ(b.records[0].id, "801000000000006AAA");
}

TEST(SalesforceRecords, EmptyAnswer) {
  const QueryBatch b = cut(R"({"totalSize":0,"done":true,"records":[]})");
  EXPECT_EQ(b.total_size, 0);
  EXPECT_TRUE(b.done);
  EXPECT_TRUE(b.records.empty());
}

}  // namespace
}  // namespace o2c::salesforce
