// The command line refuses bad configuration with a clear, located message
// and exit 78, never a crash or a silent default; usage errors exit 2.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "tests/integration/command_runner.h"

namespace o2c::testing {
namespace {

std::string write_config(const std::string& dir, const std::string& text) {
  const std::string path = dir + "/config.yaml";
  std::ofstream(path) << text;
  return path;
}

TEST(CliErrors, UnknownSettingIsLocatedWithASuggestionAndExits78) {
  const std::string dir = make_temp_dir("o2c-cli");
  const std::string path = write_config(dir, "store: sqlite://" + dir + "/x.db\nreconcile:\n  amount_tolerence: \"0.01\"\n");
  const auto r = run_command({o2csync_binary(), "--config", path, "db", "migrate"});
  EXPECT_EQ(r.exit_code, 78) << r.out << r.err;
  EXPECT_NE(r.err.find("config.yaml:3:3"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("did you mean 'amount_tolerance'"), std::string::npos) << r.err;
}

TEST(CliErrors, LiteralSecretIsRefusedWithoutEchoingIt) {
  const std::string dir = make_temp_dir("o2c-cli");
  const std::string path = write_config(dir, R"(store: sqlite:///tmp/never.db
sources:
  erp:
    kind: netsuite
    account: "1234567"
    auth:
      consumer_key: SuperSecretLiteral42
      consumer_secret: env:X
      token_id: env:Y
      token_secret: env:Z
)");
  const auto r = run_command({o2csync_binary(), "--config", path, "mapping", "check"});
  EXPECT_EQ(r.exit_code, 78);
  EXPECT_EQ(r.err.find("SuperSecretLiteral42"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("consumer_key"), std::string::npos) << r.err;
}

TEST(CliErrors, MissingConfigFileIsAConfigError) {
  const auto r = run_command({o2csync_binary(), "--config", "/nonexistent/o2c.yaml", "status"});
  EXPECT_EQ(r.exit_code, 78);
  EXPECT_NE(r.err.find("/nonexistent/o2c.yaml"), std::string::npos) << r.err;
}

TEST(CliErrors, UsageErrorsExit2AndHelpExits0) {
  EXPECT_EQ(run_command({o2csync_binary(), "frobnicate"}).exit_code, 2);
  EXPECT_EQ(run_command({o2csync_binary(), "exceptions", "list", "--format", "yaml"}).exit_code, 2);
  const auto help = run_command({o2csync_binary(), "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("demo"), std::string::npos);
}

// A complete configuration (one Salesforce source with the example mapping)
// whose store is a new SQLite file in `dir`.
std::string minimal_config(const std::string& dir) {
  std::filesystem::create_directories(dir + "/mappings");
  std::filesystem::copy_file(std::string(O2C_SOURCE_DIR) + "/examples/mappings/salesforce-order.yaml",
                             dir + "/mappings/salesforce-order.yaml");
  return write_config(dir, "store: sqlite://" + dir + R"(/x.db
sources:
  crm:
    kind: salesforce
    url: https://acme.my.salesforce.com
    auth: { grant: client_credentials, client_id: env:SF_ID, client_secret: env:SF_SECRET }
    objects:
      orders: { mapping: mappings/salesforce-order.yaml }
)");
}

TEST(CliErrors, DbStatusOnAFreshDatabaseListsPendingMigrations) {
  const std::string dir = make_temp_dir("o2c-cli");
  const std::string path = minimal_config(dir);
  const auto status = run_command({o2csync_binary(), "--config", path, "db", "status"});
  EXPECT_EQ(status.exit_code, 0) << status.err;
  EXPECT_NE(status.out.find("pending"), std::string::npos) << status.out;
  const auto refused = run_command({o2csync_binary(), "--config", path, "reconcile"});
  EXPECT_EQ(refused.exit_code, 78) << refused.err;
  EXPECT_NE(refused.err.find("db migrate"), std::string::npos) << refused.err;
  const auto migrate = run_command({o2csync_binary(), "--config", path, "db", "migrate"});
  EXPECT_EQ(migrate.exit_code, 0) << migrate.err;
  EXPECT_EQ(run_command({o2csync_binary(), "--config", path, "reconcile"}).exit_code, 0);
}

}  // namespace
}  // namespace o2c::testing
