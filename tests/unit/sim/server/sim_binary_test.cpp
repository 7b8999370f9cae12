// The real o2csync-sim binary: flags, ready file, admin API, wiring of the
// simulated systems, SIGTERM.
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "test_support.h"

extern char** environ;

namespace o2c::sim::server {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using testing::eventually;
using testing::fetch;
using testing::HttpResult;
using testing::TestClient;

fs::path sim_binary() { return fs::path(O2C_BINARY_DIR) / "sim" / "o2csync-sim"; }

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A running o2csync-sim with its output in `dir`/sim.log; killed if left running.
class SimChild {
 public:
  SimChild(std::vector<std::string> args, const fs::path& dir) : log_(dir / "sim.log") {
    args.insert(args.begin(), sim_binary().string());
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    if (posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
  }
  ~SimChild() {
    if (pid_ > 0 && exit_code_ < 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  bool running() {
    if (exit_code_ >= 0 || pid_ <= 0) return false;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) != pid_) return true;
    exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return false;
  }
  // The exit code, waiting up to `timeout`; -1 if still running.
  int exit_code(std::chrono::seconds timeout = std::chrono::seconds(20)) {
    eventually([this] { return !running(); }, timeout);
    return exit_code_;
  }
  void signal(int sig) const { ::kill(pid_, sig); }
  std::string log() const { return slurp(log_); }

 private:
  pid_t pid_ = -1;
  int exit_code_ = -1;
  fs::path log_;
};

class SimBinary : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(sim_binary())) GTEST_SKIP() << sim_binary() << " is not built";
    char tmpl[] = "/tmp/o2c-sim-test-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    if (!dir_.empty()) fs::remove_all(dir_, ec);
  }
  // Starts the binary and waits for its ready file; returns it parsed.
  json::object start(SimChild& child) {
    const fs::path ready = dir_ / "ready.json";
    EXPECT_TRUE(eventually([&] { return fs::exists(ready) || !child.running(); }, std::chrono::seconds(60)))
        << child.log();
    if (!fs::exists(ready)) return {};
    return json::parse(slurp(ready)).as_object();
  }
  static unsigned short port_of(const json::value& url) {
    const std::string s(url.as_string());
    return static_cast<unsigned short>(std::stoi(s.substr(s.rfind(':') + 1)));
  }
  fs::path dir_;
};

TEST_F(SimBinary, ServesBothSystemsAndTheAdminApiThenStopsOnSigterm) {
  SimChild sim({"--orders", "200", "--seed", "5", "--now", "2026-11-24T12:00:00Z", "--ready-file",
                (dir_ / "ready.json").string(), "--answer-key", (dir_ / "key.json").string()},
               dir_);
  const json::object ready = start(sim);
  ASSERT_FALSE(ready.empty()) << sim.log();
  const auto& sf = ready.at("salesforce").as_object();
  const auto& ns = ready.at("netsuite").as_object();
  EXPECT_EQ(ready.at("url"), sf.at("instance_url"));
  EXPECT_EQ(sf.at("login_url"), sf.at("instance_url"));
  EXPECT_EQ(sf.at("client_id").as_string(), "o2c-demo-client");
  EXPECT_EQ(sf.at("client_secret").as_string(), "o2c-demo-secret");
  EXPECT_EQ(sf.at("username").as_string(), "integration@acme.example");
  EXPECT_EQ(ns.at("account").as_string(), "1234567_SB1");
  EXPECT_EQ(ns.at("timezone").as_string(), "UTC");  // --ns-timezone's default
  for (const char* key : {"consumer_key", "consumer_secret", "token_id", "token_secret"})
    EXPECT_TRUE(ns.at(key).is_string()) << key;
  const unsigned short sf_port = port_of(sf.at("instance_url")), ns_port = port_of(ns.at("base_url"));
  ASSERT_NE(sf_port, ns_port);

  for (unsigned short port : {sf_port, ns_port}) EXPECT_EQ(fetch(port, "GET", "/sim/admin/health").body, R"({"ok":true})");
  const HttpResult key = fetch(ns_port, "GET", "/sim/admin/answer-key");
  ASSERT_EQ(key.status, 200);
  EXPECT_EQ(json::parse(key.body), json::parse(slurp(dir_ / "key.json")));
  EXPECT_EQ(json::parse(key.body).at("seed").to_number<int>(), 5);
  EXPECT_EQ(json::parse(key.body).at("orders").to_number<int>(), 200);

  // Salesforce: a token, then a query, on one keep-alive connection.
  TestClient client(sf_port);
  const HttpResult token = client.request("POST", "/services/oauth2/token",
                                          "grant_type=client_credentials&client_id=o2c-demo-client&client_secret=o2c-demo-secret",
                                          {{"Content-Type", "application/x-www-form-urlencoded"}});
  ASSERT_EQ(token.status, 200) << token.body;
  const std::string access(json::parse(token.body).at("access_token").as_string());
  const HttpResult query = client.request("GET", "/services/data/v59.0/query?q=SELECT+Id+FROM+Order+ORDER+BY+Id+ASC", "",
                                          {{"Authorization", "Bearer " + access}});
  ASSERT_EQ(query.status, 200) << query.body.substr(0, 300);
  EXPECT_GT(json::parse(query.body).at("totalSize").to_number<int>(), 0);
  // NetSuite: an unsigned SuiteQL call is refused the NetSuite way.
  const HttpResult suiteql = fetch(ns_port, "POST", "/services/rest/query/v1/suiteql?limit=10", R"({"q":"SELECT id FROM customer"})");
  EXPECT_EQ(suiteql.status, 401);
  EXPECT_NE(suiteql.body.find("INVALID_LOGIN"), std::string::npos) << suiteql.body;

  // The portals: each on its own port, in the ready file, with /sim/admin/portals on every port.
  for (const char* portal : {"coupa", "ariba", "chorus", "peppol"}) EXPECT_TRUE(ready.contains(portal)) << portal;
  const unsigned short peppol_port = port_of(ready.at("peppol").at("base_url").as_string().subview().substr(
      0, ready.at("peppol").at("base_url").as_string().subview().find("/api")));
  const HttpResult portals = fetch(peppol_port, "GET", "/sim/admin/portals");
  ASSERT_EQ(portals.status, 200);
  EXPECT_EQ(json::parse(portals.body).at("totals").at("deliveries").to_number<int>(), 0);
  EXPECT_EQ(ready.at("ariba").at("shared_secret").as_string(), "o2c-demo-ariba-secret");

  const json::value stats = json::parse(fetch(sf_port, "GET", "/sim/admin/stats").body);
  EXPECT_EQ(stats.at("endpoints").at("salesforce").at("requests").to_number<int>(), 2);
  EXPECT_EQ(stats.at("endpoints").at("netsuite").at("requests").to_number<int>(), 1);

  sim.signal(SIGTERM);
  EXPECT_EQ(sim.exit_code(), 0) << sim.log();
  EXPECT_NE(sim.log().find(fmt::format("listening system=salesforce url=http://127.0.0.1:{}", sf_port)),
            std::string::npos)
      << sim.log();
}

