// tests/unit/connectors/sql/sql_ebs_mappings_test.cpp — the EBS example
// mappings (examples/mappings/ebs-*.yaml) on real rows: EBS-shaped tables
// (sim/DATA.md "EBS tables") in PostgreSQL, read through psqlODBC by the SQL
// source and mapped by the real mapper. Invoices take their amount and open
// balance from the payment schedules (installments summed, a NULL amount is
// DATA_INVALID), credit memos are negative, voids and reversed receipts are
// deleted, incomplete transactions and miscellaneous receipts are left out,
// and a change to a schedule alone brings its invoice into the next pass.
#include <map>

#include <gtest/gtest.h>

#include "connectors/sql/sql.h"
#include "mapping/mapper.h"
#include "tests/unit/connectors/sql/sql_test_support.h"

namespace o2c::sql {
namespace {

using connectors::Cursor;
using connectors::SyncMode;
using testing::read_all;
using testing::records_of;
using testing::SqlDatabase;

constexpr const char* kSchema = R"sql(
CREATE TABLE hz_parties (party_id numeric PRIMARY KEY, party_number varchar(30) NOT NULL,
  party_name varchar(360) NOT NULL, party_type varchar(30) NOT NULL, status varchar(1) NOT NULL,
  creation_date timestamp NOT NULL, last_update_date timestamp NOT NULL, tax_reference varchar(50));
CREATE TABLE hz_cust_accounts (cust_account_id numeric PRIMARY KEY, party_id numeric NOT NULL,
  account_number varchar(30) NOT NULL, account_name varchar(240), status varchar(1) NOT NULL,
  customer_type varchar(30), attribute1 varchar(150), creation_date timestamp NOT NULL,
  last_update_date timestamp NOT NULL);
CREATE TABLE ra_cust_trx_types_all (cust_trx_type_id numeric PRIMARY KEY, name varchar(20) NOT NULL,
  type varchar(20) NOT NULL, org_id numeric NOT NULL);
CREATE TABLE ra_customer_trx_all (customer_trx_id numeric PRIMARY KEY, trx_number varchar(20) NOT NULL,
  cust_trx_type_id numeric NOT NULL, trx_date timestamp NOT NULL, term_due_date timestamp,
  bill_to_customer_id numeric NOT NULL, sold_to_customer_id numeric, invoice_currency_code varchar(15) NOT NULL,
  purchase_order varchar(50), complete_flag varchar(1) NOT NULL, status_trx varchar(30) NOT NULL,
  previous_customer_trx_id numeric, comments varchar(1760), attribute1 varchar(150), org_id numeric NOT NULL,
  creation_date timestamp NOT NULL, last_update_date timestamp NOT NULL);
CREATE TABLE ar_payment_schedules_all (payment_schedule_id numeric PRIMARY KEY, customer_trx_id numeric,
  cash_receipt_id numeric, class varchar(20) NOT NULL, status varchar(30) NOT NULL,
  trx_number varchar(30) NOT NULL, trx_date timestamp NOT NULL, due_date timestamp NOT NULL,
  amount_due_original numeric, amount_due_remaining numeric, amount_applied numeric,
  invoice_currency_code varchar(15) NOT NULL, customer_id numeric NOT NULL, org_id numeric NOT NULL,
  creation_date timestamp NOT NULL, last_update_date timestamp NOT NULL, tax_original numeric);
CREATE TABLE ra_customer_trx_lines_all (customer_trx_line_id numeric PRIMARY KEY, customer_trx_id numeric NOT NULL,
  line_number numeric NOT NULL, line_type varchar(20) NOT NULL, description varchar(240), quantity_invoiced numeric,
  quantity_credited numeric, unit_selling_price numeric, extended_amount numeric, tax_classification_code varchar(50),
  org_id numeric NOT NULL, creation_date timestamp NOT NULL, last_update_date timestamp NOT NULL);
CREATE TABLE ar_cash_receipts_all (cash_receipt_id numeric PRIMARY KEY, receipt_number varchar(30) NOT NULL,
  receipt_date timestamp NOT NULL, amount numeric NOT NULL, currency_code varchar(15) NOT NULL,
  pay_from_customer numeric, comments varchar(2000), status varchar(30) NOT NULL, type varchar(20) NOT NULL,
  reversal_date timestamp, org_id numeric NOT NULL, creation_date timestamp NOT NULL,
  last_update_date timestamp NOT NULL);
)sql";

constexpr const char* kRows = R"sql(
INSERT INTO hz_parties VALUES
  (1001, '1001', 'Zürich Präzision AG', 'ORGANIZATION', 'A', '2026-01-05', '2026-11-20 09:00:00', 'FR96552100554'),
  (1002, '1002', '  Acme Corp ', 'ORGANIZATION', 'A', '2026-01-05', '2026-11-23 08:00:00', NULL);
INSERT INTO hz_cust_accounts VALUES
  (1001, 1001, '1001', 'Zürich Präzision AG', 'A', 'R', '0014x00000AbCdEAAZ', '2026-01-05', '2026-11-21 10:00:00'),
  (1002, 1002, '1002', 'Acme Corp', 'A', 'R', NULL, '2026-01-05', '2026-11-01 10:00:00');
INSERT INTO ra_cust_trx_types_all VALUES (1, 'Invoice', 'INV', 204), (2, 'Credit Memo', 'CM', 204);
INSERT INTO ra_customer_trx_all VALUES
  (100001, 'INV100001', 1, '2026-11-02', '2026-12-02', 1001, 1001, 'EUR', ' PO-2026-004471 ', 'Y', 'OP', NULL,
   'Order 00000101', '8014x000001AbCdAAK', 204, '2026-11-02', '2026-11-02 10:00:00'),
  (100002, 'CM100002', 2, '2026-11-03', NULL, 1001, 1001, 'EUR', NULL, 'Y', 'CL', 100001, NULL, NULL, 204,
   '2026-11-03', '2026-11-03 10:00:00'),
  (100003, 'INV100003', 1, '2026-11-04', '2026-12-04', 1002, 1002, 'USD', NULL, 'Y', 'VD', NULL, NULL, NULL, 204,
   '2026-11-04', '2026-11-04 10:00:00'),
  (100004, 'INV100004', 1, '2026-11-05', '2026-12-05', 1002, 1002, 'USD', NULL, 'Y', 'OP', NULL, NULL, NULL, 204,
   '2026-11-05', '2026-11-05 10:00:00'),
  (100005, 'INV100005', 1, '2026-11-06', '2026-12-06', 1001, 1001, 'JPY', NULL, 'Y', 'OP', NULL, NULL, NULL, 204,
   '2026-11-06', '2026-11-06 10:00:00'),
  (100006, 'INV100006', 1, '2026-11-07', '2026-12-07', 1001, 1001, 'EUR', NULL, 'N', 'OP', NULL, NULL, NULL, 204,
   '2026-11-07', '2026-11-07 10:00:00');
INSERT INTO ar_payment_schedules_all VALUES
  (100001, 100001, NULL, 'INV', 'OP', 'INV100001', '2026-11-02', '2026-12-02', 1200.50, 1200.50, NULL, 'EUR', 1001,
   204, '2026-11-02', '2026-11-02 10:00:00', 200.08),
  (100002, 100002, NULL, 'CM', 'CL', 'CM100002', '2026-11-03', '2026-11-03', -120.05, 0, NULL, 'EUR', 1001, 204,
   '2026-11-03', '2026-11-03 10:00:00', -20.01),
  (100003, 100003, NULL, 'INV', 'CL', 'INV100003', '2026-11-04', '2026-12-04', 500, 0, NULL, 'USD', 1002, 204,
   '2026-11-04', '2026-11-04 10:00:00', 0),
  (100004, 100004, NULL, 'INV', 'OP', 'INV100004', '2026-11-05', '2026-12-05', NULL, NULL, NULL, 'USD', 1002, 204,
   '2026-11-05', '2026-11-05 10:00:00', NULL),
  (100005, 100005, NULL, 'INV', 'CL', 'INV100005', '2026-11-06', '2026-12-06', 60000, 0, 60000, 'JPY', 1001, 204,
   '2026-11-06', '2026-11-20 15:30:00', 0),
  (200005, 100005, NULL, 'INV', 'OP', 'INV100005', '2026-11-06', '2027-01-06', 60001, 60001, NULL, 'JPY', 1001, 204,
   '2026-11-06', '2026-11-06 10:00:00', 0);
INSERT INTO ra_customer_trx_lines_all VALUES
  (500001, 100001, 1, 'LINE', 'Subscription « Pro »', 2, NULL, 500.21, 1000.42, 'FR VAT STANDARD 20', 204,
   '2026-11-02', '2026-11-02 10:00:00'),
  (500002, 100001, 2, 'TAX', 'VAT 20%', NULL, NULL, NULL, 200.08, NULL, 204, '2026-11-02', '2026-11-02 10:00:00'),
  (500003, 100002, 1, 'LINE', 'Credit', NULL, -1, 100.04, -100.04, 'FR VAT STANDARD 20', 204, '2026-11-03',
   '2026-11-03 10:00:00'),
  (500004, 100004, 1, 'LINE', 'Hardware', 1, NULL, NULL, NULL, 'EXPORT OUTSIDE EU', 204, '2026-11-05',
   '2026-11-05 10:00:00');
INSERT INTO ar_cash_receipts_all VALUES
  (100457, '100457', '2026-11-20', 60000, 'JPY', 1001, 'Remittance INV100005 1/2', 'APP', 'CASH', NULL, 204,
   '2026-11-20', '2026-11-20 15:30:00'),
  (100458, '100458', '2026-11-21', 99.99, 'EUR', 1002, NULL, 'REV', 'CASH', '2026-11-22', 204, '2026-11-21',
   '2026-11-22 09:00:00'),
  (100459, '100459', '2026-11-21', 12.00, 'EUR', NULL, 'bank interest', 'APP', 'MISC', NULL, 204, '2026-11-21',
   '2026-11-21 09:00:00');
)sql";

