#include "core/text.h"

#include <gtest/gtest.h>

namespace o2c {

TEST(Text, SuggestsTheClosestName) {
  const std::vector<std::string> keys{"max_concurrency", "account", "consumer_key"};
  EXPECT_EQ(did_you_mean("max_concurency", keys), "max_concurrency");
  EXPECT_EQ(did_you_mean("zzzzzz", keys), "");
  EXPECT_EQ(suggestion_suffix("acount", keys), "; did you mean 'account'?");
}

TEST(Text, ValidatesUtf8) {
  EXPECT_TRUE(is_valid_utf8("Société Générale"));
  EXPECT_FALSE(is_valid_utf8("PO-\xC3\x28-77"));
}

}  // namespace o2c