TEST_F(SimBinary, FaultsAndConcurrencyFlagsReachTheServer) {
  SimChild sim({"--orders", "200", "--faults", "html:1", "--ns-concurrency", "3", "--quiet", "--ready-file",
                (dir_ / "ready.json").string()},
               dir_);
  const json::object ready = start(sim);
  ASSERT_FALSE(ready.empty()) << sim.log();
  const unsigned short ns_port = port_of(ready.at("netsuite").at("base_url"));
  const HttpResult page = fetch(ns_port, "POST", "/services/rest/query/v1/suiteql", "{}");
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
  const json::value stats = json::parse(fetch(ns_port, "GET", "/sim/admin/stats").body);
  EXPECT_EQ(stats.at("endpoints").at("netsuite").at("faults").at("html").to_number<int>(), 1);
  sim.signal(SIGINT);
  EXPECT_EQ(sim.exit_code(), 0) << sim.log();
  EXPECT_EQ(sim.log().find("listening"), std::string::npos) << "--quiet still logged: " << sim.log();
}

TEST_F(SimBinary, BadFlagsExitWith2AndNameTheProblem) {
  const auto run = [&](std::vector<std::string> args) {
    SimChild sim(std::move(args), dir_);
    const int code = sim.exit_code();
    return std::make_pair(code, sim.log());
  };
  const auto [fault_code, fault_log] = run({"--faults", "429:0.1,slwo:0.2"});
  EXPECT_EQ(fault_code, 2);
  EXPECT_NE(fault_log.find("--faults: fault item 2 'slwo:0.2': unknown fault kind 'slwo'; did you mean 'slow'?"),
            std::string::npos)
      << fault_log;
  const auto [prob_code, prob_log] = run({"--faults", "html:2"});
  EXPECT_EQ(prob_code, 2);
  EXPECT_NE(prob_log.find("outside [0, 1]"), std::string::npos) << prob_log;
  const auto [now_code, now_log] = run({"--now", "yesterday"});
  EXPECT_EQ(now_code, 2);
  EXPECT_NE(now_log.find("--now: 'yesterday'"), std::string::npos) << now_log;
  EXPECT_EQ(run({"--orders", "0"}).first, 2);
  EXPECT_EQ(run({"--latency-ms", "-5"}).first, 2);
  EXPECT_EQ(run({"--bogus"}).first, 2);
  EXPECT_EQ(run({"--port-salesforce", "4444", "--port-netsuite", "4444"}).first, 2);
  EXPECT_EQ(run({"--port-coupa", "4445", "--port-peppol", "4445"}).first, 2);
  EXPECT_EQ(run({"--portal-polls", "-1"}).first, 2);
  EXPECT_EQ(run({"--jwt-public-key", (dir_ / "missing.pem").string()}).first, 2);
  const auto [zone_code, zone_log] = run({"--ns-timezone", "America/Los_Angles"});
  EXPECT_EQ(zone_code, 2);
  EXPECT_NE(zone_log.find("--ns-timezone: unknown time zone 'America/Los_Angles'"), std::string::npos) << zone_log;
}

}  // namespace
}  // namespace o2c::sim::server
