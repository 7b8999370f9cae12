// Mutations of NetSuite records show in the SAP, Oracle and EBS views, and
// mutations that name an ERP record act on the NetSuite record behind it
// (DATA.md "Mutations").
#include <gtest/gtest.h>

#include "tests/unit/sim/dataset/erp_test_support.h"

namespace o2c::sim {
namespace {

using namespace testing_support;

std::string first_of_type(const Dataset& ds, std::string_view type) {
  const auto tx = table(ds, "netsuite", "transaction");
  for (std::size_t r = 0; r < tx->size(); ++r)
    if (text(*tx, r, "type") == type) return text(*tx, r, "id");
  ADD_FAILURE() << "no " << type;
  return "";
}

SimValue at(const Dataset& ds, std::string_view system, std::string_view table_name, const std::string& id,
            std::string_view column) {
  const auto t = table(ds, system, table_name);
  const auto row = t->find(id);
  EXPECT_TRUE(row.has_value()) << table_name << " " << id;
  return row ? cell(*t, *row, column) : SimValue{};
}

TEST(ErpMutation, TouchingAnInvoiceStampsEveryViewWithNow) {
  Dataset ds(options(600));
  const std::string id = first_of_type(ds, "CustInvc");
  ASSERT_EQ(ds.mutate({"touch", "netsuite", "transaction", id}), "");
  const SimValue now = fixed_now();
  EXPECT_EQ(at(ds, "sap", "A_BillingDocument", id, "LastChangeDateTime"), now);
  EXPECT_EQ(at(ds, "oracle", "receivablesInvoices", id, "LastUpdateDate"), now);
  EXPECT_EQ(at(ds, "ebs", "RA_CUSTOMER_TRX_ALL", id, "LAST_UPDATE_DATE"), now);
  EXPECT_EQ(at(ds, "ebs", "RA_CUSTOMER_TRX_LINES_ALL", id, "LAST_UPDATE_DATE"), now);
  EXPECT_EQ(at(ds, "ebs", "AR_PAYMENT_SCHEDULES_ALL", id, "LAST_UPDATE_DATE"), now);
  EXPECT_FALSE(table(ds, "sap", "A_BillingDocument")->naturally_ordered_by("LastChangeDateTime"));
  EXPECT_FALSE(table(ds, "ebs", "RA_CUSTOMER_TRX_ALL")->naturally_ordered_by("LAST_UPDATE_DATE"));
  EXPECT_TRUE(table(ds, "oracle", "receivablesInvoices")->naturally_ordered_by("CustomerTransactionId"));
  EXPECT_TRUE(table(ds, "oracle", "receivablesCustomerAccountActivities")->naturally_ordered_by("LastUpdateDate"));
}

TEST(ErpMutation, TouchingACustomerStampsItsAccountsEverywhere) {
  Dataset ds(options(600));
  ASSERT_EQ(ds.mutate({"touch", "netsuite", "customer", "1003"}), "");
  const SimValue now = fixed_now();
  EXPECT_EQ(at(ds, "sap", "A_Customer", "1003", "LastChangeDateTime"), now);
  EXPECT_EQ(at(ds, "oracle", "receivablesCustomerAccountActivities", "1003", "LastUpdateDate"), now);
  EXPECT_EQ(at(ds, "ebs", "HZ_CUST_ACCOUNTS", "1003", "LAST_UPDATE_DATE"), now);
  EXPECT_NE(at(ds, "ebs", "HZ_CUST_ACCOUNTS", "1002", "LAST_UPDATE_DATE"), now);
}

TEST(ErpMutation, VoidingShowsAsEachSystemsCancellationAndUndeleteRestoresIt) {
  Dataset ds(options(600));
  const std::string invoice = first_of_type(ds, "CustInvc"), payment = first_of_type(ds, "CustPymt");
  ASSERT_EQ(ds.mutate({"delete", "netsuite", "transaction", invoice}), "");
  ASSERT_EQ(ds.mutate({"delete", "netsuite", "transaction", payment}), "");
  EXPECT_EQ(at(ds, "sap", "A_BillingDocument", invoice, "BillingDocumentIsCancelled"), SimValue(true));
  EXPECT_EQ(at(ds, "oracle", "receivablesInvoices", invoice, "InvoiceStatus"), SimValue(std::string("Void")));
  EXPECT_EQ(at(ds, "ebs", "RA_CUSTOMER_TRX_ALL", invoice, "STATUS_TRX"), SimValue(std::string("VD")));
  EXPECT_EQ(at(ds, "sap", "A_OperationalAcctgDocItemCube", payment, "IsReversed"), SimValue(true));
  EXPECT_EQ(at(ds, "oracle", "standardReceipts", payment, "Status"), SimValue(std::string("Reversed")));
  EXPECT_EQ(at(ds, "ebs", "AR_CASH_RECEIPTS_ALL", payment, "STATUS"), SimValue(std::string("REV")));
  EXPECT_EQ(at(ds, "ebs", "AR_CASH_RECEIPTS_ALL", payment, "REVERSAL_DATE"),
            SimValue(std::chrono::floor<std::chrono::days>(fixed_now())));
  EXPECT_EQ(at(ds, "ebs", "AR_RECEIVABLE_APPLICATIONS_ALL", payment, "DISPLAY"), SimValue(std::string("N")));

  ASSERT_EQ(ds.mutate({"undelete", "netsuite", "transaction", invoice}), "");
  EXPECT_EQ(at(ds, "sap", "A_BillingDocument", invoice, "BillingDocumentIsCancelled"), SimValue(false));
  EXPECT_EQ(at(ds, "oracle", "receivablesInvoices", invoice, "InvoiceStatus"), SimValue(std::string("Complete")));
  EXPECT_NE(at(ds, "ebs", "RA_CUSTOMER_TRX_ALL", invoice, "STATUS_TRX"), SimValue(std::string("VD")));
}

TEST(ErpMutation, ALateInvoiceIsTheLastRowOfEveryInvoiceViewAndNoPaymentView) {
  Dataset ds(options(600));
  const auto sap = table(ds, "sap", "A_BillingDocument"), receipts = table(ds, "oracle", "standardReceipts");
  const auto trx = table(ds, "ebs", "RA_CUSTOMER_TRX_ALL"), schedules = table(ds, "ebs", "AR_PAYMENT_SCHEDULES_ALL");
  const std::size_t billing = sap->size(), payments = receipts->size(), all = schedules->size();
  const std::string order = text(*table(ds, "salesforce", "Order"), 5, "Id");
  std::string created;
  ASSERT_EQ(ds.mutate({"insert_late", "netsuite", "transaction", order}, &created), "");
  const auto tx = table(ds, "netsuite", "transaction");
  ASSERT_EQ(text(*tx, tx->size() - 1, "id"), created);

  ASSERT_EQ(sap->size(), billing + 1);
  EXPECT_EQ(receipts->size(), payments);
  ASSERT_EQ(schedules->size(), all + 1);
  EXPECT_EQ(sap->find(created), billing);
  EXPECT_EQ(text(*sap, billing, "BillingDocument"), created);
  EXPECT_EQ(text(*sap, billing, "YY1_SalesforceOrder_BDH"), order);
  EXPECT_EQ(cell(*sap, billing, "TotalNetAmount"), cell(*tx, tx->size() - 1, "foreigntotal"));
  EXPECT_EQ(text(*trx, trx->size() - 1, "CUSTOMER_TRX_ID"), created);
  EXPECT_EQ(text(*trx, trx->size() - 1, "ATTRIBUTE1"), order);
  EXPECT_EQ(cell(*schedules, all, "AMOUNT_DUE_ORIGINAL"), cell(*tx, tx->size() - 1, "foreigntotal"));
  EXPECT_EQ(at(ds, "oracle", "receivablesInvoiceLines", created, "LineAmount"), cell(*tx, tx->size() - 1, "foreigntotal"));
  EXPECT_TRUE(sap->naturally_ordered_by("LastChangeDateTime"));  // the newest row keeps the order
  EXPECT_FALSE(receipts->find(created).has_value());
}

TEST(ErpMutation, MutationsNamingAnErpRecordActOnTheNetSuiteRecord) {
  Dataset ds(options(600));
  const auto tx = table(ds, "netsuite", "transaction");
  const std::string invoice = first_of_type(ds, "CustInvc"), payment = first_of_type(ds, "CustPymt");
  ASSERT_EQ(ds.mutate({"delete", "sap", "A_BillingDocument", invoice}), "");
  EXPECT_EQ(cell(*tx, *tx->find(invoice), "voided"), SimValue(true));
  ASSERT_EQ(ds.mutate({"touch", "oracle", "standardReceipts", payment}), "");
  EXPECT_EQ(cell(*tx, *tx->find(payment), "lastmodifieddate"), SimValue(fixed_now()));
  ASSERT_EQ(ds.mutate({"touch", "EBS", "hz_cust_accounts", "1002"}), "");
  EXPECT_EQ(at(ds, "netsuite", "customer", "1002", "lastmodifieddate"), SimValue(fixed_now()));
  std::string created;
  ASSERT_EQ(ds.mutate({"insert_late", "ebs", "RA_CUSTOMER_TRX_ALL", ""}, &created), "");
  EXPECT_EQ(text(*tx, tx->size() - 1, "id"), created);

  const auto refused = [&](Mutation m, std::string_view expected) {
    const std::string error = ds.mutate(m);
    EXPECT_NE(error.find(expected), std::string::npos) << error;
  };
  refused({"delete", "sap", "A_BillingDocument", payment}, "no sap A_BillingDocument with id '" + payment + "'");
  refused({"delete", "oracle", "standardReceipts", invoice}, "no oracle standardReceipts with id");
  refused({"touch", "sap", "A_BillingDocumentItem", invoice}, "unknown sap object 'A_BillingDocumentItem'");
  refused({"insert_late", "sap", "A_Customer", ""}, "insert_late is not supported for sap A_Customer");
  refused({"delete", "ebs", "HZ_CUST_ACCOUNTS", "1002"}, "delete is not supported");
  refused({"touch", "oracle", "receivablesInvoices", "nope"}, "'nope'");
}

}  // namespace
}  // namespace o2c::sim
