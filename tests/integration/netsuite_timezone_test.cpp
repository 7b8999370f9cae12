// o2csync against o2csync-sim whose NetSuite account lives in a time zone
// behind or ahead of UTC (--ns-timezone; config.yaml written as `o2csync
// demo` writes it, with sources.netsuite.timezone from the ready file): an
// invoice committed late reaches the next incremental sync and resolves the
// exception it explains (field-pitfalls #12). A misspelt zone stops the
// command with exit 78 and a line naming the setting.
#include <fstream>
#include <regex>

#include <boost/json.hpp>
#include <curl/curl.h>
#include <gtest/gtest.h>

#include "daemon/demo_setup.h"
#include "daemon/sim_launcher.h"
#include "tests/integration/command_runner.h"

namespace o2c::testing {
namespace {

std::string post(const std::string& url, const std::string& body) {
  CURL* curl = curl_easy_init();
  std::string reply;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, +[](char* p, size_t s, size_t n, void* out) {
    static_cast<std::string*>(out)->append(p, s * n);
    return s * n;
  });
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply);
  curl_easy_perform(curl);
  curl_easy_cleanup(curl);
  return reply;
}

class NetSuiteTimeZone : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    dir_ = make_temp_dir("o2c-tz");
    sim_ = std::make_unique<daemon::SimProcess>(
        sim_binary(), std::vector<std::string>{"--orders", "600", "--seed", "11", "--ns-timezone", GetParam()}, dir_);
    sim_url_ = boost::json::parse(sim_->ready_json()).as_object().at("url").as_string().c_str();
    daemon::write_demo_mappings(dir_ + "/mappings");
    config_ = daemon::write_demo_config(dir_, daemon::parse_ready_file(sim_->ready_json()),
                                        "sqlite://" + dir_ + "/o2c.db")
                  .string();
    ASSERT_EQ(o2c({"db", "migrate"}).exit_code, 0);
  }
  CommandResult o2c(std::vector<std::string> args) {
    args.insert(args.begin(), {o2csync_binary(), "--config", config_});
    return run_command(args);
  }
  boost::json::array exceptions() {
    return boost::json::parse(o2c({"exceptions", "list", "--format", "json", "--state", "all"}).out).as_array();
  }
  std::string state_of(const std::string& kind, const std::string& order_id) {
    for (const auto& e : exceptions()) {
      const auto& o = e.as_object();
      if (o.at("kind").as_string() == kind && o.at("order_id").as_string() == order_id)
        return std::string(o.at("state").as_string());
    }
    return "absent";
  }
  std::string dir_, config_, sim_url_;
  std::unique_ptr<daemon::SimProcess> sim_;
};

TEST_P(NetSuiteTimeZone, LateInvoiceArrivesWithTheNextSyncAndResolvesItsException) {
  EXPECT_NE(read_file(config_).find(std::string("timezone: ") + GetParam()), std::string::npos) << read_file(config_);
  const auto first = o2c({"sync"});
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  ASSERT_EQ(o2c({"reconcile"}).exit_code, 0);
  std::string order;
  for (const auto& e : exceptions())
    if (e.as_object().at("kind").as_string() == "ORDER_NOT_INVOICED" && e.as_object().at("state").as_string() == "open")
      order = e.as_object().at("order_id").as_string().c_str();
  ASSERT_FALSE(order.empty());

  const std::string reply = post(sim_url_ + "/sim/admin/mutate",
                                 R"({"action":"insert_late","system":"netsuite","object":"transaction","id":")" +
                                     order + "\"}");
  ASSERT_NE(reply.find("\"id\""), std::string::npos) << reply;
  const auto second = o2c({"sync"});
  ASSERT_EQ(second.exit_code, 0) << second.out << second.err;
  ASSERT_EQ(o2c({"reconcile"}).exit_code, 0);
  EXPECT_EQ(state_of("ORDER_NOT_INVOICED", order), "resolved") << second.out;
}

TEST_P(NetSuiteTimeZone, MisspeltZoneIsAConfigErrorNamingTheSetting) {
  std::string text = read_file(config_);
  const std::string line = std::string("    timezone: ") + GetParam();
  ASSERT_NE(text.find(line), std::string::npos) << text;
  text.replace(text.find(line), line.size(), "    timezone: America/Los_Angles");
  std::ofstream(config_) << text;
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
