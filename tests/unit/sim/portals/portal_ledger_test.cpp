// The admin counts: deliveries, refused and delivered duplicates, resends,
// status and reason per portal and number, with totals (README "Admin API").
#include "sim/portals/portal_ledger.h"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "sim/portals/portal_progress.h"

namespace o2c::sim::portals {
namespace {

namespace json = boost::json;

TEST(PortalLedger, CountsPerPortalAndNumberWithTotals) {
  PortalLedger ledger;
  ledger.delivered(PortalKind::coupa, "INV100001", "pending_approval");
  ledger.refused_duplicate(PortalKind::coupa, "INV100001");
  ledger.delivered(PortalKind::peppol, "INV100002", "accepted_for_delivery");
  ledger.delivered(PortalKind::peppol, "INV100002", "accepted_for_delivery");
  ledger.resent(PortalKind::ariba, "INV100003");
  ledger.set_status(PortalKind::chorus, "INV100004", "IN_REJETE", "Engagement juridique inconnu");

  EXPECT_EQ(ledger.record(PortalKind::coupa, "INV100001"), (DocumentRecord{1, 1, 0, 0, "pending_approval", ""}));
  EXPECT_EQ(ledger.record(PortalKind::peppol, "INV100002").duplicate_deliveries, 1);
  EXPECT_EQ(ledger.record(PortalKind::ariba, "INV100009"), DocumentRecord{});

  const json::value v = json::parse(ledger.json());
  EXPECT_EQ(v.at("portals").at("coupa").at("documents").at("INV100001").at("refused_duplicates").as_int64(), 1);
  EXPECT_EQ(v.at("portals").at("peppol").at("totals").at("deliveries").as_int64(), 2);
  EXPECT_EQ(v.at("portals").at("chorus").at("documents").at("INV100004").at("reason"), "Engagement juridique inconnu");
  const json::value& totals = v.at("totals");
  EXPECT_EQ(totals.at("documents").as_int64(), 4);
  EXPECT_EQ(totals.at("deliveries").as_int64(), 3);
  EXPECT_EQ(totals.at("refused_duplicates").as_int64(), 1);
  EXPECT_EQ(totals.at("duplicate_deliveries").as_int64(), 1);
  EXPECT_EQ(totals.at("resends").as_int64(), 1);
  EXPECT_EQ(totals.at("rejected").as_int64(), 1);
  EXPECT_TRUE(v.at("portals").at("ariba").at("documents").as_object().contains("INV100003"));
}

TEST(PortalLedger, ADeliveryClearsAnEarlierRejectionReason) {
  PortalLedger ledger;
  ledger.set_status(PortalKind::chorus, "INV1", "IN_REJETE", "devise absente");
  ledger.delivered(PortalKind::chorus, "INV1", "DEPOSEE");
  EXPECT_EQ(ledger.record(PortalKind::chorus, "INV1"), (DocumentRecord{1, 0, 0, 0, "DEPOSEE", ""}));
}

TEST(PortalProgress, DecisionShowsAfterThePollsAndPaidOneLater) {
  const BuyerDecision paid{false, "", true}, rejected{true, "Prices do not match", false}, accepted{};
  EXPECT_EQ(stage_at(paid, 0, 1), Stage::pending);
  EXPECT_EQ(stage_at(paid, 1, 1), Stage::accepted);
  EXPECT_EQ(stage_at(paid, 2, 1), Stage::paid);
  EXPECT_EQ(stage_at(paid, 0, 0), Stage::accepted);
  EXPECT_EQ(stage_at(paid, 1, 0), Stage::paid);
  EXPECT_EQ(stage_at(accepted, 5, 1), Stage::accepted);
  EXPECT_EQ(stage_at(rejected, 2, 2), Stage::rejected);
  EXPECT_EQ(stage_at(rejected, 1, 2), Stage::pending);
  EXPECT_EQ(stage_at(std::nullopt, 100, 0), Stage::pending);
}

}  // namespace
}  // namespace o2c::sim::portals
