// The SAP, Oracle and EBS views (DATA.md "The other ERPs") carry, row for
// row, the same records as the NetSuite view of a 3,000-order business: each
// column is checked against the NetSuite cell it stands for, with the sign
// and null conventions of its system.
#include <gtest/gtest.h>

#include "sim/dataset/ebs_schema.h"
#include "tests/unit/sim/dataset/erp_test_support.h"

namespace o2c::sim {
namespace {

using namespace testing_support;

class ErpViews : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ds_ = new Dataset(options(3000)); }
  static void TearDownTestSuite() { delete ds_, ds_ = nullptr; }

  // Calls check(doc, billing_row, payment_row) for every NetSuite transaction,
  // with the position the document must have in the billing / payment views.
  template <class Check>
  static void for_each_document(Check check) {
    const auto tx = table(*ds_, "netsuite", "transaction");
    const auto symbols = currency_symbols(*ds_);
    std::size_t billing = 0, payments = 0;
    for (std::size_t r = 0; r < tx->size(); ++r) {
      const NsDoc d = ns_doc(*tx, r, symbols);
      ASSERT_TRUE(d.invoice() || d.credit_memo() || d.payment()) << d.type;
      check(d, d.payment() ? payments++ : billing++);
    }
    ASSERT_GT(billing, 2500u);
    ASSERT_GT(payments, 500u);
  }

  static Dataset* ds_;
};

Dataset* ErpViews::ds_ = nullptr;

TEST_F(ErpViews, SapBillingDocumentsAndPaymentsAreTheNetSuiteRecords) {
  const auto docs = table(*ds_, "sap", "A_BillingDocument"), items = table(*ds_, "sap", "A_BillingDocumentItem"),
             pays = table(*ds_, "sap", "A_OperationalAcctgDocItemCube");
  std::size_t billing_rows = 0, payment_rows = 0;
  for_each_document([&](const NsDoc& d, std::size_t k) {
    SCOPED_TRACE(d.id);
    if (d.payment()) {
      ++payment_rows;
      ASSERT_LT(k, pays->size());
      EXPECT_EQ(text(*pays, k, "AccountingDocument"), d.id);
      EXPECT_EQ(text(*pays, k, "Customer"), d.entity);
      EXPECT_EQ(cell(*pays, k, "AmountInTransactionCurrency"), negated(d.total));
      EXPECT_EQ(text(*pays, k, "DebitCreditCode"), "H");
      EXPECT_EQ(text(*pays, k, "TransactionCurrency"), d.currency);
      EXPECT_EQ(cell(*pays, k, "PostingDate"), d.trandate);
      EXPECT_EQ(text(*pays, k, "DocumentReferenceID"), d.memo);
      EXPECT_EQ(d.memo, "Remittance INV" + text(*pays, k, "InvoiceReference"));
      EXPECT_EQ(cell(*pays, k, "IsReversed"), d.voided);
      EXPECT_EQ(cell(*pays, k, "LastChangeDateTime"), d.modstamp);
      return;
    }
    ++billing_rows;
    ASSERT_LT(k, docs->size());
    EXPECT_EQ(text(*docs, k, "BillingDocument"), d.id);
    EXPECT_EQ(text(*docs, k, "BillingDocumentType"), d.credit_memo() ? "G2" : "F2");
    EXPECT_EQ(text(*docs, k, "SoldToParty"), d.entity);
    EXPECT_EQ(text(*docs, k, "TransactionCurrency"), d.currency);
    const SimValue net = d.bad_total() ? SimValue(std::string("abc")) : absolute(d.net);
    const SimValue gross = d.bad_total() ? SimValue(std::string("abc")) : absolute(d.total);
    EXPECT_EQ(cell(*docs, k, "TotalNetAmount"), net);
    EXPECT_EQ(cell(*docs, k, "TaxAmount"), absolute(d.tax));
    EXPECT_EQ(cell(*docs, k, "TotalGrossAmount"), gross);
    EXPECT_EQ(cell(*docs, k, "PurchaseOrderByCustomer"), or_empty(d.po));
    EXPECT_EQ(cell(*docs, k, "YY1_SalesforceOrder_BDH"), or_empty(d.order_ref));
    EXPECT_EQ(cell(*docs, k, "BillingDocumentDate"), d.trandate);
    EXPECT_EQ(cell(*docs, k, "BillingDocumentIsCancelled"), d.voided);
    EXPECT_EQ(cell(*docs, k, "LastChangeDateTime"), d.modstamp);
    EXPECT_EQ(text(*items, k, "BillingDocument"), d.id);
    EXPECT_EQ(cell(*items, k, "NetAmount"), net);
    EXPECT_EQ(cell(*items, k, "TaxAmount"), absolute(d.tax));
    EXPECT_EQ(text(*items, k, "TransactionCurrency"), d.currency);
  });
  EXPECT_EQ(docs->size(), billing_rows);
  EXPECT_EQ(items->size(), billing_rows);
  EXPECT_EQ(pays->size(), payment_rows);
}

