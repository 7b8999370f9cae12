// DATA_INVALID: invalid records are reported and do not exist for the rules.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/reconcile/reconcile_test_support.h"

namespace o2c::reconcile::testing {
namespace {

using ::testing::ElementsAre;

schema::InvalidRecord invalid(const std::string& source, const std::string& object, const std::string& id,
                              const std::string& field, const std::string& reason) {
  return {source, object, id, field, reason, "{\"Id\":\"" + id + "\"}"};
}

TEST(DataInvalid, EachInvalidRecordIsReportedOnceWithEveryProblem) {
  Book b;
  b.inputs.invalid_records.push_back(
      invalid("salesforce", "Order", "801Z", "TotalAmount", "invalid amount '12,50 EUR'"));
  b.inputs.invalid_records.push_back(
      invalid("salesforce", "Order", "801Z", "CurrencyIsoCode", "unknown currency 'EUX'"));
  b.inputs.invalid_records.push_back(invalid("netsuite", "transaction", "77", "foreigntotal", "invalid amount 'abc'"));
  const Outcome out = reconcile_with_summary(b.inputs, b.settings);
  ASSERT_THAT(summary(out.items),
              ElementsAre("DATA_INVALID netsuite/transaction/77", "DATA_INVALID salesforce/Order/801Z"));
  const ExceptionItem& e = out.items[1];
  EXPECT_EQ(e.rule, "data.unreadable_record");
  EXPECT_EQ(e.record_key, "salesforce/Order/801Z");
  EXPECT_EQ(e.order_id, "");
  EXPECT_EQ(evidence(e, "record"), "salesforce/Order/801Z");
  EXPECT_EQ(evidence(e, "excerpt"), "{\"Id\":\"801Z\"}");
  std::vector<std::string> problems;
  for (const auto& ev : e.evidence)
    if (ev.name == "problem") problems.push_back(ev.value);
  EXPECT_THAT(problems,
              ElementsAre("TotalAmount: invalid amount '12,50 EUR'", "CurrencyIsoCode: unknown currency 'EUX'"));
  EXPECT_EQ(out.stats.invalid_records, 2u);
}

TEST(DataInvalid, InvalidRecordsDoNotExistForTheRules) {
  Book b;
  b.add_customer("1", "Acme", true);
  b.add_order("801A", "1", eur("100.00"), "PO-1");  // its stored copy is stale: the record is invalid now
  b.add_invoice("11", "1", eur("100.00"), "801A", "PO-1");
  b.add_invoice("12", "1", eur("5.00"), "");  // invalid too: no INVOICE_WITHOUT_ORDER, no PO_MISSING
  b.inputs.invalid_records.push_back(invalid("salesforce", "Order", "801A", "PoNumber", "invalid UTF-8"));
  b.inputs.invalid_records.push_back(invalid("netsuite", "transaction", "12", "foreigntotal", "invalid amount 'abc'"));
  const auto items = b.run();
  ASSERT_THAT(summary(items), ElementsAre("INVOICE_WITHOUT_ORDER 11", "DATA_INVALID netsuite/transaction/12",
                                          "DATA_INVALID salesforce/Order/801A"));
  EXPECT_EQ(evidence(items[0], "order_reference"), "801A is an order that could not be read (DATA_INVALID)");
}

TEST(DataInvalid, InvalidUtf8InEvidenceIsReplacedSoItSurvivesStorage) {
  Book b;
  b.inputs.invalid_records.push_back(
      {"salesforce", "Order", "801Q", "PoNumber", "invalid UTF-8 in 'PO-\xC3\x28'", "{\"PoNumber\":\"PO-\xFF\"}"});
  const auto items = b.run();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(evidence(items[0], "problem"), "PoNumber: invalid UTF-8 in 'PO-\xEF\xBF\xBD('");
  EXPECT_EQ(evidence(items[0], "excerpt"), "{\"PoNumber\":\"PO-\xEF\xBF\xBD\"}");
}

}  // namespace
}  // namespace o2c::reconcile::testing
