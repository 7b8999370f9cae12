// tests/unit/connectors/netsuite/netsuite_sim_timezone_test.cpp — the NetSuite
// connector against the real simulator (sim/dataset + sim/netsuite served by
// sim/server over HTTP, in process) whose account lives in a time zone behind
// or ahead of UTC, on ordinary days and on DST nights (field-pitfalls #12):
// a first pass, a transaction inserted late, and the next incremental pass
// must read it, with every modstamp and the window exact. A connector left at
// UTC against a Los Angeles account misses the late transaction, and reads
// Tokyo modstamps 9 hours off: the setting matters.
#include <date/tz.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "connectors/netsuite/netsuite.h"
#include "sim/dataset/dataset.h"
#include "sim/netsuite/netsuite_api.h"
#include "sim/server/server.h"

namespace o2c::netsuite {
namespace {

using connectors::Cursor;
using connectors::RawRecord;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

Timestamp utc(std::string_view iso) { return parse_timestamp(iso); }

// One simulated NetSuite account, served on a free port of 127.0.0.1.
class SimAccount {
 public:
  SimAccount(const std::string& zone, Timestamp now)
      : clock_(std::make_shared<FixedClock>(now + seconds(30))),  // the sync runs just after `now`
        dataset_(sim::DatasetOptions{7, 300, now}),
        api_(options(zone), dataset_.netsuite(), clock_),
        server_({sim::server::Endpoint{.name = "netsuite",
                                       .port = 0,
                                       .handler = [this](const sim::SimRequest& r) { return api_.handle(r); },
                                       .fault_reply = nullptr,
                                       .on_expire = nullptr,
                                       .max_in_flight = 0}},
                {}, server_options()) {
    server_.start();
  }

  std::string url() const { return "http://127.0.0.1:" + std::to_string(server_.port("netsuite")); }
  const Clock& clock() const { return *clock_; }

  // id → modstamp of every transaction, read from the dataset itself.
  std::map<std::string, Timestamp> truth() const {
    const auto table = dataset_.netsuite()->table("transaction");
    const std::size_t id = *table->column_index("id", false);
    const std::size_t modified = *table->column_index("lastmodifieddate", false);
    std::map<std::string, Timestamp> out;
    for (std::size_t row = 0; row < table->size(); ++row)
      out[std::get<std::string>(table->value(row, id))] = std::get<sim::SimTime>(table->value(row, modified));
    return out;
  }

  // A new invoice whose modstamp lies 90 s before `now` (sim/DATA.md "Mutations").
  std::string insert_late_invoice() {
    std::string created;
    const std::string problem = dataset_.mutate(sim::Mutation{"insert_late", "netsuite", "transaction", ""}, &created);
    EXPECT_EQ(problem, "");
    return created;
  }

 private:
  static sim::server::ServerOptions server_options() {
    sim::server::ServerOptions o;
    o.threads = 2;
    return o;
  }
  static sim::netsuite::NetSuiteOptions options(const std::string& zone) {
    sim::netsuite::NetSuiteOptions o;
    o.timezone = zone;
    return o;
  }

