#include "sim/dataset/salesforce_id.h"

#include <gtest/gtest.h>

#include <vector>

namespace o2c::sim::dataset {
namespace {

TEST(SalesforceId, HasEighteenCharactersPrefixAndSalesforceChecksum) {
  const std::string id = salesforce_id("801", 0);
  EXPECT_EQ(id, "8015g0000000000AAA");
  // Checksum: one bit per upper-case letter in each 5-character chunk.
  const std::string upper = salesforce_id("001", 10);  // last digit 'A' at position 14 → bit 4 of chunk 3
  EXPECT_EQ(upper.substr(0, 15), "0015g000000000A");
  EXPECT_EQ(upper.substr(15), "AAQ");
}

TEST(SalesforceId, SortsBytewiseInNumberOrder) {
  std::string previous = salesforce_id("001", 0);
  for (const std::uint64_t n : std::vector<std::uint64_t>{1, 9, 10, 35, 36, 61, 62, 3843, 3844, 1'000'000,
                                                          14'776'336ULL * 901, kMaxSalesforceNumber}) {
    const std::string id = salesforce_id("001", n);
    EXPECT_LT(previous, id) << n;
    previous = id;
  }
}

TEST(SalesforceId, DecodesWhatItEncodesAndRejectsAnythingElse) {
  for (const std::uint64_t n : std::vector<std::uint64_t>{0, 1, 61, 62, 123'456'789, kMaxSalesforceNumber}) {
    const std::string id = salesforce_id("801", n);
    EXPECT_EQ(salesforce_id_number("801", id), n);
    EXPECT_EQ(salesforce_id_number("801", id.substr(0, 15)), n);
  }
  const std::string id = salesforce_id("801", 12345);
  EXPECT_FALSE(salesforce_id_number("001", id));                        // other object
  EXPECT_FALSE(salesforce_id_number("801", id.substr(0, 17)));           // length
  std::string wrong_checksum = id;
  wrong_checksum[17] = wrong_checksum[17] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(salesforce_id_number("801", wrong_checksum));
  std::string bad_digit = id;
  bad_digit[10] = '-';
  EXPECT_FALSE(salesforce_id_number("801", bad_digit.substr(0, 15)));
  EXPECT_FALSE(salesforce_id_number("801", "8016g0000000000AAA"));       // other pod
  EXPECT_THROW(salesforce_id("801", kMaxSalesforceNumber + 1), std::out_of_range);
}

}  // namespace
}  // namespace o2c::sim::dataset
