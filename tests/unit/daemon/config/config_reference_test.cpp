// tests/unit/daemon/config/config_reference_test.cpp — the configuration
// reference is rendered from the same tables the parser reads: every setting
// is listed with its default.
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

}  // namespace
}  // namespace o2c::config
