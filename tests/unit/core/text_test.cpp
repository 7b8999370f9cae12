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

TEST(Text, FindsTheFirstIllFormedByte) {
  EXPECT_EQ(first_invalid_utf8("Müller"), std::string_view::npos);
  EXPECT_EQ(first_invalid_utf8("PO-\xC3\x28-77"), 3u);
  EXPECT_EQ(first_invalid_utf8("a\xC0\xAF"), 1u);          // overlong '/'
  EXPECT_EQ(first_invalid_utf8("a\xED\xA0\x80"), 1u);      // surrogate
  EXPECT_EQ(first_invalid_utf8("a\xF4\x90\x80\x80"), 1u);  // above U+10FFFF
  EXPECT_EQ(first_invalid_utf8("ok\xE2\x82"), 2u);         // cut short
}

TEST(Text, ReplacesIllFormedBytesInPlaceKeepingOffsets) {
  std::string s = "\"Po\":\"A\xFF\xC3\x28\",\"N\":\"Søren\"";
  const std::size_t size = s.size();
  replace_invalid_utf8(s.data(), s.size());
  EXPECT_EQ(s.size(), size);
  EXPECT_EQ(s, "\"Po\":\"A?" "?(\",\"N\":\"Søren\"");   // split: "??(" would read as a trigraph
  EXPECT_TRUE(is_valid_utf8(s));
}

}  // namespace o2c