Timestamp utc(std::string_view iso) { return parse_timestamp(iso); }
Date day(std::string_view iso) { return parse_date(iso); }

class EbsMappingsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_.exec(kSchema);
    db_.exec(kRows);
  }

  mapping::MapResult sync(const std::string& file, const Cursor& from = {}) {
    const auto mapper = mapping::load_mapping(std::string(O2C_SOURCE_DIR) + "/examples/mappings/" + file);
    EXPECT_EQ(mapper->info().source_kind, "sql");
    auto source = make_sql_source(db_.settings(2), clock_);
    const auto pages = read_all(*source->open(mapper->info().query, from, SyncMode::incremental));
    last_cursor_ = pages.back().next;
    const auto raw = records_of(pages);
    return mapper->map_all(raw, "ebs");
  }

  template <typename Record>
  std::map<std::string, Record> by_id(const mapping::MapResult& result) {
    std::map<std::string, Record> out;
    for (const auto& r : result.records) {
      const auto& record = std::get<Record>(r);
      out.emplace(record.meta.external_id, record);
    }
    return out;
  }

  FixedClock clock_{utc("2026-11-24T12:00:00Z")};
  SqlDatabase db_{"sql_ebs"};
  Cursor last_cursor_;
};

TEST_F(EbsMappingsTest, CustomersAreAccountsNamedByTheirParty) {
  const auto result = sync("ebs-customer.yaml");
  EXPECT_TRUE(result.invalid.empty());
  const auto customers = by_id<schema::Customer>(result);
  ASSERT_EQ(customers.size(), 2u);
  const auto& zurich = customers.at("1001");
  EXPECT_EQ(zurich.name, "Zürich Präzision AG");
  EXPECT_EQ(zurich.number, "1001");
  EXPECT_EQ(zurich.crm_account_id, "0014x00000AbCdEAAZ");
  EXPECT_EQ(zurich.meta.source, "ebs");
  EXPECT_EQ(zurich.meta.object, "HZ_CUST_ACCOUNTS");
  EXPECT_EQ(zurich.meta.modified, utc("2026-11-21T10:00:00Z"));  // the account's, later than the party's
  const auto& acme = customers.at("1002");
  EXPECT_EQ(acme.name, "Acme Corp");
  EXPECT_EQ(acme.crm_account_id, "");
  EXPECT_EQ(acme.meta.modified, utc("2026-11-23T08:00:00Z"));  // the party's, later than the account's
}

