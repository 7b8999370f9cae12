// tests/unit/daemon/config/config_reference_test.cpp — the configuration
// reference is rendered from the same tables the parser reads: every setting
// is listed with its default.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "daemon/config/config_tables.h"

namespace o2c::config {
namespace {

template <class T>
void expect_listed(const std::string& md, const std::string& prefix, const SettingsTable<T>& table) {
  for (const auto& s : table) {
    EXPECT_NE(md.find("`" + prefix + s.info.name + "`"), std::string::npos) << prefix << s.info.name;
    if (!s.info.default_text.empty()) {
      EXPECT_NE(md.find("`" + s.info.default_text + "`"), std::string::npos) << s.info.default_text;
    }
  }
}

TEST(ConfigReference, ListsEverySettingWithItsDefault) {
  const std::string md = config_reference_markdown();
  expect_listed(md, "", top_level_settings());
  expect_listed(md, "sources.<name>.", source_settings());
  expect_listed(md, "sources.<name>.auth.", auth_settings());
  expect_listed(md, "sources.<name>.objects.<name>.", object_settings());
  expect_listed(md, "reconcile.", reconcile_settings());
  expect_listed(md, "report.", report_settings());
  expect_listed(md, "log.", log_settings());
  EXPECT_NE(md.find("| `sources.<name>.max_concurrency` | integer 1–64 | `4` |"), std::string::npos) << md;
  EXPECT_NE(md.find("**required**"), std::string::npos);
}

TEST(ConfigReference, EveryDefaultParses) {
  auto check = [](const auto& table) {
    for (const auto& s : table)
      if (!s.info.default_text.empty()) {
        EXPECT_TRUE(std::holds_alternative<ParsedValue>(parse_setting_text(s.info, s.info.default_text))) << s.info.name;
      }
  };
  check(top_level_settings());
  check(source_settings());
  check(object_settings());
  check(reconcile_settings());
  check(report_settings());
  check(log_settings());
}

// README.md carries the reference between two markers; it must be exactly what
// the tables render (on a mismatch the rendered text is written to the build
// folder, ready to paste).
TEST(ConfigReference, ReadmeHoldsTheRenderedReference) {
  std::ifstream in(std::string(O2C_SOURCE_DIR) + "/README.md");
  std::stringstream readme;
  readme << in.rdbuf();
  const std::string text = readme.str();
  const std::string begin = "<!-- CONFIG-REFERENCE:BEGIN (generated from daemon/config/config_tables.cpp) -->\n";
  const std::string end = "<!-- CONFIG-REFERENCE:END -->";
  const auto b = text.find(begin), e = text.find(end);
  ASSERT_NE(b, std::string::npos) << "README.md lacks the marker " << begin;
  ASSERT_NE(e, std::string::npos) << "README.md lacks the marker " << end;
  const std::string rendered = config_reference_markdown();
  if (text.substr(b + begin.size(), e - b - begin.size()) != rendered) {
    const std::string out = std::string(O2C_BINARY_DIR) + "/config-reference.md";
    std::ofstream(out) << rendered;
    ADD_FAILURE() << "README.md's configuration reference is out of date; the current one is in " << out;
  }
}

}  // namespace
}  // namespace o2c::config
