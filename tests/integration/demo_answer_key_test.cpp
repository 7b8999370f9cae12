// The acceptance test of the end-to-end path: `o2csync demo` against the
// simulator, scored against its answer key — precision and recall 1.0 for
// every kind, with and without injected faults, on SQLite and PostgreSQL, with
// each ERP (NetSuite, SAP S/4HANA, Oracle Fusion, Oracle EBS over ODBC); with
// NetSuite and EBS the demo also pushes to the portals, whose exceptions
// (PORTAL_REJECTED, PORTAL_NOT_SUBMITTED) are scored too.
#include <gtest/gtest.h>

#include "tests/integration/answer_key_scoring.h"
#include "tests/integration/command_runner.h"
#include "tests/support/postgres_server.h"

namespace o2c::testing {
namespace {

struct DemoCase {
  const char* name;
  const char* faults;
  bool postgres;
  const char* erp = "netsuite";
};

constexpr const char* kFaults = "429:0.02,5xx:0.01,slow:0.01,truncate:0.005,html:0.005,expire:0.01,lost:0.01";

// Named in test output by its name, not its bytes.
void PrintTo(const DemoCase& c, std::ostream* os) { *os << c.name; }

class DemoAnswerKey : public ::testing::TestWithParam<DemoCase> {};

TEST_P(DemoAnswerKey, EveryKindHasPrecisionAndRecallOne) {
  const DemoCase& c = GetParam();
  const std::string out = make_temp_dir(std::string("o2c-demo-") + c.name);
  std::vector<std::string> args{o2csync_binary(), "demo", "--out", out, "--orders", "3000", "--seed", "7", "--erp", c.erp};
  if (*c.faults) args.insert(args.end(), {"--faults", c.faults});
  if (c.postgres) args.insert(args.end(), {"--store", new_database_url(c.name)});
  const CommandResult demo = run_command(args);
  ASSERT_EQ(demo.exit_code, 0) << demo.out << demo.err;
  EXPECT_NE(demo.out.find("report.html"), std::string::npos) << demo.out;

  const CommandResult listed =
      run_command({o2csync_binary(), "--config", out + "/config.yaml", "exceptions", "list", "--format", "json"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  const Scores scores = score(read_file(out + "/answer-key.json"), listed.out);
  ASSERT_GE(scores.size(), 11u) << describe(scores);
  const bool pushes = std::string(c.erp) == "netsuite" || std::string(c.erp) == "ebs";  // their mappings read lines
  for (const auto& [kind, s] : scores) {
    if (kind.rfind("PAYMENT_", 0) == 0 || kind == "INVOICE_OVERDUE") continue;
    if (kind.rfind("PORTAL_", 0) == 0 && !pushes) {
      EXPECT_TRUE(s.expected.empty() && s.reported.empty()) << kind << " without portals: " << s.diff();
      continue;
    }
    EXPECT_FALSE(s.expected.empty()) << kind << " is not planted at this size";
    EXPECT_EQ(s.precision(), 1.0) << kind << ": " << s.diff();
    EXPECT_EQ(s.recall(), 1.0) << kind << ": " << s.diff();
  }
  std::cout << describe(scores);
}

INSTANTIATE_TEST_SUITE_P(
    Demo, DemoAnswerKey,
    ::testing::Values(DemoCase{"sqlite", "", false},
                      DemoCase{"sqlite_faults", kFaults, false},
                      DemoCase{"postgres", "", true},
                      DemoCase{"postgres_faults", kFaults, true},
                      DemoCase{"sap", "", false, "sap"},
                      DemoCase{"sap_faults", kFaults, false, "sap"},
                      DemoCase{"sap_postgres_faults", kFaults, true, "sap"},
                      DemoCase{"oracle", "", false, "oracle"},
                      DemoCase{"oracle_faults", kFaults, false, "oracle"},
                      DemoCase{"oracle_postgres_faults", kFaults, true, "oracle"},
                      DemoCase{"ebs", "", false, "ebs"},
                      DemoCase{"ebs_faults", kFaults, false, "ebs"},
                      DemoCase{"ebs_postgres_faults", kFaults, true, "ebs"}),
    [](const ::testing::TestParamInfo<DemoCase>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace o2c::testing
