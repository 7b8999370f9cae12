// Whole runs: settings validation, determinism, stable ids, a generated book.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <random>

#include "core/error.h"
#include "tests/unit/reconcile/reconcile_test_support.h"

namespace o2c::reconcile::testing {
namespace {

using ::testing::HasSubstr;

TEST(ReconcileSettings, InvalidToleranceIsAConfigErrorNamingTheSettingAndValue) {
  for (const char* bad : {"abc", "-0.01", "1e-2", "", "0,01", "1.2.3"}) {
    Settings s;
    s.amount_tolerance = bad;
    try {
      validate(s);
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), Error::Kind::config);
      EXPECT_THAT(e.what(), HasSubstr(fmt::format("reconcile.amount_tolerance: invalid value '{}'", bad)));
    }
  }
  Settings negative_horizon;
  negative_horizon.renewal_horizon_days = -1;
  EXPECT_THROW(validate(negative_horizon), Error);
  for (const char* good : {"0", "0.01", "5", "0.005", "10.000"}) {
    Settings s;
    s.amount_tolerance = good;
    EXPECT_NO_THROW(validate(s)) << good;
  }
}

TEST(ReconcileSettings, ReconcileRefusesInvalidSettingsBeforeReadingRecords) {
  Book b;
  b.settings.amount_tolerance = "0.01 EUR";
  EXPECT_THROW(b.run(), Error);
}

TEST(DocumentIds, NumericIdsCompareNumericallyOthersAsStrings) {
  EXPECT_TRUE(document_id_less("9", "10"));
  EXPECT_FALSE(document_id_less("10", "9"));
  EXPECT_TRUE(document_id_less("100231", "100232"));
  EXPECT_TRUE(document_id_less("007", "8"));
  EXPECT_FALSE(document_id_less("7", "7"));
  EXPECT_TRUE(document_id_less("10", "9A"));  // not both numeric: string order
  EXPECT_TRUE(document_id_less("801A", "801B"));
}

// A book with one case of every order-level kind and some normal data.
Book every_kind() {
  Book b;
  b.add_customer("1", "Acme", true);
  b.add_customer("2", "Globex");
  b.add_order("801A", "1", eur("100.00"), "PO-A");  // not invoiced
  b.add_order("801B", "2", eur("100.00"), "PO-B");
  b.add_invoice("21", "2", eur("103.00"), "801B", "PO-B");  // amount mismatch
  b.add_order("801C", "2", eur("100.00"), "PO-C");
  b.add_invoice("22", "2", eur("100.00"), "801C", "PO-X");                   // PO mismatch
  b.add_invoice("23", "2", eur("100.00"), "801C", "PO-C", day(2026, 3, 9));  // duplicate
  b.add_invoice("24", "1", eur("50.00"), "");                                // without order + PO missing
  b.add_order("801E", "1", eur("900.00"), "PO-E").end_date = day(2026, 12, 1);
  b.add_invoice("25", "1", eur("900.00"), "", "po e");  // PO match; renewal needed
  b.inputs.invalid_records.push_back({"salesforce", "Order", "801Z", "TotalAmount", "bad", ""});
  return b;
}

TEST(Reconcile, OutputIsSortedByKindThenKeysAndIdsAreStableAcrossRunsAndInputOrder) {
  Book b = every_kind();
  const auto first = b.run();
  EXPECT_THAT(summary(first),
              ::testing::ElementsAre("ORDER_NOT_INVOICED 801A", "INVOICE_WITHOUT_ORDER 24", "DUPLICATE_INVOICE 23",
                                     "AMOUNT_MISMATCH 801B", "PO_MISSING 24", "PO_MISMATCH 22",
                                     "PO_NEEDED_FOR_RENEWAL 801E", "DATA_INVALID salesforce/Order/801Z"));
  std::mt19937 rng(7);
  for (int round = 0; round < 5; ++round) {
    Book shuffled = b;
    std::shuffle(shuffled.inputs.orders.begin(), shuffled.inputs.orders.end(), rng);
    std::shuffle(shuffled.inputs.invoices.begin(), shuffled.inputs.invoices.end(), rng);
    std::shuffle(shuffled.inputs.customers.begin(), shuffled.inputs.customers.end(), rng);
    const auto again = shuffled.run();
    ASSERT_EQ(again.size(), first.size());
    for (std::size_t i = 0; i < first.size(); ++i) {
      EXPECT_EQ(again[i].stable_id(), first[i].stable_id());
      EXPECT_EQ(again[i].evidence, first[i].evidence);
    }
  }
}

TEST(Reconcile, StableIdChangesWithTheKeysNotWithTheDisplayedData) {
  Book b = every_kind();
  const auto before = b.run();
  b.inputs.customers[0].name = "Acme Renamed";
  b.inputs.orders[0].amount = eur("120.00");
  const auto after = b.run();
  ASSERT_EQ(before.size(), after.size());
  EXPECT_EQ(before[0].stable_id(), after[0].stable_id());
  EXPECT_EQ(after[0].customer_name, "Acme Renamed");
}

// A generated book: per 10 orders, one of each planted shape, the rest normal.
TEST(Reconcile, GeneratedBookGivesExactlyThePlantedExceptions) {
  constexpr int kOrders = 20000;
  Book b;
  for (int c = 0; c < kOrders / 8; ++c) b.add_customer(std::to_string(c), fmt::format("Customer {}", c), c % 2 == 0);
  std::map<std::string, int> expected;
  int invoice_id = 100000;
  for (int i = 0; i < kOrders; ++i) {
    const std::string id = fmt::format("801{:06}", i), customer = std::to_string(i % (kOrders / 8));
    const std::string po = fmt::format("PO-2026-{:06}", i);
    b.add_order(id, customer, eur("1000.00"), po);
    auto inv = [&](const char* amount, const std::string& ref, const std::string& p) {
      b.add_invoice(std::to_string(invoice_id++), customer, eur(amount), ref, p);
    };
    switch (i % 10) {
      case 0:
        ++expected["ORDER_NOT_INVOICED"];
        break;
      case 1:
        inv("400.00", id, po);
        inv("300.00", id, po);
        ++expected["ORDER_PARTIALLY_INVOICED"];
        break;
      case 2:
        inv("1000.00", id, po);
        inv("1000.00", id, po);
        ++expected["DUPLICATE_INVOICE"];
        break;
      case 3:
        inv("1020.00", id, po);
        ++expected["AMOUNT_MISMATCH"];
        break;
      case 4:
        inv("1000.00", id, "PO-OTHER");
        ++expected["PO_MISMATCH"];
        break;
      case 5:
        inv("1000.00", "", " po 2026 " + po.substr(8));
        break;  // PO match
      default:
        inv("1000.00", id, po);
        break;
    }
  }
  const auto t0 = std::chrono::steady_clock::now();
  const Outcome out = reconcile_with_summary(b.inputs, b.settings);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0);
  std::map<std::string, int> found;
  for (const auto& item : out.items) ++found[std::string(schema::info(item.kind).name)];
  EXPECT_EQ(found, expected);
  EXPECT_EQ(out.stats.linked_by_po_match, static_cast<std::size_t>(kOrders / 10));
  std::printf("[ info ] %d orders, %zu documents reconciled in %lld ms\n", kOrders, b.inputs.invoices.size(),
              static_cast<long long>(ms.count()));
}

}  // namespace
}  // namespace o2c::reconcile::testing