TEST_F(EbsMappingsTest, AChangedPartyBringsItsAccountIntoThePass) {
  const Cursor from{utc("2026-11-22T00:00:00Z"), "", std::nullopt, std::nullopt};
  const auto customers = by_id<schema::Customer>(sync("ebs-customer.yaml", from));
  ASSERT_EQ(customers.size(), 1u);
  EXPECT_TRUE(customers.contains("1002"));  // only its party row changed
}

TEST_F(EbsMappingsTest, InvoicesTakeTheirAmountsFromThePaymentSchedules) {
  const auto result = sync("ebs-invoice.yaml");
  const auto invoices = by_id<schema::Invoice>(result);
  EXPECT_EQ(invoices.size(), 4u);  // 100004 is invalid, 100006 is not complete
  EXPECT_FALSE(invoices.contains("100006"));

  const auto& inv = invoices.at("100001");
  EXPECT_EQ(inv.number, "INV100001");
  EXPECT_EQ(inv.kind, schema::InvoiceKind::invoice);
  EXPECT_EQ(inv.customer_id, "1001");
  EXPECT_EQ(inv.crm_account_id, "0014x00000AbCdEAAZ");
  EXPECT_EQ(inv.order_ref, "8014x000001AbCdAAK");
  EXPECT_EQ(inv.po_number, "PO-2026-004471");
  EXPECT_EQ(inv.amount, Money(120050, Currency::parse("EUR")));
  EXPECT_EQ(inv.tax_amount, Money(20008, Currency::parse("EUR")));  // TAX_ORIGINAL: before VAT 1000.42
  EXPECT_EQ(inv.open_amount, Money(120050, Currency::parse("EUR")));
  EXPECT_EQ(inv.issue_date, day("2026-11-02"));
  EXPECT_EQ(inv.due_date, day("2026-12-02"));
  EXPECT_FALSE(inv.meta.deleted);
  EXPECT_EQ(inv.meta.object, "RA_CUSTOMER_TRX_ALL");
  EXPECT_EQ(inv.meta.modified, utc("2026-11-02T10:00:00Z"));

  const auto& credit = invoices.at("100002");
  EXPECT_EQ(credit.kind, schema::InvoiceKind::credit_note);
  EXPECT_EQ(credit.amount, Money(-12005, Currency::parse("EUR")));
  EXPECT_EQ(credit.tax_amount, Money(-2001, Currency::parse("EUR")));
  EXPECT_EQ(credit.po_number, "");
  EXPECT_EQ(credit.due_date, std::nullopt);

  EXPECT_TRUE(invoices.at("100003").meta.deleted);  // STATUS_TRX 'VD'

  const auto& split = invoices.at("100005");  // two installments
  EXPECT_EQ(split.amount, Money(120001, Currency::parse("JPY")));
  EXPECT_EQ(split.open_amount, Money(60001, Currency::parse("JPY")));
  EXPECT_EQ(split.meta.modified, utc("2026-11-20T15:30:00Z"));  // the paid installment's change

  ASSERT_EQ(result.invalid.size(), 1u);
  const schema::InvalidRecord& bad = result.invalid[0];
  EXPECT_EQ(bad.source, "ebs");
  EXPECT_EQ(bad.object, "RA_CUSTOMER_TRX_ALL");
  EXPECT_EQ(bad.external_id, "100004");
  EXPECT_EQ(bad.field, "amount");
}

