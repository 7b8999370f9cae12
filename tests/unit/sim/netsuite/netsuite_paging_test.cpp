// limit/offset paging, the 100,000-row ceiling and keyset windows over
// generated transactions.
#include <gtest/gtest.h>

#include "netsuite_test_data.h"
#include "sim/netsuite/suiteql_exec.h"

namespace o2c::sim::netsuite::test {
namespace {

const std::string kById = "SELECT t.id AS o2c_id, t.tranid FROM transaction t ORDER BY t.id";

struct Paging {
  explicit Paging(std::size_t rows, bool natural = true)
      : transactions(make_transactions(rows, natural)),
        api(NetSuiteOptions{}, make_generated_catalog(transactions), std::make_shared<FixedClock>(kNow)),
        client(api) {}
  std::shared_ptr<GeneratedTable> transactions;
  NetSuiteApi api;
  Client client;
};

std::string href(const boost::json::value& page, const std::string& rel) {
  for (const auto& link : page.at("links").as_array())
    if (link.at("rel").as_string() == rel) return std::string(link.at("href").as_string());
  return "";
}

TEST(NetSuitePaging, ThreePagesOf2345RowsWithoutLossOrDuplication) {
  Paging p(2345);
  std::vector<std::string> ids;
  const std::string base = "http://127.0.0.1:41234/services/rest/query/v1/suiteql";
  const std::size_t counts[] = {1000, 1000, 345};
  for (std::size_t page_no = 0; page_no < 3; ++page_no) {
    const auto page = parse_ok(p.client.query(kById, 1000, page_no * 1000));
    EXPECT_EQ(page.at("count").as_int64(), static_cast<std::int64_t>(counts[page_no]));
    EXPECT_EQ(page.at("offset").as_int64(), static_cast<std::int64_t>(page_no * 1000));
    EXPECT_EQ(page.at("totalResults").as_int64(), 2345);
    EXPECT_EQ(page.at("hasMore").as_bool(), page_no < 2);
    EXPECT_EQ(href(page, "self"), fmt::format("{}?limit=1000&offset={}", base, page_no * 1000));
    EXPECT_EQ(href(page, "next"), page_no < 2 ? fmt::format("{}?limit=1000&offset={}", base, (page_no + 1) * 1000)
                                              : "");
    if (page_no < 2) {
      EXPECT_EQ(href(page, "last"), base + "?limit=1000&offset=2000");
    }
    for (const auto& item : items_of(page)) ids.push_back(item.at("o2c_id"));
  }
  ASSERT_EQ(ids.size(), 2345u);
  for (std::size_t i = 0; i < ids.size(); ++i) ASSERT_EQ(ids[i], std::to_string(i + 1));
  // Past the end: an empty page, not an error.
  const auto empty = parse_ok(p.client.query(kById, 1000, 3000));
  EXPECT_EQ(empty.at("count").as_int64(), 0);
  EXPECT_FALSE(empty.at("hasMore").as_bool());
}

TEST(NetSuitePaging, OffsetMustBeAMultipleOfLimit) {
  Paging p(50);
  const SimReply r = p.client.query(kById, 20, 30);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code_of(r), "INVALID_PARAMETER");
  EXPECT_NE(detail_of(r).find("multiple of 'limit'"), std::string::npos);
  EXPECT_NE(r.body.find(R"("o:errorQueryParam":"offset")"), std::string::npos);
  EXPECT_EQ(p.client.query(kById, 20, 40).status, 200);
}

TEST(NetSuitePaging, LimitMustBeBetweenOneAndAThousand) {
  Paging p(10);
  for (const char* limit : {"0", "1001", "abc", "-5", ""}) {
    SimRequest r = p.client.request(kById, 1, 0);
    r.target = std::string("/services/rest/query/v1/suiteql?limit=") + limit + "&offset=0";
    for (auto& [k, v] : r.headers)
      if (k == "authorization")
        v = sign(Credentials{}, "POST", "http://127.0.0.1:41234/services/rest/query/v1/suiteql",
                 {{"limit", limit}, {"offset", "0"}}, std::string("nl") + limit, p.client.clock_seconds);
    const SimReply reply = p.api.handle(r);
    EXPECT_EQ(reply.status, 400) << limit;
    EXPECT_NE(reply.body.find(R"("o:errorQueryParam":"limit")"), std::string::npos) << reply.body;
  }
  // Without limit/offset: limit 1000 from offset 0.
  SimRequest r = p.client.request(kById, 1, 0);
  r.target = "/services/rest/query/v1/suiteql";
  for (auto& [k, v] : r.headers)
    if (k == "authorization")
      v = sign(Credentials{}, "POST", "http://127.0.0.1:41234/services/rest/query/v1/suiteql", {}, "none",
               p.client.clock_seconds);
  const auto page = parse_ok(p.api.handle(r));
  EXPECT_EQ(page.at("count").as_int64(), 10);
}

TEST(NetSuitePaging, OffsetPlusLimitBeyondTheCeilingIsRejected) {
  Paging p(150);
  const std::pair<std::size_t, std::size_t> rejected[] = {{1000, 100000}, {7, 99995}, {3, 99999}, {1, 100000},
                                                          {1000, 101000}};
  for (const auto& [limit, offset] : rejected) {
    const SimReply r = p.client.query(kById, limit, offset);
    EXPECT_EQ(r.status, 400) << limit << "/" << offset;
    EXPECT_EQ(error_code_of(r), "INVALID_PARAMETER");
    EXPECT_NE(detail_of(r).find("100000"), std::string::npos) << detail_of(r);
  }
  for (const auto& [limit, offset] : {std::pair<std::size_t, std::size_t>{1000, 99000}, {1, 99999}, {8, 99992}})
    EXPECT_EQ(p.client.query(kById, limit, offset).status, 200) << limit << "/" << offset;
}

TEST(NetSuitePaging, HasMoreEndsAtTheCeilingWhileTotalResultsCountsEverything) {
  Paging p(100500);
  const auto page = parse_ok(p.client.query(kById, 1000, 99000));
  EXPECT_EQ(page.at("count").as_int64(), 1000);
  EXPECT_EQ(page.at("totalResults").as_int64(), 100500);
  EXPECT_FALSE(page.at("hasMore").as_bool());
  EXPECT_EQ(href(page, "next"), "");
  EXPECT_EQ(items_of(page).back().at("o2c_id"), "100000");
  const auto first = parse_ok(p.client.query(kById, 1000, 0));
  EXPECT_EQ(href(first, "last"), "http://127.0.0.1:41234/services/rest/query/v1/suiteql?limit=1000&offset=99000");
}

// The connector's way past the ceiling: pages of 1000 up to the ceiling, then
// a new query `t.id > last id` from offset 0.
TEST(NetSuitePaging, KeysetWindowsRead250000RowsCompletely) {
  Paging p(250000);
  std::string last_id;
  std::size_t expected_next = 1, windows = 0;
  std::vector<std::size_t> totals;
  for (bool done = false; !done;) {
    const std::string q = "SELECT t.id AS o2c_id, TO_CHAR(t.lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS m "
                          "FROM transaction t WHERE " + (last_id.empty() ? "1 = 1" : "t.id > " + last_id) +
                          " ORDER BY t.id ASC";
    ++windows;
    std::size_t in_window = 0;
    for (std::size_t offset = 0;; offset += 1000) {
      const auto page = parse_ok(p.client.query(q, 1000, offset));
      if (offset == 0) totals.push_back(static_cast<std::size_t>(page.at("totalResults").as_int64()));
      for (const auto& item : items_of(page)) {
        ASSERT_EQ(item.at("o2c_id"), std::to_string(expected_next)) << "window " << windows;
        ++expected_next;
        ++in_window;
        last_id = item.at("o2c_id");
      }
      if (!page.at("hasMore").as_bool()) break;
    }
    done = in_window < kResultCeiling;
  }
  EXPECT_EQ(expected_next, 250001u);
  EXPECT_EQ(windows, 3u);
  EXPECT_EQ(totals, (std::vector<std::size_t>{250000, 150000, 50000}));
}

// Later pages resume from a checkpoint: their cost is about `limit` rows,
// not a re-scan from the start (value() calls are counted, not timed).
TEST(NetSuitePaging, LaterPagesDoNotRescanFromTheStart) {
  Paging p(200000);
  const std::string q = "SELECT t.id AS o2c_id, t.tranid FROM transaction t WHERE t.type = 'CustInvc' ORDER BY t.id";
  parse_ok(p.client.query(q, 1000, 0));  // the counting pass
  const std::size_t before = p.transactions->value_calls.load();
  const auto page = parse_ok(p.client.query(q, 1000, 80000));
  const std::size_t cost = p.transactions->value_calls.load() - before;
  EXPECT_EQ(page.at("count").as_int64(), 1000);
  EXPECT_LT(cost, 6000u);  // ~1,350 rows visited, 2-3 values each; a re-scan reads > 100,000
}

// A range on a naturally ordered column starts by binary search.
TEST(NetSuitePaging, RangeOnNaturalOrderSeeksInsteadOfScanning) {
  Paging p(250000);
  const auto page = parse_ok(p.client.query(
      "SELECT t.id AS o2c_id FROM transaction t WHERE t.id > 249000 AND t.lastmodifieddate >= "
      "TO_DATE('2026-01-01 00:00:00', 'YYYY-MM-DD HH24:MI:SS') ORDER BY t.id", 1000, 0));
  EXPECT_EQ(page.at("totalResults").as_int64(), 1000);
  EXPECT_EQ(items_of(page).front().at("o2c_id"), "249001");
  EXPECT_LT(p.transactions->value_calls.load(), 10000u);  // a scan would read 250,000 rows
}

}  // namespace
}  // namespace o2c::sim::netsuite::test
