#include <gtest/gtest.h>

#include "connectors/json_records.h"

namespace o2c::connectors {
namespace {

std::optional<std::string> scalar_of(const std::string& json) {
  simdjson::padded_string padded(json);
  simdjson::ondemand::parser parser;
  auto doc = parser.iterate(padded);
  return json_scalar_text(doc.get_object().find_field("v").value());
}

TEST(JsonScalar, NumbersKeepTheirExactTokenAndStringsAreUnescaped) {
  EXPECT_EQ(scalar_of(R"({"v": 1200.50 })"), "1200.50");
  EXPECT_EQ(scalar_of(R"({"v":12345678901234567890.123})"), "12345678901234567890.123");
  EXPECT_EQ(scalar_of(R"({"v":"PO \"7\""})"), "PO \"7\"");
  EXPECT_EQ(scalar_of(R"({"v":true})"), "true");
  EXPECT_EQ(scalar_of(R"({"v":null})"), std::nullopt);
  EXPECT_EQ(scalar_of(R"({"v":{"a":1}})"), "(not a scalar)");
  EXPECT_EQ(scalar_of(R"({"v":[1]})"), "(not a scalar)");
}

TEST(JsonScalar, TrimsWhatSimdjsonLeavesAfterAToken) {
  EXPECT_EQ(trim_json_token("12.5 \n\t"), "12.5");
  EXPECT_EQ(trim_json_token(""), "");
}

}  // namespace
}  // namespace o2c::connectors