TEST_F(EbsMappingsTest, InvoiceLinesAreTheLineLinesWithTheirTaxClassification) {
  const auto result = sync("ebs-invoice-line.yaml");
  const auto lines = by_id<schema::InvoiceLine>(result);
  ASSERT_EQ(lines.size(), 2u);  // the TAX line is not an item; 500004 has no EXTENDED_AMOUNT
  const auto& line = lines.at("500001");
  EXPECT_EQ(line.invoice_id, "100001");
  EXPECT_EQ(line.line_number, "1");
  EXPECT_EQ(line.description, "Subscription « Pro »");
  EXPECT_EQ(line.quantity, "2");
  EXPECT_EQ(line.unit_price, "500.21");
  EXPECT_EQ(line.amount, Money(100042, Currency::parse("EUR")));
  EXPECT_EQ(line.tax_category, "S");
  EXPECT_EQ(line.tax_rate, "20");
  const auto& credit = lines.at("500003");
  EXPECT_EQ(credit.quantity, "1");  // QUANTITY_CREDITED -1, as a quantity of the credit note
  EXPECT_EQ(credit.amount, Money(-10004, Currency::parse("EUR")));
  ASSERT_EQ(result.invalid.size(), 1u);
  EXPECT_EQ(result.invalid[0].external_id, "500004");
  EXPECT_EQ(result.invalid[0].field, "amount");  // NULL in a NOT NULL column of EBS
}

