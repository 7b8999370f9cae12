// tests/unit/connectors/netsuite/netsuite_records_test.cpp — a SuiteQL answer
// cut into records: exact item text, id and modstamp from o2c_id and
// o2c_modified, one bad item (invalid UTF-8, no id, non-numeric id, no
// modstamp) isolated while the page goes on, truncated or incomplete answers
// refused, and each status/errorCode classified.
#include "connectors/netsuite/netsuite_records.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include "connectors/netsuite/netsuite_verdict.h"
#include "core/time.h"

namespace o2c::netsuite {
namespace {

using http::Verdict;

const AccountTimeZone kUtc("UTC");

const std::string kItem1 =
    R"({"links":[],"o2c_id":"8812","o2c_modified":"2026-05-03 10:15:00","tranid":"INV10023","foreigntotal":"1200.10"})";
const std::string kItem2 =
    R"({"links":[],"o2c_id":"8813","o2c_modified":"2026-05-03 10:15:00","memo":"a \"quoted\" memo"})";

std::string answer(const std::vector<std::string>& items, long total = -1, bool more = false, long offset = 0) {
  std::string body = fmt::format(R"({{"links":[{{"rel":"self","href":"x"}}],"count":{},"hasMore":{},"offset":{},)"
                                 R"("totalResults":{},"items":[)",
                                 items.size(), more, offset, total < 0 ? static_cast<long>(items.size()) : total);
  for (std::size_t i = 0; i < items.size(); ++i) body += (i ? "," : "") + items[i];
  return body + "]}";
}

SuiteqlPage cut(const std::string& body) {
  std::string problem;
  auto page = cut_suiteql_page(body, kUtc, problem);
  EXPECT_TRUE(page) << problem;
  return page ? std::move(*page) : SuiteqlPage{};
}

http::Response reply(int status, std::string body, std::string type = "application/json") {
  http::Response r;
  r.status = status;
  r.headers.push_back({"content-type", std::move(type)});
  r.body = std::move(body);
  return r;
}

std::string ns_error(int status, std::string_view code, std::string_view detail) {
  return fmt::format(R"({{"type":"https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html","title":"t","status":{},)"
                     R"("o:errorDetails":[{{"detail":"{}","o:errorCode":"{}"}}]}})",
                     status, detail, code);
}

TEST(NetSuiteRecords, ItemsKeepTheirExactTextIdAndModstamp) {
  const SuiteqlPage p = cut(answer({kItem1, kItem2}, 2345, true, 1000));
  EXPECT_EQ(p.total_results, 2345);
  EXPECT_EQ(p.count, 2);
  EXPECT_TRUE(p.has_more);
  EXPECT_EQ(p.offset, 1000);
  ASSERT_EQ(p.records.size(), 2u);
  EXPECT_EQ(p.records[0].body, kItem1);
  EXPECT_EQ(p.records[1].body, kItem2);
  EXPECT_EQ(p.records[0].id, "8812");
  EXPECT_EQ(p.records[0].modified, parse_timestamp("2026-05-03T10:15:00Z"));
  EXPECT_TRUE(p.records[0].defect.empty());
}

TEST(NetSuiteRecords, InvalidUtf8StaysInItsOwnItemWithTheOriginalBytes) {
  const std::string bad = "{\"links\":[],\"o2c_id\":\"8814\",\"o2c_modified\":\"2026-05-03 10:15:00\","
                          "\"memo\":\"\xc3\x28 \xed\xa0\x80 \xf8\"}";
  const SuiteqlPage p = cut(answer({kItem1, bad, kItem2}));
  ASSERT_EQ(p.records.size(), 3u);
  EXPECT_EQ(p.records[0].body, kItem1);
  EXPECT_EQ(p.records[1].body, bad);
  EXPECT_EQ(p.records[1].id, "8814");
  EXPECT_TRUE(p.records[1].defect.empty());
  EXPECT_EQ(p.records[2].body, kItem2);
}