TEST_F(ErpViews, OracleInvoicesAndReceiptsAreTheNetSuiteRecords) {
  const auto invoices = table(*ds_, "oracle", "receivablesInvoices"),
             lines = table(*ds_, "oracle", "receivablesInvoiceLines"), receipts = table(*ds_, "oracle", "standardReceipts");
  std::size_t billing_rows = 0, payment_rows = 0;
  for_each_document([&](const NsDoc& d, std::size_t k) {
    SCOPED_TRACE(d.id);
    if (d.payment()) {
      ++payment_rows;
      EXPECT_EQ(text(*receipts, k, "StandardReceiptId"), d.id);
      EXPECT_EQ(text(*receipts, k, "ReceiptNumber"), d.tranid);
      EXPECT_EQ(cell(*receipts, k, "Amount"), d.total);
      EXPECT_FALSE(negative(d.total));
      EXPECT_EQ(text(*receipts, k, "Currency"), d.currency);
      EXPECT_EQ(text(*receipts, k, "CustomerAccountNumber"), d.entity);
      EXPECT_EQ(text(*receipts, k, "Comments"), d.memo);
      EXPECT_EQ(cell(*receipts, k, "ReceiptDate"), d.trandate);
      EXPECT_EQ(cell(*receipts, k, "LastUpdateDate"), d.modstamp);
      return;
    }
    ++billing_rows;
    EXPECT_EQ(text(*invoices, k, "CustomerTransactionId"), d.id);
    EXPECT_EQ(text(*invoices, k, "TransactionNumber"), d.tranid);
    EXPECT_EQ(text(*invoices, k, "TransactionType"), d.credit_memo() ? "Credit Memo" : "Invoice");
    EXPECT_EQ(cell(*invoices, k, "EnteredAmount"), d.total);  // signed, and "abc" where NetSuite has it
    EXPECT_EQ(cell(*invoices, k, "InvoiceBalanceAmount"), d.remaining);
    EXPECT_EQ(text(*invoices, k, "InvoiceCurrencyCode"), d.currency);
    EXPECT_EQ(text(*invoices, k, "BillToCustomerNumber"), d.entity);
    EXPECT_EQ(cell(*invoices, k, "PurchaseOrder"), d.po);
    EXPECT_EQ(cell(*invoices, k, "CrossReference"), d.order_ref);
    EXPECT_EQ(cell(*invoices, k, "TransactionDate"), d.trandate);
    EXPECT_EQ(cell(*invoices, k, "DueDate"), d.duedate);
    EXPECT_EQ(text(*invoices, k, "InvoiceStatus"), d.voided == SimValue(true) ? "Void" : "Complete");
    EXPECT_EQ(cell(*invoices, k, "LastUpdateDate"), d.modstamp);
    EXPECT_EQ(text(*lines, k, "CustomerTransactionId"), d.id);
    EXPECT_EQ(cell(*invoices, k, "TaxAmount"), d.tax);
    EXPECT_EQ(cell(*lines, k, "LineAmount"), d.net);
  });
  EXPECT_EQ(invoices->size(), billing_rows);
  EXPECT_EQ(lines->size(), billing_rows);
  EXPECT_EQ(receipts->size(), payment_rows);
}