  std::shared_ptr<FixedClock> clock_;
  sim::Dataset dataset_;
  sim::netsuite::NetSuiteApi api_;
  sim::server::SimServer server_;
};

struct Pass {
  std::map<std::string, Timestamp> modified;  // id → modstamp as the connector read it
  Cursor next;
};

Pass read_pass(const SimAccount& account, const std::string& zone, const Cursor& from, const std::string& where = "") {
  NetSuiteSettings s;
  s.name = "erp";
  s.account = "1234567_SB1";
  s.url = account.url();
  s.consumer_key = Secret("o2c-demo-ck");
  s.consumer_secret = Secret("o2c-demo-cs");
  s.token_id = Secret("o2c-demo-tid");
  s.token_secret = Secret("o2c-demo-ts");
  s.timezone = zone;
  connectors::QuerySpec q;
  q.object = "transaction";
  q.from = "transaction t";
  q.select = {{"tranid", "t.tranid"}};
  q.where = where;
  q.id_field = "t.id";
  q.cursor_field = "t.lastmodifieddate";
  const auto source = make_netsuite_source(s, account.clock());
  auto stream = source->open(q, from, connectors::SyncMode::incremental);
  Pass pass;
  while (auto page = stream->next()) {
    for (const RawRecord& r : page->records) {
      EXPECT_EQ(r.defect, "") << r.body;
      pass.modified[r.id] = r.modified;
    }
    pass.next = page->next;
  }
  return pass;
}

// The earlier instant with the same wall time in `zone` (the connector's
// reading of a repeated fall-back hour), from date's tz directly.
Timestamp earliest_reading(const std::string& zone, Timestamp t) {
  const date::time_zone* tz = date::locate_zone(zone);
  return Timestamp(tz->to_sys(tz->to_local(date::floor<seconds>(t)), date::choose::earliest));
}

struct Case {
  const char* name;
  const char* zone;
  const char* now;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.zone << " at " << c.now; }

class NetSuiteSimTimeZone : public ::testing::TestWithParam<Case> {};

TEST_P(NetSuiteSimTimeZone, PassesAreExactAndTheLateInvoiceArrivesWithTheNextPass) {
  const Case& c = GetParam();
  SimAccount account(c.zone, utc(c.now));
  const auto before = account.truth();
  const Pass first = read_pass(account, c.zone, Cursor{});

  ASSERT_EQ(first.modified.size(), before.size());
  Timestamp high_water{};
  for (const auto& [id, modified] : before) {
    ASSERT_TRUE(first.modified.contains(id)) << id;
    EXPECT_EQ(first.modified.at(id), earliest_reading(c.zone, modified)) << id << " " << to_iso8601(modified);
    high_water = std::max(high_water, modified);
  }
  ASSERT_TRUE(first.next.since);
  EXPECT_EQ(*first.next.since, earliest_reading(c.zone, high_water) - minutes(5));

  const std::string late = account.insert_late_invoice();
  const Pass second = read_pass(account, c.zone, first.next);
  const auto after = account.truth();
  EXPECT_TRUE(second.modified.contains(late)) << "late invoice " << late << " missed";
  EXPECT_EQ(second.modified.at(late), earliest_reading(c.zone, after.at(late)));
  // The window is the cursor's, no wider and no narrower (no wall time in
  // these windows is ambiguous, so the literal is the cursor exactly).
  for (const auto& [id, modified] : after)
    EXPECT_EQ(second.modified.contains(id), modified >= *first.next.since) << id << " " << to_iso8601(modified);
}

// The window of a pass that read nothing comes from the clock: the one case
// where a UTC instant meets NetSuite's wall time unaided (field-pitfalls #12).
TEST_P(NetSuiteSimTimeZone, AfterAnEmptyPassTheLateInvoiceArrives) {
  const Case& c = GetParam();
  SimAccount account(c.zone, utc(c.now));
  const std::string after_last = std::prev(account.truth().end())->first;  // ids are all 6 digits
  const std::string where = "t.id > " + after_last;
  const Pass first = read_pass(account, c.zone, Cursor{}, where);
  EXPECT_TRUE(first.modified.empty());
  ASSERT_TRUE(first.next.since);
  EXPECT_EQ(*first.next.since, account.clock().now() - minutes(5));

  const std::string late = account.insert_late_invoice();
  const Pass second = read_pass(account, c.zone, first.next, where);
  EXPECT_EQ(second.modified.size(), 1u);
  EXPECT_TRUE(second.modified.contains(late)) << "late invoice " << late << " missed";
}

// America/Los_Angeles: 2026-03-08 02:00 PST → 03:00 PDT (10:00Z); 2026-11-01
// 02:00 PDT → 01:00 PST (09:00Z). Europe/Paris: 2026-10-25 03:00 CEST → 02:00 CET (01:00Z).
// On the DST nights the second pass's window starts before the switch and the
// late invoice lands after it (or in the first occurrence of the repeated hour,
// where a literal taken as standard time would start an hour late).
INSTANTIATE_TEST_SUITE_P(
    Accounts, NetSuiteSimTimeZone,
    ::testing::Values(Case{"Utc", "UTC", "2026-11-24T12:00:00Z"},
                      Case{"LosAngeles", "America/Los_Angeles", "2026-11-24T12:00:00Z"},
                      Case{"Tokyo", "Asia/Tokyo", "2026-11-24T12:00:00Z"},
                      Case{"LosAngelesSpringForward", "America/Los_Angeles", "2026-03-08T10:03:00Z"},
                      Case{"LosAngelesFallBack", "America/Los_Angeles", "2026-11-01T08:30:00Z"},
                      Case{"ParisFallBack", "Europe/Paris", "2026-10-25T00:30:00Z"}),
    [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

// The setting matters: the same scenario with the connector left at UTC.
TEST(NetSuiteSimTimeZoneLeftAtUtc, LosAngelesAccountLosesTheLateInvoiceAfterAnEmptyPass) {
  for (const char* now : {"2026-11-24T12:00:00Z", "2026-03-08T10:03:00Z", "2026-11-01T08:30:00Z"}) {
    SimAccount account("America/Los_Angeles", utc(now));
    const std::string where = "t.id > " + std::prev(account.truth().end())->first;
    const Pass first = read_pass(account, "UTC", Cursor{}, where);
    const std::string late = account.insert_late_invoice();
    const Pass second = read_pass(account, "UTC", first.next, where);
    // '…11:55:30' read in California is 19:55:30Z: the window starts 8 hours
    // after the invoice, and every later pass repeats the mistake.
    EXPECT_FALSE(second.modified.contains(late)) << now;
    EXPECT_TRUE(second.modified.empty()) << now;
  }
}

TEST(NetSuiteSimTimeZoneLeftAtUtc, ModstampsAndCursorAreOffByTheAccountsOffset) {
  for (const std::string zone : {"Asia/Tokyo", "America/Los_Angeles"}) {
    const date::time_zone* tz = date::locate_zone(zone);
    const auto offset_at = [tz](Timestamp t) { return Timestamp::duration(tz->get_info(t).offset); };
    SimAccount account(zone, utc("2026-11-24T12:00:00Z"));
    const auto truth = account.truth();
    const Pass first = read_pass(account, "UTC", Cursor{});
    ASSERT_EQ(first.modified.size(), truth.size()) << zone;
    for (const auto& [id, modified] : truth)  // +9 h; -8 h in winter, -7 h in summer
      EXPECT_EQ(first.modified.at(id) - modified, offset_at(modified)) << zone << " " << id;
    // Tokyo: the high-water mark lies in the future, so the cursor falls back
    // to the clock and the next window is read 9 hours too wide; Los Angeles:
    // the stored cursor is 8 hours early.
    const Timestamp high_water = std::max_element(truth.begin(), truth.end(), [](const auto& a, const auto& b) {
                                   return a.second < b.second;
                                 })->second;
    const Timestamp expected = std::min(high_water + offset_at(high_water), account.clock().now()) - minutes(5);
    EXPECT_EQ(*first.next.since, expected) << zone;
    EXPECT_NE(*first.next.since, high_water - minutes(5)) << zone;
  }
}

}  // namespace
}  // namespace o2c::netsuite
