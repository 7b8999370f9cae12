// daemon/sync_run.cpp: the loop that ties connector, mapper and store
// together. A scripted Source (the connector interface, not HTTP) feeds pages;
// the real example mapping and a real SQLite store take them.
#include <filesystem>
#include <optional>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/error.h"
#include "daemon/sync_run.h"

namespace o2c::daemon {
namespace {

std::string order_json(int n, const std::string& amount = "1200.5") {
  return fmt::format(
      R"({{"attributes":{{"type":"Order"}},"Id":"8010000000000{:02}AAA","OrderNumber":"{:08}","AccountId":"001000000000001AAA",)"
      R"("StatusCode":"Activated","Type":"New Business","EffectiveDate":"2026-05-01","EndDate":null,)"
      R"("ActivatedDate":"2026-05-02T09:00:00.000+0000","PoNumber":"PO-{}","TotalAmount":{},"CurrencyIsoCode":"EUR",)"
      R"("SystemModstamp":"2026-05-03T10:00:00.000+0000","IsDeleted":false}})",
      n, n, n, amount);
}

// Pages of two orders each; throws Error(transient) instead of page `fail_at` (1-based).
class ScriptedSource final : public connectors::Source {
 public:
  ScriptedSource(int pages, int fail_at, std::string bad_amount_on = "") : pages_(pages), fail_at_(fail_at), bad_(std::move(bad_amount_on)) {}
  std::unique_ptr<connectors::PageStream> open(const connectors::QuerySpec&, const connectors::Cursor& from,
                                               connectors::SyncMode) override {
    opened_from.push_back(from);
    return std::make_unique<Stream>(*this, from);
  }
  std::vector<connectors::Cursor> opened_from;

 private:
  class Stream final : public connectors::PageStream {
   public:
    Stream(ScriptedSource& s, connectors::Cursor from) : s_(s), page_(from.tie_break_id.empty() ? 0 : std::stoi(from.tie_break_id)) {}
    std::optional<connectors::Page> next() override {
      if (page_ >= s_.pages_) return std::nullopt;
      ++page_;
      ++calls_;
      if (page_ == s_.fail_at_) throw Error(Error::Kind::transient, "scripted: connection reset");
      connectors::Page p;
      for (int i = 0; i < 2; ++i) {
        const int n = page_ * 10 + i;
        const std::string id = fmt::format("8010000000000{:02}AAA", n);
        p.records.push_back({id, order_json(n, id == s_.bad_ ? "\"12,50 EUR\"" : "1200.5"), {}, ""});
      }
      p.next.tie_break_id = std::to_string(page_);
      p.last = page_ == s_.pages_;
      return p;
    }
    long api_calls() const override { return calls_; }

   private:
    ScriptedSource& s_;
    int page_;
    long calls_ = 0;
  };
  int pages_, fail_at_;
  std::string bad_;
};

class SyncRun : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto dir = std::filesystem::path(::testing::TempDir()) /
                     ("o2c_sync_run_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    store_ = store::open_store("sqlite://" + (dir / "o2c.db").string(), clock_);
    store_->migrate();
    mapper_ = mapping::load_mapping(std::string(O2C_SOURCE_DIR) + "/examples/mappings/salesforce-order.yaml");
  }
  SyncOutcome sync(ScriptedSource& source, connectors::SyncMode mode = connectors::SyncMode::incremental) {
    return sync_stream(key_, source, *mapper_, *store_, mode, clock_);
  }
  FixedClock clock_{parse_timestamp("2026-11-24T12:00:00Z")};
  store::StreamKey key_{"crm", "orders"};
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<mapping::Mapper> mapper_;
};

TEST_F(SyncRun, EveryPageIsCommittedWithItsCursor) {
  ScriptedSource source(3, 0);
  const SyncOutcome out = sync(source);
  EXPECT_TRUE(out.ok);
  EXPECT_EQ(out.stats.pages, 3);
  EXPECT_EQ(out.stats.records, 6);
  EXPECT_EQ(out.stats.api_calls, 3);
  EXPECT_EQ(store_->orders().size(), 6u);
  EXPECT_EQ(store_->cursor(key_), "id=3");
  const auto runs = store_->recent_runs(10);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].status, "ok");
  EXPECT_EQ(runs[0].stats.records, 6);
}

TEST_F(SyncRun, AFailingSourceKeepsCommittedPagesAndTheNextRunResumesAfterThem) {
  ScriptedSource failing(4, 3);
  const SyncOutcome out = sync(failing);
  EXPECT_FALSE(out.ok);
  EXPECT_NE(out.stats.error.find("connection reset"), std::string::npos) << out.stats.error;
  EXPECT_EQ(out.stats.pages, 2);
  EXPECT_EQ(store_->orders().size(), 4u);
  EXPECT_EQ(store_->cursor(key_), "id=2");
  EXPECT_EQ(store_->recent_runs(10).at(0).status, "failed");

  ScriptedSource healthy(4, 0);
  EXPECT_TRUE(sync(healthy).ok);
  ASSERT_EQ(healthy.opened_from.size(), 1u);
  EXPECT_EQ(healthy.opened_from[0].tie_break_id, "2");   // resumed, not restarted
  EXPECT_EQ(store_->orders().size(), 8u);
}

TEST_F(SyncRun, AnInvalidRecordIsRecordedAndTheRestOfThePageIsStored) {
  ScriptedSource source(1, 0, "801000000000011AAA");
  const SyncOutcome out = sync(source);
  EXPECT_TRUE(out.ok);
  EXPECT_EQ(out.stats.records, 1);
  EXPECT_EQ(out.stats.invalid, 1);
  const auto invalid = store_->invalid_records();
  ASSERT_EQ(invalid.size(), 1u);
  EXPECT_EQ(invalid[0].external_id, "801000000000011AAA");
  EXPECT_EQ(invalid[0].field, "amount");
  EXPECT_EQ(store_->orders().size(), 1u);
}

TEST_F(SyncRun, FullModeIgnoresTheStoredCursor) {
  ScriptedSource first(2, 0);
  ASSERT_TRUE(sync(first).ok);
  ScriptedSource again(2, 0);
  ASSERT_TRUE(sync(again, connectors::SyncMode::full).ok);
  ASSERT_EQ(again.opened_from.size(), 1u);
  EXPECT_EQ(again.opened_from[0], connectors::Cursor{});
}

}  // namespace
}  // namespace o2c::daemon