TEST_F(ErpViews, EbsTransactionsSchedulesReceiptsAndApplicationsAreTheNetSuiteRecords) {
  const auto trx = table(*ds_, "ebs", "RA_CUSTOMER_TRX_ALL"), lines = table(*ds_, "ebs", "RA_CUSTOMER_TRX_LINES_ALL"),
             schedules = table(*ds_, "ebs", "AR_PAYMENT_SCHEDULES_ALL"), types = table(*ds_, "ebs", "RA_CUST_TRX_TYPES_ALL"),
             receipts = table(*ds_, "ebs", "AR_CASH_RECEIPTS_ALL"), apps = table(*ds_, "ebs", "AR_RECEIVABLE_APPLICATIONS_ALL");
  const auto tx = table(*ds_, "netsuite", "transaction");
  for_each_document([&](const NsDoc& d, std::size_t k) {
    SCOPED_TRACE(d.id);
    const SimValue amount = d.bad_total() ? SimValue() : d.total;  // NULL where NetSuite has "abc"
    EXPECT_EQ(text(*schedules, d.row, "PAYMENT_SCHEDULE_ID"), d.id);
    EXPECT_EQ(text(*schedules, d.row, "TRX_NUMBER"), d.tranid);
    EXPECT_EQ(text(*schedules, d.row, "INVOICE_CURRENCY_CODE"), d.currency);
    EXPECT_EQ(text(*schedules, d.row, "CUSTOMER_ID"), d.entity);
    EXPECT_EQ(cell(*schedules, d.row, "LAST_UPDATE_DATE"), d.modstamp);
    if (d.payment()) {
      EXPECT_EQ(text(*schedules, d.row, "CLASS"), "PMT");
      EXPECT_EQ(cell(*schedules, d.row, "AMOUNT_DUE_ORIGINAL"), negated(d.total));
      EXPECT_EQ(text(*schedules, d.row, "CASH_RECEIPT_ID"), d.id);
      EXPECT_EQ(text(*receipts, k, "CASH_RECEIPT_ID"), d.id);
      EXPECT_EQ(text(*receipts, k, "RECEIPT_NUMBER"), d.tranid);
      EXPECT_EQ(cell(*receipts, k, "AMOUNT"), d.total);
      EXPECT_EQ(text(*receipts, k, "CURRENCY_CODE"), d.currency);
      EXPECT_EQ(text(*receipts, k, "PAY_FROM_CUSTOMER"), d.entity);
      EXPECT_EQ(text(*receipts, k, "COMMENTS"), d.memo);
      EXPECT_EQ(cell(*receipts, k, "RECEIPT_DATE"), d.trandate);
      // The application names the invoice the remittance text names, which NetSuite shows as paid.
      const std::string applied = text(*apps, k, "APPLIED_CUSTOMER_TRX_ID");
      EXPECT_EQ(d.memo, "Remittance INV" + applied);
      EXPECT_EQ(cell(*tx, *tx->find(applied), "foreignamountremaining"), SimValue(Decimal{"0.00"}));
      EXPECT_EQ(cell(*apps, k, "AMOUNT_APPLIED"), d.total);
      EXPECT_EQ(text(*apps, k, "CASH_RECEIPT_ID"), d.id);
      return;
    }
    EXPECT_EQ(text(*schedules, d.row, "CLASS"), d.credit_memo() ? "CM" : "INV");
    EXPECT_EQ(cell(*schedules, d.row, "AMOUNT_DUE_ORIGINAL"), amount);
    EXPECT_EQ(cell(*schedules, d.row, "AMOUNT_DUE_REMAINING"), d.remaining);
    EXPECT_EQ(text(*trx, k, "CUSTOMER_TRX_ID"), d.id);
    EXPECT_EQ(text(*trx, k, "TRX_NUMBER"), d.tranid);
    const auto type_row = types->find(text(*trx, k, "CUST_TRX_TYPE_ID"));
    ASSERT_TRUE(type_row.has_value());
    EXPECT_EQ(text(*types, *type_row, "TYPE"), d.credit_memo() ? "CM" : "INV");
    EXPECT_EQ(text(*trx, k, "BILL_TO_CUSTOMER_ID"), d.entity);
    EXPECT_EQ(text(*trx, k, "INVOICE_CURRENCY_CODE"), d.currency);
    EXPECT_EQ(cell(*trx, k, "PURCHASE_ORDER"), d.po);
    EXPECT_EQ(cell(*trx, k, "ATTRIBUTE1"), d.order_ref);
    EXPECT_EQ(cell(*trx, k, "TRX_DATE"), d.trandate);
    EXPECT_EQ(cell(*trx, k, "TERM_DUE_DATE"), d.duedate);
    EXPECT_EQ(text(*trx, k, "STATUS_TRX") == "VD", d.voided == SimValue(true));
    EXPECT_EQ(cell(*trx, k, "LAST_UPDATE_DATE"), d.modstamp);
    EXPECT_EQ(cell(*schedules, d.row, "TAX_ORIGINAL"), d.tax);
    EXPECT_EQ(cell(*schedules, d.row, "AMOUNT_LINE_ITEMS_ORIGINAL"), d.bad_total() ? SimValue() : d.net);
    EXPECT_EQ(text(*lines, k, "CUSTOMER_TRX_ID"), d.id);
    EXPECT_EQ(cell(*lines, k, "EXTENDED_AMOUNT"), d.bad_total() ? SimValue() : d.net);
  });
}

