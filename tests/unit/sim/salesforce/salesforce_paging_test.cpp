#include <gtest/gtest.h>

#include <atomic>
#include <chrono>

#include "sf_test_support.h"

namespace o2c::sim::salesforce::testing {
namespace {

using namespace std::chrono_literals;

const SimTime kT0 = at("2026-11-24T10:00:00Z");

struct OrdersSpec {
  std::size_t rows = 5001;
  std::function<SimTime(std::size_t)> modstamp = [](std::size_t row) { return kT0 + std::chrono::seconds(row); };
  std::function<bool(std::size_t)> deleted = [](std::size_t) { return false; };
  std::set<std::string> ordered_by = {"Id", "SystemModstamp"};
  std::shared_ptr<std::atomic<long>> reads = std::make_shared<std::atomic<long>>(0);  // value() calls
};

std::shared_ptr<GeneratedTable> generated_orders(const OrdersSpec& spec) {
  std::vector<SimColumn> columns{{"Id", SimType::id, "", "Order ID"},
                                 {"OrderNumber", SimType::text, "", "Order Number"},
                                 {"SystemModstamp", SimType::datetime, "", "System Modstamp"},
                                 {"TotalAmount", SimType::decimal, "", "Order Amount"},
                                 {"IsDeleted", SimType::boolean, "", "Deleted"}};
  auto cell = [spec](std::size_t row, std::size_t col) -> SimValue {
    ++*spec.reads;
    switch (col) {
      case 0: return generated_key("801", row);
      case 1: return fmt::format("{:08}", row + 1);
      case 2: return spec.modstamp(row);
      case 3: return Decimal{fmt::format("{}.{:02}", row, row % 100)};
      default: return spec.deleted(row);
    }
  };
  return std::make_shared<GeneratedTable>("Order", "801", std::move(columns), spec.rows, std::move(cell),
                                          spec.ordered_by);
}

class SalesforcePaging : public ::testing::Test {
 protected:
  void start(const OrdersSpec& spec, SalesforceOptions options = {}) {
    spec_ = spec;
    auto catalog = std::make_shared<TestCatalog>();
    catalog->add(generated_orders(spec));
    api_ = std::make_unique<SalesforceApi>(options, catalog, clock_);
    token_ = token_for(*api_);
  }
  json::object page(const std::string& target) {
    const SimReply r = api_->handle(get(target, token_));
    EXPECT_EQ(r.status, 200) << r.body.substr(0, 300);
    return body_json(r).as_object();
  }
  static std::vector<std::string> ids(const std::vector<json::object>& records) {
    std::vector<std::string> out;
    for (const auto& r : records) out.emplace_back(r.at("Id").as_string());
    return out;
  }
  static std::vector<std::string> keys(std::size_t from, std::size_t to) {  // [from, to)
    std::vector<std::string> out;
    for (std::size_t i = from; i < to; ++i) out.push_back(generated_key("801", i));
    return out;
  }
  long reads_during(const std::function<void()>& f) {
    const long before = *spec_.reads;
    f();
    return *spec_.reads - before;
  }

