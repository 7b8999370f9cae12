// o2csync against a running simulator, step by step as an admin runs it:
// incremental syncs, records changed at the source, exceptions resolved when
// their cause goes away, acknowledgements kept, unreachable hosts and bad
// credentials reported in one clear line.
#include <fstream>
#include <regex>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "daemon/demo_setup.h"
#include "tests/integration/sim_session.h"

namespace o2c::testing {
namespace {

class SyncLifecycle : public ::testing::Test {
 protected:
  SimSession sim_{"o2c-life", {"--orders", "600", "--seed", "11"}};
  CommandResult o2c(std::vector<std::string> args) { return sim_.o2c(std::move(args)); }
};

long total_records(const std::string& sync_output) {
  const std::regex total(R"(total\s+\d+\s+(\d+))");
  std::smatch m;
  return std::regex_search(sync_output, m, total) ? std::stol(m[1]) : -1;
}

TEST_F(SyncLifecycle, SecondSyncReadsOnlyTheLookbackWindow) {
  const auto first = o2c({"sync"});
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  const auto second = o2c({"sync"});
  ASSERT_EQ(second.exit_code, 0) << second.out << second.err;
  // Nothing changed at the source: the second pass reads only what lies in
  // the 5-minute overlap (with this seed, the orders of one recent bulk update).
  ASSERT_GT(total_records(first.out), 0) << first.out;
  EXPECT_LT(total_records(second.out), total_records(first.out) / 2) << second.out;
}

// field-pitfalls #2: a row committed late, with a modstamp 90 s before the
// high-water mark of the pass that already ran, arrives with the next pass.
TEST_F(SyncLifecycle, LateCommittedOrderArrivesWithTheNextIncrementalSync) {
  ASSERT_EQ(o2c({"sync"}).exit_code, 0);
  ASSERT_EQ(o2c({"reconcile"}).exit_code, 0);
  const auto reply = sim_.mutate(R"({"action":"insert_late","system":"salesforce","object":"Order"})");
  const auto created = boost::json::parse(reply).as_object().at("id").as_string();
  const std::string late_id(created.data(), created.size());
  ASSERT_FALSE(late_id.empty()) << reply;
  EXPECT_EQ(sim_.state_of("ORDER_NOT_INVOICED", late_id), "absent");
  const auto sync = o2c({"sync"});
  ASSERT_EQ(sync.exit_code, 0) << sync.out << sync.err;
  ASSERT_EQ(o2c({"reconcile"}).exit_code, 0);
  EXPECT_EQ(sim_.state_of("ORDER_NOT_INVOICED", late_id), "open");
}

TEST_F(SyncLifecycle, ExceptionResolvesWhenTheOrderIsDeletedAtTheSourceAndAckSurvives) {
  ASSERT_EQ(o2c({"sync"}).exit_code, 0);
  ASSERT_EQ(o2c({"reconcile"}).exit_code, 0);
  std::vector<std::string> not_invoiced;
  for (const auto& e : sim_.exceptions())
    if (e.as_object().at("kind").as_string() == "ORDER_NOT_INVOICED")
      not_invoiced.emplace_back(e.as_object().at("order_id").as_string().c_str());
  ASSERT_GE(not_invoiced.size(), 2u);
  const std::string gone = not_invoiced[0], kept = not_invoiced[1];

  // Acknowledge one, delete the other order in Salesforce.
  std::string kept_id;
  for (const auto& e : sim_.exceptions())
    if (e.as_object().at("order_id").as_string() == kept) kept_id = e.as_object().at("id").as_string().c_str();
  ASSERT_EQ(o2c({"exceptions", "ack", kept_id.substr(0, 8), "--note", "customer confirmed PO next week"}).exit_code, 0);
  const auto reply = sim_.mutate(R"({"action":"delete","system":"salesforce","object":"Order","id":")" + gone + "\"}");
  ASSERT_NE(reply.find(gone), std::string::npos) << reply;

  ASSERT_EQ(o2c({"sync"}).exit_code, 0);
  ASSERT_EQ(o2c({"reconcile"}).exit_code, 0);
  EXPECT_EQ(sim_.state_of("ORDER_NOT_INVOICED", gone), "resolved");
  EXPECT_EQ(sim_.state_of("ORDER_NOT_INVOICED", kept), "acknowledged");
}

TEST_F(SyncLifecycle, UnreachableHostIsOneClearLineAndExit1) {
  // Every Salesforce URL (instance and login) now points at a closed port.
  const std::string sf_url = daemon::parse_ready_file(sim_.ready_json()).salesforce_url;
  std::string text = read_file(sim_.config());
  for (auto at = text.find(sf_url); at != std::string::npos; at = text.find(sf_url, at))
    text.replace(at, sf_url.size(), "http://127.0.0.1:1");
  // Two attempts are enough to see the retry and the final message.
  text = std::regex_replace(text, std::regex("max_attempts: \\d+"), "max_attempts: 2");
  std::ofstream(sim_.config()) << text;
  const auto r = o2c({"sync", "--source", "salesforce"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE((r.out + r.err).find("salesforce"), std::string::npos);
  EXPECT_NE((r.out + r.err).find("127.0.0.1:1"), std::string::npos) << r.out << r.err;
}

TEST_F(SyncLifecycle, BadCredentialsNameTheSourceAndTheSettingWithoutTheSecret) {
  const auto r = sim_.o2c({"sync", "--source", "netsuite"}, {"O2C_DEMO_NS_TOKEN_SECRET=wrong-token-secret-123"});
  EXPECT_NE(r.exit_code, 0) << r.out << r.err;
  const std::string all = r.out + r.err;
  EXPECT_NE(all.find("netsuite"), std::string::npos) << all;
  EXPECT_EQ(all.find("wrong-token-secret-123"), std::string::npos) << all;
}

}  // namespace
}  // namespace o2c::testing