TEST_F(ErpViews, CustomersAreTheNetSuiteCustomersInEverySystem) {
  const auto customers = table(*ds_, "netsuite", "customer");
  const auto sap = table(*ds_, "sap", "A_Customer"), oracle = table(*ds_, "oracle", "receivablesCustomerAccountActivities"),
             accounts = table(*ds_, "ebs", "HZ_CUST_ACCOUNTS"), parties = table(*ds_, "ebs", "HZ_PARTIES");
  for (const auto& t : {sap, oracle, accounts, parties}) EXPECT_EQ(t->size(), customers->size()) << t->name();
  for (std::size_t r = 0; r < customers->size(); ++r) {
    const std::string id = text(*customers, r, "id"), name = text(*customers, r, "companyname"),
                      sf = text(*customers, r, "custentity_o2c_sf_account");
    const SimValue stamp = cell(*customers, r, "lastmodifieddate");
    EXPECT_EQ(text(*sap, r, "Customer"), id);
    EXPECT_EQ(text(*sap, r, "CustomerName"), name);
    EXPECT_EQ(text(*sap, r, "YY1_SalesforceAccount_cus"), sf);
    EXPECT_EQ(cell(*sap, r, "LastChangeDateTime"), stamp);
    EXPECT_EQ(text(*oracle, r, "AccountId"), id);
    EXPECT_EQ(text(*oracle, r, "AccountNumber"), id);
    EXPECT_EQ(text(*oracle, r, "CustomerName"), name);
    EXPECT_EQ(text(*oracle, r, "SalesforceAccountId"), sf);
    EXPECT_EQ(cell(*oracle, r, "LastUpdateDate"), stamp);
    EXPECT_EQ(text(*accounts, r, "CUST_ACCOUNT_ID"), id);
    EXPECT_EQ(text(*accounts, r, "ATTRIBUTE1"), sf);
    EXPECT_EQ(cell(*accounts, r, "LAST_UPDATE_DATE"), stamp);
    EXPECT_EQ(text(*parties, *parties->find(text(*accounts, r, "PARTY_ID")), "PARTY_NAME"), name);
  }
}

