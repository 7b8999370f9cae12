// Exactly-once push under crashes (issue #8's acceptance test): `o2csync push`
// is killed with SIGKILL at 50 random moments while it delivers about 2,000
// invoices to the simulated portals, with faults on (throttling, server
// errors, truncated and HTML answers, expired tokens, and answers lost after
// the portal created the invoice). Then passes run until the outbox settles,
// and the portals' own counts must show every invoice exactly once, none lost.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

#include "store/store.h"
#include "tests/integration/sim_session.h"

namespace o2c::testing {
namespace {

constexpr const char* kFaults = "429:0.02,5xx:0.02,lost:0.03,truncate:0.01,html:0.01,expire:0.005";

using schema::SubmissionState;

std::vector<schema::Submission> outbox(const std::string& db) {
  return store::open_store("sqlite://" + db)->submissions({});
}

long in_states(const std::vector<schema::Submission>& all, std::initializer_list<SubmissionState> states) {
  return std::count_if(all.begin(), all.end(), [&](const schema::Submission& s) {
    return std::find(states.begin(), states.end(), s.state) != states.end();
  });
}

bool unsettled(const std::string& db) {
  return in_states(outbox(db), {SubmissionState::pending, SubmissionState::sending, SubmissionState::submitted}) > 0;
}

TEST(PushCrash, KilledFiftyTimesEveryInvoiceReachesItsPortalExactlyOnce) {
  SimSession sim("o2c-push-crash", {"--seed", "11", "--orders", "7000", "--faults", kFaults});
  const CommandResult synced = sim.o2c({"sync"});
  ASSERT_EQ(synced.exit_code, 0) << synced.out << synced.err;
  const std::string db = sim.dir() + "/o2c.db";

  std::mt19937 random(2026);
  std::uniform_int_distribution<int> after_ms(50, 2500);
  int killed_running = 0;
  for (int kill = 0; kill < 50; ++kill) {
    RunningCommand push({o2csync_binary(), "--config", sim.config(), "push"});
    std::this_thread::sleep_for(std::chrono::milliseconds(after_ms(random)));
    killed_running += push.kill_now() ? 1 : 0;
  }
  EXPECT_GE(killed_running, 40) << "most kills must hit a running push";
  EXPECT_FALSE(outbox(db).empty()) << "the killed passes stored submissions";

  for (int pass = 0; pass < 40 && unsettled(db); ++pass) {
    const CommandResult r = sim.o2c({"push"});
    ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // a Retry-After of the simulated throttling
  }
  const auto all = outbox(db);
  EXPECT_FALSE(unsettled(db)) << "the outbox did not settle";
  const long settled = in_states(all, {SubmissionState::accepted, SubmissionState::rejected, SubmissionState::paid});
  EXPECT_GT(settled, 1800);
  const long again = std::count_if(all.begin(), all.end(), [](const auto& s) { return s.attempts > 1; });
  std::cout << "submissions " << all.size() << ", settled " << settled << ", held "
            << in_states(all, {SubmissionState::held}) << ", sent more than once after asking the portal " << again
            << "\n";
  EXPECT_GT(again, 0) << "no kill or lost answer left a submission to be resolved";

  // The portals' own ledger: no document delivered twice...
  const auto ledger = sim.admin_get("/sim/admin/portals").as_object();
  EXPECT_EQ(ledger.at("totals").as_object().at("duplicate_deliveries").to_number<long>(), 0);
  const auto& portals = ledger.at("portals").as_object();
  for (const auto& [portal, entry] : portals)
    for (const auto& [number, doc] : entry.as_object().at("documents").as_object())
      EXPECT_LE(doc.as_object().at("deliveries").to_number<long>(), 1) << portal << " " << number;
  // ...and every one the outbox holds as accepted is at its portal, once (file drops: in the folder).
  long checked = 0;
  for (const auto& s : all) {
    if (s.state != SubmissionState::accepted && s.state != SubmissionState::paid) continue;
    ++checked;
    if (s.key.portal == "file") {
      EXPECT_TRUE(std::filesystem::exists(sim.dir() + "/drop/" + s.payload_file_name)) << s.invoice_number;
      continue;
    }
    const auto* docs = portals.at(s.key.portal).as_object().at("documents").as_object().if_contains(s.invoice_number);
    ASSERT_NE(docs, nullptr) << s.key.portal << " has no " << s.invoice_number;
    EXPECT_EQ(docs->as_object().at("deliveries").to_number<long>(), 1) << s.key.portal << " " << s.invoice_number;
  }
  EXPECT_GT(checked, 1500);
}

}  // namespace
}  // namespace o2c::testing