TEST_F(EbsMappingsTest, AScheduleChangeAloneBringsItsInvoiceIntoTheNextPass) {
  const Cursor from{utc("2026-11-10T00:00:00Z"), "", std::nullopt, std::nullopt};
  auto invoices = by_id<schema::Invoice>(sync("ebs-invoice.yaml", from));
  EXPECT_EQ(invoices.size(), 1u);
  EXPECT_TRUE(invoices.contains("100005"));
  // The customer pays the rest of 100001: only its schedule changes.
  db_.exec("UPDATE ar_payment_schedules_all SET amount_due_remaining = 0, status = 'CL', "
           "last_update_date = timestamp '2026-11-24 11:00:00' WHERE payment_schedule_id = 100001");
  invoices = by_id<schema::Invoice>(sync("ebs-invoice.yaml", last_cursor_));
  ASSERT_TRUE(invoices.contains("100001"));
  EXPECT_EQ(invoices.at("100001").open_amount, Money(0, Currency::parse("EUR")));
  EXPECT_EQ(invoices.at("100001").meta.modified, utc("2026-11-24T11:00:00Z"));
}

TEST_F(EbsMappingsTest, PaymentsAreCashReceipts) {
  const auto result = sync("ebs-payment.yaml");
  EXPECT_TRUE(result.invalid.empty());
  const auto payments = by_id<schema::Payment>(result);
  ASSERT_EQ(payments.size(), 2u);  // the MISC receipt is no customer payment
  const auto& paid = payments.at("100457");
  EXPECT_EQ(paid.number, "100457");
  EXPECT_EQ(paid.customer_id, "1001");
  EXPECT_EQ(paid.amount, Money(60000, Currency::parse("JPY")));
  EXPECT_EQ(paid.received_date, day("2026-11-20"));
  EXPECT_EQ(paid.reference, "Remittance INV100005 1/2");
  EXPECT_EQ(paid.meta.object, "AR_CASH_RECEIPTS_ALL");
  EXPECT_FALSE(paid.meta.deleted);
  EXPECT_TRUE(payments.at("100458").meta.deleted);  // reversed
  EXPECT_EQ(payments.at("100458").amount, Money(9999, Currency::parse("EUR")));
}

}  // namespace
}  // namespace o2c::sql
