// tests/unit/connectors/oracle/oracle_mappings_test.cpp — the example Oracle
// mappings (examples/mappings/oracle-*.yaml) end to end: each file loaded by
// o2c::mapping::load_mapping, its QuerySpec sent by the connector over HTTP
// to the simulated pod serving a catalog in the shape of sim/DATA.md
// ("Oracle catalog"), and the pages mapped. Proves the files fetch exactly
// what they read (fields, where), and map ids, kinds, signed exact amounts,
// dates, PO, order link, voided / reversed documents and the planted
// non-numeric amount (DATA_INVALID, named as the answer key names it).
#include <gtest/gtest.h>

#include "tests/unit/connectors/oracle/mapped_pass.h"
#include "tests/unit/connectors/oracle/sim_pod.h"
#include "tests/unit/sim/oracle/oracle_test_support.h"

namespace o2c::oracle {
namespace {

using sim::Decimal;
using sim::SimColumn;
using sim::SimType;
using sim::SimValue;
using sim::VectorTable;
using sim::oracle::test::at;
using sim::oracle::test::on;

const SimValue kNull{};
SimValue txt(const char* s) { return std::string(s); }
SimValue dec(const char* s) { return Decimal{s}; }

std::vector<SimColumn> columns(std::initializer_list<std::pair<const char*, SimType>> list) {
  std::vector<SimColumn> out;
  for (const auto& [name, type] : list) out.push_back({name, type, "", ""});
  return out;
}

std::shared_ptr<sim::oracle::test::TestCatalog> demo_catalog() {
  auto cat = std::make_shared<sim::oracle::test::TestCatalog>();
  using T = SimType;
  cat->add(std::make_shared<VectorTable>(
      "receivablesInvoices",
      columns({{"CustomerTransactionId", T::id}, {"TransactionNumber", T::text}, {"TransactionType", T::text},
               {"TransactionSource", T::text}, {"TransactionDate", T::date}, {"DueDate", T::date},
               {"BillToCustomerNumber", T::text}, {"BillToCustomerName", T::text}, {"InvoiceCurrencyCode", T::text},
               {"EnteredAmount", T::decimal}, {"InvoiceBalanceAmount", T::decimal}, {"PurchaseOrder", T::text},
               {"CrossReference", T::text}, {"Comments", T::text}, {"InvoiceStatus", T::text},
               {"CreationDate", T::datetime}, {"LastUpdateDate", T::datetime}, {"TaxAmount", T::decimal}}),
      std::vector<std::vector<SimValue>>{
          {txt("100001"), txt("INV100001"), txt("Invoice"), txt("Manual"), on(2026, 5, 1), on(2026, 5, 31),
           txt("1001"), txt("Acme"), txt("EUR"), dec("1200.50"), dec("1200.50"), txt("PO-2026-004471 "),
           txt("8015g0000000001AAA"), txt("first"), txt("Complete"), at(2026, 5, 1), at(2026, 5, 1, 10), dec("200.08")},
          {txt("100002"), txt("CM100002"), txt("Credit Memo"), txt("Manual"), on(2026, 5, 2), kNull, txt("1001"),
           txt("Acme"), txt("EUR"), dec("-120.05"), dec("0.00"), kNull, kNull, kNull, txt("Complete"),
           at(2026, 5, 2), at(2026, 5, 2, 10), dec("0.00")},
          {txt("100003"), txt("INV100003"), txt("Invoice"), txt("Manual"), on(2026, 5, 3), on(2026, 6, 2),
           txt("1002"), txt("Beta"), txt("USD"), txt("abc"), kNull, txt("PO-1"), kNull, kNull, txt("Complete"),
           at(2026, 5, 3), at(2026, 5, 3, 10), kNull},
          {txt("100004"), txt("INV100004"), txt("Invoice"), txt("Manual"), on(2026, 5, 4), on(2026, 6, 3),
           txt("1002"), txt("Beta"), txt("USD"), dec("99999999999.99"), dec("0.00"), kNull, kNull, kNull,
           txt("Void"), at(2026, 5, 4), at(2026, 5, 4, 10), dec("0.00")},
          {txt("100005"), txt("DM100005"), txt("Debit Memo"), txt("Manual"), on(2026, 5, 5), on(2026, 6, 4),
           txt("1002"), txt("Beta"), txt("USD"), dec("10.00"), dec("10.00"), kNull, kNull, kNull, txt("Complete"),
           at(2026, 5, 5), at(2026, 5, 5, 10), dec("0.00")}}));
  cat->add(std::make_shared<VectorTable>(
      "standardReceipts",
      columns({{"StandardReceiptId", T::id}, {"ReceiptNumber", T::text}, {"ReceiptMethod", T::text},
               {"ReceiptDate", T::date}, {"Amount", T::decimal}, {"Currency", T::text},
               {"CustomerAccountNumber", T::text}, {"CustomerName", T::text}, {"Comments", T::text},
               {"Status", T::text}, {"UnappliedAmount", T::decimal}, {"CreationDate", T::datetime},
               {"LastUpdateDate", T::datetime}}),
      std::vector<std::vector<SimValue>>{
          {txt("100457"), txt("PYMT100457"), txt("Wire Transfer"), on(2026, 5, 3), dec("1234567890123.45"),
           txt("EUR"), txt("1001"), txt("Acme"), txt("Remittance INV100001"), txt("Applied"), dec("0.00"),
           at(2026, 5, 3), at(2026, 5, 3, 11)},
          {txt("100458"), txt("PYMT100458"), txt("Wire Transfer"), on(2026, 5, 4), dec("0.10"), txt("USD"),
           txt("1002"), txt("Beta"), kNull, txt("Reversed"), dec("0.00"), at(2026, 5, 4), at(2026, 5, 4, 11)}}));
  cat->add(std::make_shared<VectorTable>(
      "receivablesCustomerAccountActivities",
      columns({{"AccountId", T::id}, {"AccountNumber", T::text}, {"CustomerName", T::text},
               {"CustomerId", T::reference}, {"SalesforceAccountId", T::text}, {"CreationDate", T::datetime},
               {"LastUpdateDate", T::datetime}, {"TaxRegistrationNumber", T::text}}),
      std::vector<std::vector<SimValue>>{
          {txt("1001"), txt("1001"), txt(" Société Générale Équipements "), txt("1001"), txt("0015g0000000001AAA"),
           at(2026, 1, 1), at(2026, 4, 1), txt("FR96552100554")},
          {txt("1002"), txt("1002"), txt("Beta"), txt("1002"), kNull, at(2026, 1, 1), at(2026, 4, 2), kNull}}));
  return cat;
}

struct MappedRun {
  mapping::MapResult result;
  std::vector<std::string> fields, q;   // as the pod received them
};

MappedRun run(const std::string& file) {
  test::SimPod pod(sim::oracle::OracleOptions{}, demo_catalog());
  FixedClock clock{parse_timestamp("2026-06-01T00:00:00Z")};
  test::MappedPass pass = test::mapped_pass(file, pod.url(), clock);
  return MappedRun{std::move(pass.result), pod.seen("fields"), pod.seen("q")};
}

template <typename T>
std::map<std::string, T> by_id(const mapping::MapResult& result) {
  std::map<std::string, T> out;
  for (const auto& r : result.records) {
    const T& record = std::get<T>(r);
    out.emplace(record.meta.external_id, record);
  }
  return out;
}

Money money(const char* amount, const char* currency) { return Money::parse(amount, Currency::parse(currency)); }

TEST(OracleMappings, InvoicesAndCreditMemosMapWithSignedExactAmounts) {
  const MappedRun r = run("oracle-invoice.yaml");
  ASSERT_EQ(r.q.size(), 1u);
  EXPECT_EQ(r.q[0], "(TransactionType = 'Invoice' or TransactionType = 'Credit Memo')");
  EXPECT_EQ(r.fields[0],
            "CustomerTransactionId,InvoiceStatus,TransactionNumber,TransactionType,BillToCustomerNumber,"
            "CrossReference,PurchaseOrder,EnteredAmount,InvoiceCurrencyCode,InvoiceBalanceAmount,TaxAmount,"
            "TransactionDate,DueDate,LastUpdateDate");
  const auto invoices = by_id<schema::Invoice>(r.result);
  ASSERT_EQ(invoices.size(), 3u) << "the debit memo is not fetched, the planted amount is invalid";
  const schema::Invoice& inv = invoices.at("100001");
  EXPECT_EQ(inv.meta.source, "oracle");
  EXPECT_EQ(inv.meta.object, "receivablesInvoices");
  EXPECT_EQ(inv.meta.modified, parse_timestamp("2026-05-01T10:00:00Z"));
  EXPECT_FALSE(inv.meta.deleted);
  EXPECT_EQ(inv.number, "INV100001");
  EXPECT_EQ(inv.kind, schema::InvoiceKind::invoice);
  EXPECT_EQ(inv.customer_id, "1001");
  EXPECT_EQ(inv.order_ref, "8015g0000000001AAA");
  EXPECT_EQ(inv.po_number, "PO-2026-004471");
  EXPECT_EQ(inv.amount, money("1200.50", "EUR"));
  EXPECT_EQ(inv.tax_amount, money("200.08", "EUR"));
  EXPECT_EQ(inv.net_amount(), money("1000.42", "EUR"));
  EXPECT_EQ(inv.open_amount, money("1200.50", "EUR"));
  EXPECT_EQ(inv.issue_date, parse_date("2026-05-01"));
  EXPECT_EQ(inv.due_date, parse_date("2026-05-31"));
  const schema::Invoice& cm = invoices.at("100002");
  EXPECT_EQ(cm.kind, schema::InvoiceKind::credit_note);
  EXPECT_EQ(cm.amount, money("-120.05", "EUR"));
  EXPECT_EQ(cm.order_ref, "");
  EXPECT_EQ(cm.po_number, "");
  EXPECT_FALSE(cm.due_date);
  EXPECT_TRUE(invoices.at("100004").meta.deleted) << "InvoiceStatus Void";
  EXPECT_EQ(invoices.at("100004").amount, money("99999999999.99", "USD"));
  ASSERT_EQ(r.result.invalid.size(), 1u);
  const schema::InvalidRecord& bad = r.result.invalid[0];
  EXPECT_EQ(bad.source + "/" + bad.object + "/" + bad.external_id, "oracle/receivablesInvoices/100003")
      << "as the answer key names it";
  EXPECT_EQ(bad.field, "amount");
}

TEST(OracleMappings, ReceiptsMapTheirStringAmountsExactly) {
  const MappedRun r = run("oracle-payment.yaml");
  EXPECT_EQ(r.q, std::vector<std::string>{""});
  const auto payments = by_id<schema::Payment>(r.result);
  ASSERT_EQ(payments.size(), 2u);
  const schema::Payment& p = payments.at("100457");
  EXPECT_EQ(p.amount, money("1234567890123.45", "EUR"));
  EXPECT_EQ(p.number, "PYMT100457");
  EXPECT_EQ(p.customer_id, "1001");
  EXPECT_EQ(p.received_date, parse_date("2026-05-03"));
  EXPECT_EQ(p.reference, "Remittance INV100001");
  EXPECT_FALSE(p.meta.deleted);
  EXPECT_EQ(payments.at("100458").amount, money("0.10", "USD"));
  EXPECT_TRUE(payments.at("100458").meta.deleted) << "Status Reversed";
  EXPECT_TRUE(r.result.invalid.empty());
}

TEST(OracleMappings, CustomerAccountsCarryTheSalesforceAccount) {
  const MappedRun r = run("oracle-customer.yaml");
  const auto customers = by_id<schema::Customer>(r.result);
  ASSERT_EQ(customers.size(), 2u);
  const schema::Customer& c = customers.at("1001");
  EXPECT_EQ(c.name, "Société Générale Équipements");
  EXPECT_EQ(c.number, "1001");
  EXPECT_EQ(c.crm_account_id, "0015g0000000001AAA");
  EXPECT_EQ(c.meta.object, "receivablesCustomerAccountActivities");
  EXPECT_EQ(customers.at("1002").crm_account_id, "");
  EXPECT_EQ(c.vat_id, "FR96552100554");
  EXPECT_EQ(customers.at("1002").vat_id, "");
  EXPECT_EQ(r.fields[0], "AccountId,CustomerName,AccountNumber,SalesforceAccountId,TaxRegistrationNumber,LastUpdateDate");
}

}  // namespace
}  // namespace o2c::oracle
