#include "sim/sim_http.h"

#include <gtest/gtest.h>

namespace o2c::sim {

TEST(SimHttp, PercentDecodeHandlesPlusOnlyInFormMode) {
  EXPECT_EQ(percent_decode("a+b%20c%2Bd", true), "a b c+d");
  EXPECT_EQ(percent_decode("a+b%20c%2Bd", false), "a+b c+d");
}

TEST(SimHttp, PercentDecodeKeepsMalformedEscapes) {
  EXPECT_EQ(percent_decode("100%", true), "100%");
  EXPECT_EQ(percent_decode("%zz", true), "%zz");
}

TEST(SimHttp, QueryStringSplitsAndDecodesInOrder) {
  const auto q = parse_query_string("q=SELECT+Id+FROM+Order&limit=10&flag");
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].second, "SELECT Id FROM Order");
  EXPECT_EQ(q[1].first, "limit");
  EXPECT_EQ(q[2].second, "");
}

}  // namespace o2c::sim
