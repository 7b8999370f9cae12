// The portals' side of the simulated business: routes are stable functions of
// the data, buyer ids are well-formed and findable, POs and decisions follow DATA.md.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "sim/dataset/dataset.h"

namespace o2c::sim {
namespace {

DatasetOptions options() {
  DatasetOptions o;
  o.seed = 7;
  o.orders = 4000;
  o.now = SimTime(std::chrono::sys_days(std::chrono::year{2026} / 11 / 24) + std::chrono::hours(12));
  return o;
}

bool luhn_ok(const std::string& digits) {
  int sum = 0;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    int d = digits[digits.size() - 1 - i] - '0';
    if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 == 0;
}

TEST(PortalDirectory, EveryPortalHasBuyersAndEachBuyerIsFoundByItsId) {
  Dataset data(options());
  const auto dir = data.portals();
  for (PortalKind kind : {PortalKind::coupa, PortalKind::ariba, PortalKind::chorus, PortalKind::peppol, PortalKind::file}) {
    const auto buyers = dir->buyers(kind);
    EXPECT_GE(buyers.size(), 5u) << portal_name(kind);
    for (const PortalBuyer& b : buyers) {
      EXPECT_EQ(dir->route(b.customer_id), b);
      if (kind == PortalKind::file) continue;
      ASSERT_FALSE(b.buyer_id.empty());
      EXPECT_EQ(dir->find_buyer(kind, b.buyer_id), b);
    }
  }
  EXPECT_EQ(dir->find_buyer(PortalKind::ariba, "AN00000000000"), std::nullopt);
  EXPECT_EQ(dir->route("999999999"), std::nullopt);
  EXPECT_EQ(dir->route("abc"), std::nullopt);
}

TEST(PortalDirectory, IdentifiersHaveTheirSchemesShapeAndCheckDigits) {
  Dataset data(options());
  const auto dir = data.portals();
  for (const PortalBuyer& b : dir->buyers(PortalKind::chorus)) {
    EXPECT_EQ(b.buyer_id.size(), 14u) << b.buyer_id;  // SIRET
    EXPECT_TRUE(luhn_ok(b.buyer_id)) << b.buyer_id;
  }
  std::set<std::string> schemes;
  for (const PortalBuyer& b : dir->buyers(PortalKind::peppol)) {
    schemes.insert(b.buyer_scheme);
    if (b.buyer_scheme == "0009") {
      EXPECT_TRUE(luhn_ok(b.buyer_id)) << b.buyer_id;
    } else if (b.buyer_scheme == "0088") {
      EXPECT_EQ(b.buyer_id.size(), 13u) << b.buyer_id;
    } else {
      EXPECT_EQ(b.buyer_scheme, "9930");
      EXPECT_TRUE(b.buyer_id.starts_with("DE")) << b.buyer_id;
    }
  }
  EXPECT_GE(schemes.size(), 2u);
  for (const PortalBuyer& b : dir->buyers(PortalKind::ariba)) EXPECT_TRUE(b.buyer_id.starts_with("AN")) << b.buyer_id;
  for (const PortalBuyer& b : dir->buyers(PortalKind::coupa)) EXPECT_FALSE(b.supplier_ref.empty());
  const SellerIdentity& s = dir->seller();
  EXPECT_TRUE(luhn_ok(s.siren));
  EXPECT_TRUE(luhn_ok(s.siret));
  EXPECT_EQ(s.vat_id, "FR96" + s.siren);
}

TEST(PortalDirectory, ABuyerIssuedExactlyThePosOfItsOwnOrders) {
  Dataset data(options());
  const auto dir = data.portals();
  EXPECT_FALSE(dir->issued_po("1001", "PO-2026-999999"));
  EXPECT_FALSE(dir->issued_po("1001", "not a po"));
  // Find one PO through the routing table's customers: the decision API and
  // the PO check agree with the Salesforce orders the table serves.
  const auto orders = data.salesforce()->table("Order");
  ASSERT_NE(orders, nullptr);
  int checked = 0;
  for (std::size_t row = 0; row < orders->size() && checked < 50; ++row) {
    const SimValue po = orders->value(row, orders->column_index("PoNumber", false).value());
    if (!std::holds_alternative<std::string>(po)) continue;
    const std::string& text = std::get<std::string>(po);
    if (std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
      continue;  // the planted PO with invalid UTF-8
    bool some_customer = false;
    for (std::uint64_t c = 1001; c < 1001 + 600 && !some_customer; ++c)
      some_customer = dir->issued_po(std::to_string(c), text);
    EXPECT_TRUE(some_customer) << text;
    ++checked;
  }
  EXPECT_EQ(checked, 50);
}

TEST(PortalDirectory, BuyersRejectAFewInvoicesAndReportPaymentsOfTheOthers) {
  Dataset data(options());
  const auto dir = data.portals();
  int rejected = 0, paid = 0, seen = 0;
  for (std::uint64_t id = 100001; id < 100001 + 4000; ++id) {
    const auto d = dir->decision("INV" + std::to_string(id));
    if (!d) continue;  // a payment's number, or past the end
    ++seen;
    if (d->rejected) {
      ++rejected;
      EXPECT_FALSE(d->reason.empty());
      EXPECT_FALSE(d->paid);
    }
    if (d->paid) ++paid;
  }
  EXPECT_GT(seen, 2000);
  EXPECT_GT(rejected, seen / 100);
  EXPECT_LT(rejected, seen / 15);
  EXPECT_GT(paid, seen / 10);
  EXPECT_EQ(dir->decision("PYMT100002"), std::nullopt);
  EXPECT_EQ(dir->decision("INV99"), std::nullopt);
}

TEST(PortalDirectory, RoutingCsvHasAHeaderAndOneLinePerRoutedCustomer) {
  Dataset data(options());
  const auto dir = data.portals();
  const std::string csv = dir->routing_csv();
  EXPECT_TRUE(csv.starts_with("customer_id,customer,portal,buyer_id,buyer_scheme,service_code,supplier_ref,po_required\n"));
  std::size_t routed = 0;
  for (PortalKind k : {PortalKind::coupa, PortalKind::ariba, PortalKind::chorus, PortalKind::peppol, PortalKind::file})
    routed += dir->buyers(k).size();
  EXPECT_EQ(static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '\n')), routed + 1);
}

}  // namespace
}  // namespace o2c::sim
