// Mutations (DATA.md "Mutations"): what each one changes in the served rows,
// in natural order and in the answer key, and the errors for bad requests.
#include <gtest/gtest.h>

#include "tests/unit/sim/dataset/dataset_test_support.h"

namespace o2c::sim {
namespace {

using namespace testing_support;
using namespace std::chrono;

std::string first_planted(const Dataset& ds, std::string_view kind) {
  for (const auto& p : ds.planted())
    if (p.kind == kind && !p.consequence) return p.key;
  ADD_FAILURE() << "nothing planted as " << kind;
  return "";
}

bool in_key(const Dataset& ds, const std::string& kind, const std::string& key) {
  const KindKeys k = answer_key_sets(ds.answer_key_json());
  return k.count(kind) && k.at(kind).count(key);
}

std::string apply(Dataset& ds, std::string action, std::string system, std::string object, std::string id = "") {
  std::string created;
  const std::string error = ds.mutate({std::move(action), std::move(system), std::move(object), std::move(id)}, &created);
  EXPECT_EQ(error, "");
  return created;
}

TEST(DatasetMutation, DeleteHidesAnUninvoicedOrderFromTheKeyAndUndeleteBringsItBack) {
  Dataset ds(options(1000));
  const auto orders = table(ds, "salesforce", "Order");
  const std::string id = first_planted(ds, "ORDER_NOT_INVOICED");
  const std::size_t row = *orders->find(id);
  ASSERT_TRUE(in_key(ds, "ORDER_NOT_INVOICED", id));

  apply(ds, "delete", "salesforce", "Order", id);
  EXPECT_FALSE(in_key(ds, "ORDER_NOT_INVOICED", id));
  EXPECT_EQ(cell(*orders, row, "IsDeleted"), SimValue(true));
  EXPECT_EQ(time_of(*orders, row, "SystemModstamp"), fixed_now());
  EXPECT_FALSE(orders->naturally_ordered_by("SystemModstamp"));
  EXPECT_TRUE(orders->naturally_ordered_by("Id"));

  apply(ds, "undelete", "salesforce", "Order", id);
  EXPECT_TRUE(in_key(ds, "ORDER_NOT_INVOICED", id));
  EXPECT_EQ(cell(*orders, row, "IsDeleted"), SimValue(false));
}

TEST(DatasetMutation, DeletingAnInvoicedOrderLeavesItsInvoiceWithoutOrder) {
  Dataset ds(options(1000));
  const auto transactions = table(ds, "netsuite", "transaction");
  const std::string invoice = first_planted(ds, "PO_MISMATCH");
  const std::string order = text(*transactions, *transactions->find(invoice), "custbody_o2c_sf_order");
  apply(ds, "delete", "salesforce", "Order", order);
  EXPECT_TRUE(in_key(ds, "INVOICE_WITHOUT_ORDER", invoice));
  EXPECT_FALSE(in_key(ds, "PO_MISMATCH", invoice));  // PO_MISMATCH needs a linked order
}

TEST(DatasetMutation, InsertLateAppendsTheNextOrderNinetySecondsBeforeNow) {
  Dataset ds(options(500));
  const auto orders = table(ds, "salesforce", "Order");
  const std::string last = text(*orders, 499, "Id");
  const std::string created = apply(ds, "insert_late", "salesforce", "Order");
  ASSERT_EQ(orders->size(), 501u);
  EXPECT_EQ(text(*orders, 500, "Id"), created);
  EXPECT_LT(last, created);
  EXPECT_EQ(orders->find(created), 500u);
  EXPECT_EQ(text(*orders, 500, "OrderNumber"), "00000501");
  EXPECT_EQ(time_of(*orders, 500, "SystemModstamp"), fixed_now() - seconds(90));
  EXPECT_TRUE(orders->naturally_ordered_by("SystemModstamp"));  // still the newest row
  EXPECT_TRUE(in_key(ds, "ORDER_NOT_INVOICED", created));

  // A late invoice for it: linked, full amount, next transaction id.
  const auto transactions = table(ds, "netsuite", "transaction");
  const std::size_t before = transactions->size();
  const std::string invoice = apply(ds, "insert_late", "netsuite", "transaction", created);
  ASSERT_EQ(transactions->size(), before + 1);
  EXPECT_EQ(text(*transactions, before, "id"), invoice);
  EXPECT_EQ(std::stoull(invoice), std::stoull(text(*transactions, before - 1, "id")) + 1);
  EXPECT_EQ(text(*transactions, before, "custbody_o2c_sf_order"), created);
  EXPECT_EQ(text(*transactions, before, "type"), "CustInvc");
  EXPECT_EQ(time_of(*transactions, before, "lastmodifieddate"), fixed_now() - seconds(90));
  EXPECT_FALSE(in_key(ds, "ORDER_NOT_INVOICED", created));
  EXPECT_FALSE(in_key(ds, "INVOICE_WITHOUT_ORDER", invoice));

  // Without an id, it bills the last order row: now a duplicate of the one above.
  const std::string again = apply(ds, "insert_late", "netsuite", "transaction");
  EXPECT_TRUE(in_key(ds, "DUPLICATE_INVOICE", again));
}

TEST(DatasetMutation, TouchSetsTheModstampToNowOnEveryTable) {
  Dataset ds(options(300));
  for (const auto& [system, name, stamp] : {std::tuple{"salesforce", "Account", "SystemModstamp"},
                                            {"salesforce", "Order", "SystemModstamp"},
                                            {"netsuite", "customer", "lastmodifieddate"},
                                            {"netsuite", "transaction", "lastmodifieddate"}}) {
    const auto t = table(ds, system, name);
    const std::string key = ds.answer_key_json();
    ASSERT_TRUE(t->naturally_ordered_by(stamp));
    apply(ds, "touch", system, name, text(*t, 3, t->columns()[0].name));
    EXPECT_EQ(time_of(*t, 3, stamp), fixed_now()) << name;
    EXPECT_LT(time_of(*t, 4, stamp), fixed_now()) << name;
    EXPECT_FALSE(t->naturally_ordered_by(stamp)) << name;
    EXPECT_TRUE(t->naturally_ordered_by(t->columns()[0].name)) << name;
    EXPECT_EQ(ds.answer_key_json(), key) << name;  // a touch changes no rule's outcome
  }
}

TEST(DatasetMutation, DeletingANetSuiteInvoiceVoidsIt) {
  Dataset ds(options(1000));
  const auto transactions = table(ds, "netsuite", "transaction");
  const std::string invoice = first_planted(ds, "PO_MISSING");
  const std::size_t row = *transactions->find(invoice);
  const std::string order = text(*transactions, row, "custbody_o2c_sf_order");
  apply(ds, "delete", "netsuite", "transaction", invoice);
  EXPECT_EQ(cell(*transactions, row, "voided"), SimValue(true));
  EXPECT_FALSE(in_key(ds, "PO_MISSING", invoice));     // voided documents are ignored
  EXPECT_TRUE(in_key(ds, "ORDER_NOT_INVOICED", order));
  apply(ds, "undelete", "netsuite", "transaction", invoice);
  EXPECT_EQ(cell(*transactions, row, "voided"), SimValue(false));
  EXPECT_TRUE(in_key(ds, "PO_MISSING", invoice));
}

TEST(DatasetMutation, BadRequestsAreRefusedWithAMessageNamingTheProblem) {
  Dataset ds(options(200));
  const std::string key = ds.answer_key_json();
  const std::string order = text(*table(ds, "salesforce", "Order"), 0, "Id");
  const auto error = [&](Mutation m) { return ds.mutate(m); };
  EXPECT_NE(error({"remove", "salesforce", "Order", order}).find("unknown action 'remove'"), std::string::npos);
  EXPECT_NE(error({"touch", "coupa", "Order", order}).find("unknown system 'coupa'"), std::string::npos);
  EXPECT_NE(error({"touch", "sap", "Order", order}).find("unknown sap object 'Order'"), std::string::npos);
  EXPECT_NE(error({"touch", "salesforce", "Opportunity", order}).find("unknown salesforce object 'Opportunity'"),
            std::string::npos);
  EXPECT_NE(error({"touch", "netsuite", "Order", order}).find("unknown netsuite object 'Order'"), std::string::npos);
  EXPECT_NE(error({"touch", "salesforce", "Order", "801000000000000AAA"}).find("'801000000000000AAA'"),
            std::string::npos);
  EXPECT_NE(error({"delete", "netsuite", "customer", "1001"}).find("delete is not supported for netsuite customer"),
            std::string::npos);
  EXPECT_NE(error({"insert_late", "salesforce", "Account", ""}).find("insert_late is not supported"),
            std::string::npos);
  EXPECT_NE(error({"insert_late", "netsuite", "transaction", "nope"}).find("'nope'"), std::string::npos);
  EXPECT_EQ(ds.answer_key_json(), key);
  EXPECT_TRUE(table(ds, "salesforce", "Order")->naturally_ordered_by("SystemModstamp"));
  EXPECT_EQ(error({"TOUCH", "SalesForce", "order", order}).find("unknown action"), 0u);  // actions are exact
  EXPECT_EQ(error({"touch", "SalesForce", "order", order}), "");                          // names are not
}

TEST(DatasetMutation, LeavesThePlantedListAsGenerated) {
  Dataset ds(options(400));
  const auto before = planted_sets(ds, true);
  apply(ds, "delete", "salesforce", "Order", first_planted(ds, "ORDER_NOT_INVOICED"));
  EXPECT_EQ(planted_sets(ds, true), before);
}

}  // namespace
}  // namespace o2c::sim