TEST_F(ErpViews, CreditMemosArePositiveInSapAndNegativeInOracleAndEbs) {
  const auto sap = table(*ds_, "sap", "A_BillingDocument"), oracle = table(*ds_, "oracle", "receivablesInvoices"),
             trx = table(*ds_, "ebs", "RA_CUSTOMER_TRX_ALL"), schedules = table(*ds_, "ebs", "AR_PAYMENT_SCHEDULES_ALL");
  const auto tx = table(*ds_, "netsuite", "transaction");
  std::size_t credit_memos = 0;
  for (std::size_t k = 0; k < sap->size(); ++k) {
    if (text(*sap, k, "BillingDocumentType") != "G2") continue;
    ++credit_memos;
    const std::string id = text(*sap, k, "BillingDocument");
    EXPECT_FALSE(negative(cell(*sap, k, "TotalNetAmount"))) << id;
    EXPECT_TRUE(negative(cell(*oracle, *oracle->find(id), "EnteredAmount"))) << id;
    EXPECT_TRUE(negative(cell(*schedules, *schedules->find(id), "AMOUNT_DUE_ORIGINAL"))) << id;
    // The invoice it credits: the same Salesforce order, billed just before.
    const std::string previous = text(*trx, *trx->find(id), "PREVIOUS_CUSTOMER_TRX_ID");
    EXPECT_EQ(text(*tx, *tx->find(previous), "type"), "CustInvc");
    EXPECT_EQ(text(*tx, *tx->find(previous), "custbody_o2c_sf_order"), text(*tx, *tx->find(id), "custbody_o2c_sf_order"));
  }
  EXPECT_GE(credit_memos, 2u);
}

TEST_F(ErpViews, ThePlantedInvalidTotalIsBadInEachSystemsOwnWay) {
  std::size_t found = 0;
  for (const auto& p : ds_->planted()) {
    if (p.kind != "DATA_INVALID" || p.key.rfind("netsuite/transaction/", 0) != 0) continue;
    const std::string id = p.key.substr(std::string("netsuite/transaction/").size());
    ++found;
    const auto sap = table(*ds_, "sap", "A_BillingDocument"), oracle = table(*ds_, "oracle", "receivablesInvoices");
    const auto lines = table(*ds_, "ebs", "RA_CUSTOMER_TRX_LINES_ALL"), schedules = table(*ds_, "ebs", "AR_PAYMENT_SCHEDULES_ALL");
    EXPECT_EQ(cell(*sap, *sap->find(id), "TotalNetAmount"), SimValue(std::string("abc")));  // Edm.Decimal text "abc"
    EXPECT_EQ(cell(*oracle, *oracle->find(id), "EnteredAmount"), SimValue(std::string("abc")));
    EXPECT_EQ(cell(*lines, *lines->find(id), "EXTENDED_AMOUNT"), SimValue());
    EXPECT_EQ(cell(*schedules, *schedules->find(id), "AMOUNT_DUE_ORIGINAL"), SimValue());
  }
  EXPECT_GE(found, 2u);
}

TEST_F(ErpViews, KeysAscendFindRoundTripsAndModstampsNeverDecrease) {
  for (const char* system : {"sap", "oracle", "ebs"}) {
    for (const std::string name : {"A_Customer", "A_BillingDocument", "A_BillingDocumentItem", "A_OperationalAcctgDocItemCube",
                                   "receivablesInvoices", "receivablesInvoiceLines", "standardReceipts",
                                   "receivablesCustomerAccountActivities", "HZ_PARTIES", "HZ_CUST_ACCOUNTS",
                                   "RA_CUSTOMER_TRX_ALL", "RA_CUSTOMER_TRX_LINES_ALL", "AR_PAYMENT_SCHEDULES_ALL",
                                   "AR_CASH_RECEIPTS_ALL", "AR_RECEIVABLE_APPLICATIONS_ALL"}) {
      const auto t = catalog(*ds_, system)->table(name);
      if (!t) continue;
      SCOPED_TRACE(name);
      const auto& columns = t->columns();
      std::optional<std::size_t> stamp;
      for (const char* c : {"LastChangeDateTime", "LastUpdateDate", "LAST_UPDATE_DATE"})
        if (!stamp) stamp = t->column_index(c, false);
      std::uint64_t previous_key = 0;
      SimTime previous_stamp{};
      for (std::size_t r = 0; r < t->size(); ++r) {
        const std::string key = std::get<std::string>(t->value(r, 0));
        const std::uint64_t n = std::stoull(key);
        ASSERT_GT(n, previous_key);
        ASSERT_EQ(t->find(key), r);
        previous_key = n;
        if (!stamp) continue;
        const SimTime s = std::get<SimTime>(t->value(r, *stamp));
        ASSERT_GE(s, previous_stamp);
        previous_stamp = s;
      }
      EXPECT_TRUE(t->naturally_ordered_by(columns[0].name));
      if (stamp) {
        EXPECT_TRUE(t->naturally_ordered_by(columns[*stamp].name));
      }
      EXPECT_FALSE(t->find("0" + std::get<std::string>(t->value(0, 0))).has_value());
      EXPECT_FALSE(t->find("abc").has_value());
      EXPECT_FALSE(t->find("99999999").has_value());
      EXPECT_FALSE(t->find("").has_value());
    }
  }
  // An id of the other kind is not in a view: payments are not billing documents and vice versa.
  const auto billing = table(*ds_, "sap", "A_BillingDocument"), receipts = table(*ds_, "oracle", "standardReceipts");
  EXPECT_FALSE(billing->find(std::get<std::string>(receipts->value(0, 0))).has_value());
  EXPECT_FALSE(receipts->find(std::get<std::string>(billing->value(0, 0))).has_value());
}

