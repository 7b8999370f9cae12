// The answer key computed from the served records, held against the planting
// step's own list, and the things a correct tool must stay silent about.
#include <gtest/gtest.h>

#include "core/text.h"
#include "sim/dataset/answer_key.h"
#include "tests/unit/sim/dataset/dataset_test_support.h"

namespace o2c::sim {
namespace {

using namespace testing_support;

const std::set<std::string>& keys(const KindKeys& k, std::string_view kind) {
  static const std::set<std::string> none;
  const auto it = k.find(std::string(kind));
  return it == k.end() ? none : it->second;
}

class AnswerKeyAtSize : public ::testing::TestWithParam<std::pair<std::size_t, std::uint64_t>> {};

TEST_P(AnswerKeyAtSize, EqualsWhatWasPlantedWithEveryKindAtLeastTwice) {
  const auto [orders, seed] = GetParam();
  const Dataset ds(options(orders, seed));
  boost::json::object root;
  const KindKeys key = answer_key_sets(ds.answer_key_json(), &root);
  const KindKeys planted = planted_sets(ds, true);
  const auto& counts = root.at("counts").as_object();
  EXPECT_EQ(counts.size(), dataset::kAnswerKeyKinds.size());
  for (const auto kind : dataset::kAnswerKeyKinds) {
    EXPECT_EQ(keys(key, kind), keys(planted, kind)) << kind;
    EXPECT_EQ(counts.at(kind).as_int64(), static_cast<std::int64_t>(keys(key, kind).size())) << kind;
    EXPECT_GE(keys(planted_sets(ds, false), kind).size(), 2u) << kind << " planted directly";
  }
  EXPECT_EQ(key.size(), dataset::kAnswerKeyKinds.size());  // no kind outside DATA.md's table
}

INSTANTIATE_TEST_SUITE_P(Sizes, AnswerKeyAtSize,
                         ::testing::Values(std::pair<std::size_t, std::uint64_t>{200, 42}, std::pair{200, 1},
                                           std::pair{3000, 42}, std::pair{3000, 2026}));

TEST(DatasetAnswerKey, PlantsEachKindAtAboutOnePercentOfTwentyThousandOrders) {
  const Dataset ds(options(20000, 5));
  boost::json::object root;
  answer_key_sets(ds.answer_key_json(), &root);
  for (const auto kind : dataset::kAnswerKeyKinds) {
    const auto count = root.at("counts").at(kind).as_int64();
    if (kind == "PORTAL_REJECTED") {  // emerges from routing: PO not the buyer's, unreachable receiver, ~3 % refused
      EXPECT_GE(count, 200) << kind;
      EXPECT_LE(count, 600) << kind;
    } else if (kind == "PORTAL_NOT_SUBMITTED") {  // reverse charge without the buyer's VAT id
      EXPECT_GE(count, 40) << kind;
      EXPECT_LE(count, 200) << kind;
    } else {
      EXPECT_GE(count, 150) << kind;  // 0.75 %
      EXPECT_LE(count, 300) << kind;  // 1.5 %
    }
  }
}

TEST(DatasetAnswerKey, HasTheHeaderOfDataMdAndKeysPerKind) {
  const Dataset ds(options(400, 9));
  boost::json::object root;
  answer_key_sets(ds.answer_key_json(), &root);
  EXPECT_EQ(root.at("seed").to_number<std::uint64_t>(), 9u);
  EXPECT_EQ(root.at("orders").to_number<std::uint64_t>(), 400u);
  EXPECT_EQ(root.at("now").as_string(), "2026-11-24T12:00:00Z");
  EXPECT_EQ(root.at("amount_tolerance").as_string(), "0.01");
  EXPECT_EQ(root.at("renewal_horizon_days").as_int64(), 30);
  const auto orders = table(ds, "salesforce", "Order");
  const auto transactions = table(ds, "netsuite", "transaction");
  for (const auto& e : root.at("exceptions").as_array()) {
    const auto& o = e.as_object();
    const std::string kind(o.at("kind").as_string());
    if (kind == "DATA_INVALID") {
      const std::string source(o.at("source").as_string()), object(o.at("object").as_string());
      EXPECT_TRUE((source == "salesforce" && object == "Order") || (source == "netsuite" && object == "transaction"));
      EXPECT_TRUE(table(ds, source, object)->find(o.at("record_id").as_string()).has_value());
    } else if (o.contains("invoice_id")) {
      const auto row = transactions->find(o.at("invoice_id").as_string());
      ASSERT_TRUE(row.has_value());
      EXPECT_EQ(text(*transactions, *row, "tranid"), o.at("invoice_number").as_string());
    } else {
      const auto row = orders->find(o.at("order_id").as_string());
      ASSERT_TRUE(row.has_value());
      EXPECT_EQ(text(*orders, *row, "OrderNumber"), o.at("order_number").as_string());
    }
  }
}

// Invoices whose otherrefnum is typed differently from the order's PoNumber,
// and invoices matched without an order reference, are normal data.
TEST(DatasetAnswerKey, StaysSilentAboutPoVariantsUnreferencedInvoicesNettingDraftsAndDeletions) {
  const Dataset ds(options(3000, 11));
  const KindKeys key = answer_key_sets(ds.answer_key_json());
  const auto orders = table(ds, "salesforce", "Order");
  const auto transactions = table(ds, "netsuite", "transaction");
  std::size_t variants = 0, unreferenced = 0, netted = 0;
  for (std::size_t r = 0; r < transactions->size(); ++r) {
    const std::string id = text(*transactions, r, "id"), po = text(*transactions, r, "otherrefnum");
    const std::string ref = text(*transactions, r, "custbody_o2c_sf_order");
    const auto order = orders->find(ref);
    if (order && !po.empty() && po != text(*orders, *order, "PoNumber") &&
        dataset::normalised_po(po) == dataset::normalised_po(text(*orders, *order, "PoNumber"))) {
      ++variants;
      EXPECT_FALSE(keys(key, "PO_MISMATCH").count(id)) << id << " '" << po << "'";
    }
    if (ref.empty() && text(*transactions, r, "type") == "CustInvc" && !po.empty() && po.back() != 'X') {
      ++unreferenced;
      EXPECT_FALSE(keys(key, "INVOICE_WITHOUT_ORDER").count(id)) << id;
    }
    if (text(*transactions, r, "type") == "CustCred") {
      ++netted;
      ASSERT_TRUE(order.has_value());
      for (const auto kind : dataset::kAnswerKeyKinds) EXPECT_FALSE(keys(key, kind).count(ref)) << kind << " " << ref;
    }
  }
  EXPECT_GT(variants, 100u);
  EXPECT_GE(unreferenced, 2u);
  EXPECT_GE(netted, 2u);
  std::size_t drafts = 0, deleted = 0;
  for (std::size_t i = 0; i < orders->size(); ++i) {
    const bool draft = text(*orders, i, "StatusCode") == "Draft";
    const bool is_deleted = std::get<bool>(cell(*orders, i, "IsDeleted"));
    if (!draft && !is_deleted) continue;
    drafts += draft, deleted += is_deleted;
    for (const auto kind : dataset::kAnswerKeyKinds) EXPECT_FALSE(keys(key, kind).count(text(*orders, i, "Id")));
  }
  EXPECT_GT(drafts, 30u);
  EXPECT_GT(deleted, 10u);
}

// DATA_INVALID values sit in SimValue variants of the wrong type, as DATA.md says.
TEST(DatasetAnswerKey, InvalidRecordsHoldTheBadValuesOfDataMd) {
  const Dataset ds(options(3000, 3));
  const auto orders = table(ds, "salesforce", "Order");
  const auto transactions = table(ds, "netsuite", "transaction");
  std::set<std::string> seen;
  for (const auto& p : ds.planted()) {
    if (p.kind != "DATA_INVALID") continue;
    const std::string id = p.key.substr(p.key.rfind('/') + 1);
    if (p.key.starts_with("netsuite/transaction/")) {
      EXPECT_EQ(cell(*transactions, *transactions->find(id), "foreigntotal"), SimValue(std::string("abc")));
      seen.insert("foreigntotal");
      continue;
    }
    const std::size_t row = *orders->find(id);
    const SimValue amount = cell(*orders, row, "TotalAmount");
    if (std::holds_alternative<bool>(amount)) seen.insert("bool amount");
    if (const auto* s = std::get_if<std::string>(&amount)) {
      EXPECT_NE(s->find(','), std::string::npos) << *s;
      seen.insert("text amount");
    }
    if (text(*orders, row, "CurrencyIsoCode") == "EUX") seen.insert("EUX");
    if (std::holds_alternative<std::monostate>(cell(*orders, row, "AccountId"))) seen.insert("no account");
    if (!is_valid_utf8(text(*orders, row, "PoNumber"))) seen.insert("utf8");
  }
  EXPECT_EQ(seen, (std::set<std::string>{"bool amount", "text amount", "EUX", "no account", "utf8", "foreigntotal"}));
}

TEST(DatasetAnswerKey, RenewalGapsEndFiveToTwentyFiveDaysAheadForAccountsThatRequireAPo) {
  const Dataset ds(options(3000, 21));
  const auto orders = table(ds, "salesforce", "Order");
  const auto accounts = table(ds, "salesforce", "Account");
  const SimDate today = std::chrono::floor<std::chrono::days>(fixed_now());
  std::size_t gaps = 0;
  for (const auto& p : ds.planted()) {
    if (p.kind != "PO_NEEDED_FOR_RENEWAL") continue;
    ++gaps;
    const std::size_t row = *orders->find(p.key);
    const auto days_ahead = (std::get<SimDate>(cell(*orders, row, "EndDate")) - today).count();
    EXPECT_GE(days_ahead, 5);
    EXPECT_LE(days_ahead, 25);
    const std::size_t account = *accounts->find(text(*orders, row, "AccountId"));
    EXPECT_EQ(cell(*accounts, account, "Requires_PO__c"), SimValue(true));
    EXPECT_NE(text(*orders, row, "PoNumber"), "");
  }
  EXPECT_EQ(gaps, 30u);
}

}  // namespace
}  // namespace o2c::sim
