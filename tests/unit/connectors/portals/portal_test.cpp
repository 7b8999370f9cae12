#include <gtest/gtest.h>

#include "connectors/portals/portal.h"

namespace o2c::portals {
namespace {

TEST(PortalOutcome, NamesAreTheWordsOfTheReportAndTheStore) {
  EXPECT_EQ(to_string(Outcome::submitted), "submitted");
  EXPECT_EQ(to_string(Outcome::not_found), "not_found");
  EXPECT_EQ(to_string(Outcome::retry), "retry");
}

}  // namespace
}  // namespace o2c::portals