TEST_F(ErpViews, CatalogsFindTheirTablesCaseInsensitivelyAndNothingElse) {
  EXPECT_EQ(ds_->sap()->table("a_billingdocument")->name(), "A_BillingDocument");
  EXPECT_EQ(ds_->oracle()->table("RECEIVABLESINVOICES")->name(), "receivablesInvoices");
  EXPECT_EQ(ds_->ebs()->table("ra_customer_trx_all")->name(), "RA_CUSTOMER_TRX_ALL");
  EXPECT_EQ(ds_->sap()->table("transaction"), nullptr);
  EXPECT_EQ(ds_->oracle()->table("A_Customer"), nullptr);
  EXPECT_EQ(ds_->ebs()->table("customer"), nullptr);
  EXPECT_THROW(table(*ds_, "sap", "A_Customer")->value(ds_->sap()->table("A_Customer")->size(), 0), std::out_of_range);
}

TEST(EbsSchema, DescribesEveryEbsTableColumnForColumn) {
  const Dataset ds(options(100));
  const auto& schema = ebs_schema();
  ASSERT_EQ(schema.size(), 8u);
  for (const auto& def : schema) {
    SCOPED_TRACE(def.name);
    const auto t = ds.ebs()->table(def.name);
    ASSERT_NE(t, nullptr);
    ASSERT_EQ(t->columns().size(), def.columns.size());
    for (std::size_t c = 0; c < def.columns.size(); ++c) {
      EXPECT_EQ(t->columns()[c].name, def.columns[c].name);
      EXPECT_EQ(t->columns()[c].type, def.columns[c].type);
      const bool is_date = def.columns[c].type == SimType::date || def.columns[c].type == SimType::datetime;
      EXPECT_EQ(def.columns[c].sql_type == "timestamp without time zone", is_date) << def.columns[c].name;
    }
    EXPECT_TRUE(def.columns[0].not_null);
    if (!def.modstamp.empty()) {
      EXPECT_TRUE(t->column_index(def.modstamp, false).has_value());
    }
  }
  // The planted NULLs need nullable amount columns; EBS's own NOT NULLs stay elsewhere.
  const auto column = [&](std::string_view table_name, std::string_view name) {
    for (const auto& def : schema)
      for (const auto& c : def.columns)
        if (def.name == table_name && c.name == name) return c;
    ADD_FAILURE() << table_name << "." << name;
    return EbsColumnDef{};
  };
  EXPECT_FALSE(column("AR_PAYMENT_SCHEDULES_ALL", "AMOUNT_DUE_ORIGINAL").not_null);
  EXPECT_FALSE(column("RA_CUSTOMER_TRX_LINES_ALL", "EXTENDED_AMOUNT").not_null);
  EXPECT_TRUE(column("RA_CUSTOMER_TRX_ALL", "TRX_NUMBER").not_null);
  EXPECT_TRUE(column("AR_CASH_RECEIPTS_ALL", "AMOUNT").not_null);
  EXPECT_EQ(column("RA_CUSTOMER_TRX_ALL", "CUSTOMER_TRX_ID").sql_type, "numeric");
  EXPECT_EQ(column("RA_CUSTOMER_TRX_ALL", "TRX_NUMBER").sql_type, "varchar(20)");
}

}  // namespace
}  // namespace o2c::sim