TEST(NetSuiteRecords, ItemWithoutUsableIdOrModstampIsADefectAndThePageGoesOn) {
  const SuiteqlPage p = cut(answer({R"({"links":[],"o2c_modified":"2026-05-03 10:15:00"})",
                                    R"({"links":[],"o2c_id":"INV-1","o2c_modified":"2026-05-03 10:15:00"})",
                                    R"({"links":[],"o2c_id":"8815"})",
                                    R"({"links":[],"o2c_id":"8816","o2c_modified":"5/3/2026"})", kItem2}));
  ASSERT_EQ(p.records.size(), 5u);
  EXPECT_NE(p.records[0].defect.find("no o2c_id"), std::string::npos);
  EXPECT_EQ(p.records[1].defect, "o2c_id 'INV-1' is not a NetSuite internal id");
  EXPECT_NE(p.records[2].defect.find("no o2c_modified"), std::string::npos);
  EXPECT_EQ(p.records[2].id, "8815");
  EXPECT_EQ(p.records[3].defect, "o2c_modified '5/3/2026' is not a 'YYYY-MM-DD HH24:MI:SS' timestamp");
  EXPECT_TRUE(p.records[4].defect.empty());
}

TEST(NetSuiteRecords, TruncatedOrIncompleteAnswersAreRefused) {
  const std::string full = answer({kItem1, kItem2});
  std::string problem;
  for (std::size_t at : {full.size() - 1, full.size() / 2, std::size_t{1}}) {
    EXPECT_FALSE(cut_suiteql_page(full.substr(0, at), kUtc, problem)) << at;
    EXPECT_NE(problem.find("JSON"), std::string::npos);
  }
  EXPECT_FALSE(cut_suiteql_page(R"({"count":0,"hasMore":false,"items":[]})", kUtc, problem));
  EXPECT_EQ(problem, "JSON answer without totalResults");
  EXPECT_FALSE(cut_suiteql_page(R"({"count":0,"hasMore":false,"totalResults":0})", kUtc, problem));
  EXPECT_EQ(problem, "JSON answer without items");
}

TEST(NetSuiteVerdict, StatusAndErrorCodes) {
  EXPECT_EQ(netsuite_verdict(reply(200, answer({kItem1}))), Verdict::ok);
  EXPECT_EQ(netsuite_verdict(reply(429, ns_error(429, "CONCURRENCY_LIMIT_EXCEEDED", "Concurrent request limit"))),
            Verdict::retry);
  EXPECT_EQ(netsuite_verdict(reply(400, ns_error(400, "CONCURRENCY_LIMIT_EXCEEDED", "blocked"))), Verdict::retry);
  EXPECT_EQ(netsuite_verdict(reply(401, ns_error(401, "INVALID_LOGIN", "Invalid login attempt."))), Verdict::fail);
  EXPECT_EQ(netsuite_verdict(reply(400, ns_error(400, "INVALID_PARAMETER", "Invalid search query"))), Verdict::fail);
  EXPECT_EQ(netsuite_verdict(reply(503, "<html><title>503</title></html>", "text/html")), Verdict::retry);
  EXPECT_EQ(netsuite_verdict(reply(502, "")), Verdict::retry);
  EXPECT_EQ(netsuite_verdict(reply(404, ns_error(404, "NONEXISTENT_ID", "x"))), Verdict::fail);
}

TEST(NetSuiteVerdict, HtmlOrTruncatedAnswerWithStatus200IsRetried) {
  SuiteqlPage page;
  std::string problem;
  EXPECT_EQ(classify_suiteql_answer(reply(200, "<html><head><title>NetSuite Login</title></head></html>", "text/html"),
                                    kUtc, page, problem),
            Verdict::retry);
  EXPECT_EQ(problem, "got text/html (HTTP 200): <title>NetSuite Login</title></head></html>");
  const std::string full = answer({kItem1});
  EXPECT_EQ(classify_suiteql_answer(reply(200, full.substr(0, full.size() - 3)), kUtc, page, problem), Verdict::retry);
  EXPECT_NE(problem.find("truncated or malformed JSON"), std::string::npos);
  EXPECT_EQ(classify_suiteql_answer(reply(200, full), kUtc, page, problem), Verdict::ok);
  EXPECT_EQ(page.records.size(), 1u);
}

TEST(NetSuiteVerdict, ErrorBodyIsRead) {
  const NetSuiteError e = netsuite_error(ns_error(400, "INVALID_PARAMETER", "Field 'foo' not found"));
  EXPECT_EQ(e.code, "INVALID_PARAMETER");
  EXPECT_EQ(e.detail, "Field 'foo' not found");
  EXPECT_TRUE(netsuite_error("not json").code.empty());
  EXPECT_EQ(describe_answer(reply(400, ns_error(400, "INVALID_PARAMETER", "Field 'foo' not found"))),
            "HTTP 400 INVALID_PARAMETER: Field 'foo' not found");
}

}  // namespace
}  // namespace o2c::netsuite