  OrdersSpec spec_;
  std::shared_ptr<FixedClock> clock_ = std::make_shared<FixedClock>(at("2026-11-24T12:00:00Z"));
  std::unique_ptr<SalesforceApi> api_;
  std::string token_;
};

TEST_F(SalesforcePaging, Pages5001RowsIn2000RowBatchesWithNoRowLostOrRepeated) {
  start({});
  const auto pages = query_all_pages(*api_, token_, "SELECT Id, OrderNumber FROM Order ORDER BY Id");
  EXPECT_EQ(pages.total_size, 5001);
  EXPECT_EQ(ids(pages.records), keys(0, 5001));
  ASSERT_EQ(pages.next_urls.size(), 2u);
  const std::string& first = pages.next_urls[0];
  EXPECT_TRUE(first.starts_with("/services/data/v59.0/query/01g")) << first;
  EXPECT_TRUE(first.ends_with("-2000")) << first;
  EXPECT_EQ(pages.next_urls[1], first.substr(0, first.size() - 4) + "4000");
}

TEST_F(SalesforcePaging, QueryAllFollowUpsKeepIncludingDeletedRows) {
  OrdersSpec spec;
  spec.deleted = [](std::size_t row) { return row % 7 == 3; };
  start(spec);
  const auto live = query_all_pages(*api_, token_, "SELECT Id, IsDeleted FROM Order ORDER BY Id");
  EXPECT_EQ(live.total_size, 5001 - 714);
  EXPECT_EQ(live.records.size(), 5001u - 714u);
  for (const auto& r : live.records) ASSERT_FALSE(r.at("IsDeleted").as_bool());
  const auto all = query_all_pages(*api_, token_, "SELECT Id, IsDeleted FROM Order ORDER BY Id", true);
  EXPECT_EQ(all.total_size, 5001);
  EXPECT_EQ(ids(all.records), keys(0, 5001));
  ASSERT_EQ(all.next_urls.size(), 2u);
  EXPECT_TRUE(all.next_urls[0].starts_with("/services/data/v59.0/queryAll/01g"));
  EXPECT_TRUE(all.records[4000].at("IsDeleted").as_bool());  // on the third page
}

TEST_F(SalesforcePaging, LocatorsExpireAfter15IdleMinutes) {
  start({});
  const json::object p1 = page(query_target("SELECT Id FROM Order ORDER BY Id"));
  const std::string next(p1.at("nextRecordsUrl").as_string());
  clock_->set(clock_->now() + 14min);
  const json::object p2 = page(next);  // still open, and its idle time starts again
  const std::string next2(p2.at("nextRecordsUrl").as_string());
  clock_->set(clock_->now() + 15min + 1ms);
  const SimReply expired = api_->handle(get(next2, token_));
  EXPECT_EQ(expired.status, 400);
  EXPECT_EQ(error_code(expired), "INVALID_QUERY_LOCATOR");
}

TEST_F(SalesforcePaging, UnknownOrMalformedLocatorsAreRejected) {
  start({});
  const std::string next(page(query_target("SELECT Id FROM Order ORDER BY Id")).at("nextRecordsUrl").as_string());
  const std::string id = next.substr(next.rfind('/') + 1, 18);
  for (const std::string& bad : std::vector<std::string>{
           "/services/data/v59.0/query/01g000000000000ZZZ-2000", "/services/data/v59.0/query/garbage",
           "/services/data/v59.0/query/" + id + "-abc", "/services/data/v59.0/query/" + id + "-",
           "/services/data/v59.0/query/" + id + "-5002"}) {
    const SimReply r = api_->handle(get(bad, token_));
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_EQ(error_code(r), "INVALID_QUERY_LOCATOR") << bad;
  }
}

TEST_F(SalesforcePaging, APageCanBeFetchedAgainAndAtAnyOffset) {
  start({});
  const std::string next(page(query_target("SELECT Id FROM Order ORDER BY Id")).at("nextRecordsUrl").as_string());
  const SimReply once = api_->handle(get(next, token_)), again = api_->handle(get(next, token_));
  EXPECT_EQ(once.body, again.body);  // what a client retrying a truncated reply sees
  const std::string base = next.substr(0, next.rfind('-') + 1);
  const json::object from100 = page(base + "100");
  std::vector<json::object> records;
  for (const auto& r : from100.at("records").as_array()) records.push_back(r.as_object());
  EXPECT_EQ(ids(records), keys(100, 2100));
  EXPECT_EQ(from100.at("nextRecordsUrl").as_string(), base + "2100");
  const json::object last = page(base + "5001");
  EXPECT_TRUE(last.at("done").as_bool());
  EXPECT_TRUE(last.at("records").as_array().empty());
}

TEST_F(SalesforcePaging, OnlyTheTenMostRecentLocatorsStayOpen) {
  start({});
  std::vector<std::string> next;
  for (int i = 0; i < 11; ++i)
    next.emplace_back(page(query_target("SELECT Id FROM Order ORDER BY Id")).at("nextRecordsUrl").as_string());
  EXPECT_EQ(error_code(api_->handle(get(next[0], token_))), "INVALID_QUERY_LOCATOR");
  EXPECT_EQ(api_->handle(get(next[1], token_)).status, 200);
  EXPECT_EQ(api_->handle(get(next[10], token_)).status, 200);
}

TEST_F(SalesforcePaging, AFollowUpPageReadsOnlyItsOwnBatch) {
  OrdersSpec spec;
  spec.rows = 20'000;
  start(spec);
  const std::string soql =
      fmt::format("SELECT Id, OrderNumber FROM Order WHERE SystemModstamp >= {} ORDER BY Id", "2026-11-24T10:00:00Z");
  std::string next;
  const long first_reads =
      reads_during([&] { next = page(query_target(soql, true)).at("nextRecordsUrl").as_string(); });
  EXPECT_LE(first_reads, 2000 * 3 + 200);  // Id + OrderNumber + the attributes url per row, plus the seek
  next = page(next).at("nextRecordsUrl").as_string();
  const long third_reads = reads_during([&] { page(next); });
  EXPECT_LE(third_reads, 2000 * 3 + 10) << "batch 3 must not rescan batches 1 and 2";
  // A range on the natural order seeks instead of scanning from row 0.
  const long seek_reads = reads_during([&] {
    const json::object p = page(query_target(
        fmt::format("SELECT Id FROM Order WHERE Id > '{}' ORDER BY Id", generated_key("801", 19'000)), true));
    EXPECT_EQ(p.at("totalSize").as_int64(), 999);
  });
  EXPECT_LE(seek_reads, 999 * 2 + 100);
}

TEST_F(SalesforcePaging, FiveThousandRowsSharingOneModstampResumeExactly) {
  // 1,000 rows before t0, 5,000 rows at exactly t0, 1,000 rows after.
  OrdersSpec spec;
  spec.rows = 7000;
  spec.modstamp = [](std::size_t row) {
    if (row < 1000) return kT0 - std::chrono::seconds(1000 - row);
    if (row < 6000) return kT0;
    return kT0 + std::chrono::seconds(row - 5999);
  };
  for (const bool natural : {true, false}) {
    SCOPED_TRACE(natural ? "natural order" : "sort fallback");
    if (!natural) spec.ordered_by.clear();
    start(spec);
    const auto resumed = query_all_pages(
        *api_, token_,
        fmt::format("SELECT Id FROM Order WHERE SystemModstamp >= 2026-11-24T10:00:00Z AND Id > '{}' ORDER BY Id",
                    generated_key("801", 2500)));
    EXPECT_EQ(resumed.total_size, 4499);
    EXPECT_EQ(ids(resumed.records), keys(2501, 7000));
    // Keyset paging as the connector does it: (SystemModstamp >= t, Id > last) with LIMIT.
    std::vector<std::string> collected;
    for (std::string last;;) {
      const std::string id_condition = last.empty() ? "" : fmt::format(" AND Id > '{}'", last);
      const auto chunk = query_all_pages(
          *api_, token_,
          fmt::format("SELECT Id FROM Order WHERE SystemModstamp >= 2026-11-24T10:00:00Z{} ORDER BY Id LIMIT 1999",
                      id_condition));
      if (chunk.records.empty()) break;
      for (const auto& id : ids(chunk.records)) collected.push_back(id);
      last = collected.back();
    }
    EXPECT_EQ(collected, keys(1000, 7000));
  }
}

TEST_F(SalesforcePaging, BatchSizeComesFromOptionsOrSforceQueryOptions) {
  SalesforceOptions options;
  options.batch_size = 1000;
  start({}, options);
  EXPECT_EQ(page(query_target("SELECT Id FROM Order")).at("records").as_array().size(), 1000u);
  SimRequest r = get(query_target("SELECT Id FROM Order"), token_);
  r.headers.emplace_back("sforce-query-options", "batchSize=500");
  const json::object first = body_json(api_->handle(r)).as_object();
  EXPECT_EQ(first.at("records").as_array().size(), 500u);
  const json::object second = page(std::string(first.at("nextRecordsUrl").as_string()));
  EXPECT_EQ(second.at("records").as_array().size(), 500u);  // the locator keeps the batch size
  r.headers.back().second = "batchSize=50";
  EXPECT_EQ(body_json(api_->handle(r)).at("records").as_array().size(), 200u);  // Salesforce's minimum
}

}  // namespace
}  // namespace o2c::sim::salesforce::testing
