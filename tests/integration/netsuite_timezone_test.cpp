// o2csync against o2csync-sim whose NetSuite account lives in a time zone
// behind or ahead of UTC (--ns-timezone; config.yaml written as `o2csync
// demo` writes it, with sources.netsuite.timezone from the ready file): an
// invoice committed late reaches the next incremental sync and resolves the
// exception it explains (field-pitfalls #12). A misspelt zone stops the
// command with exit 78 and a line naming the setting.
#include <fstream>
#include <regex>

#include <gtest/gtest.h>

#include "tests/integration/sim_session.h"

namespace o2c::testing {
namespace {

class NetSuiteTimeZone : public ::testing::TestWithParam<const char*> {
 protected:
  SimSession sim_{"o2c-tz", {"--orders", "600", "--seed", "11", "--ns-timezone", GetParam()}};
  CommandResult o2c(std::vector<std::string> args) { return sim_.o2c(std::move(args)); }
};

TEST_P(NetSuiteTimeZone, LateInvoiceArrivesWithTheNextSyncAndResolvesItsException) {
  EXPECT_NE(read_file(sim_.config()).find(std::string("timezone: ") + GetParam()), std::string::npos) << read_file(sim_.config());
  const auto first = o2c({"sync"});
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  ASSERT_EQ(o2c({"reconcile"}).exit_code, 0);
  std::string order;
  for (const auto& e : sim_.exceptions())
    if (e.as_object().at("kind").as_string() == "ORDER_NOT_INVOICED" && e.as_object().at("state").as_string() == "open")
      order = e.as_object().at("order_id").as_string().c_str();
  ASSERT_FALSE(order.empty());

  const std::string reply =
      sim_.mutate(R"({"action":"insert_late","system":"netsuite","object":"transaction","id":")" + order + "\"}");
  ASSERT_NE(reply.find("\"id\""), std::string::npos) << reply;
  const auto second = o2c({"sync"});
  ASSERT_EQ(second.exit_code, 0) << second.out << second.err;
  ASSERT_EQ(o2c({"reconcile"}).exit_code, 0);
  EXPECT_EQ(sim_.state_of("ORDER_NOT_INVOICED", order), "resolved") << second.out;
}

TEST_P(NetSuiteTimeZone, MisspeltZoneIsAConfigErrorNamingTheSetting) {
  std::string text = read_file(sim_.config());
  const std::string line = std::string("    timezone: ") + GetParam();
  ASSERT_NE(text.find(line), std::string::npos) << text;
  text.replace(text.find(line), line.size(), "    timezone: America/Los_Angles");
  std::ofstream(sim_.config()) << text;
  const auto r = o2c({"sync", "--source", "netsuite"});
  EXPECT_EQ(r.exit_code, 78) << r.out << r.err;
  EXPECT_NE(r.err.find("sources.netsuite.timezone: unknown time zone 'America/Los_Angles'"), std::string::npos)
      << r.err;
}

INSTANTIATE_TEST_SUITE_P(Accounts, NetSuiteTimeZone, ::testing::Values("America/Los_Angeles", "Asia/Tokyo"),
                         [](const ::testing::TestParamInfo<const char*>& info) {
                           return std::regex_replace(info.param, std::regex("[^A-Za-z]"), "");
                         });

}  // namespace
}  // namespace o2c::testing
