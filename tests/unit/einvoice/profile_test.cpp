#include <gtest/gtest.h>

#include "einvoice/einvoice.h"

namespace o2c::einvoice {
namespace {

TEST(Profiles, NamesRoundTripAndUnknownIsRefused) {
  for (Profile p : {Profile::peppol_bis3, Profile::en16931_ubl, Profile::en16931_cii}) EXPECT_EQ(parse_profile(name(p)), p);
  EXPECT_EQ(name(Profile::peppol_bis3), "peppol-bis3");
  EXPECT_EQ(parse_profile("xrechnung"), std::nullopt);
  EXPECT_EQ(parse_profile("PEPPOL-BIS3"), std::nullopt);
}

}  // namespace
}  // namespace o2c::einvoice
