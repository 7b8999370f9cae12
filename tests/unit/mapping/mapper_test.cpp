// tests/unit/mapping/mapper_test.cpp — the example mapping files load and map
// records shaped exactly as sim/DATA.md serves them; bad records become
// InvalidRecords naming source, object, id, field and reason.
#include "mapping/mapper.h"

#include <chrono>

#include <gtest/gtest.h>

#include "core/text.h"
#include "mapping_test_support.h"

namespace o2c::mapping {
namespace {

using namespace testing_support;
using namespace std::chrono;

const schema::InvalidRecord* find_invalid(const MapResult& r, const std::string& id) {
  for (const auto& inv : r.invalid)
    if (inv.external_id == id) return &inv;
  return nullptr;
}

TEST(ExampleMappings, SalesforceOrderMapsEveryFieldExactly) {
  auto mapper = load_mapping(example("salesforce-order.yaml"));
  const auto recs = records("salesforce-order.jsonl");
  const MapResult r = mapper->map_all(recs, "salesforce");
  ASSERT_TRUE(r.invalid.empty()) << r.invalid.front().reason;
  ASSERT_EQ(r.records.size(), 3u);
  const auto& o = std::get<schema::Order>(r.records[0]);
  EXPECT_EQ(o.meta.source, "salesforce");
  EXPECT_EQ(o.meta.object, "Order");
  EXPECT_EQ(o.meta.external_id, "801000000000001AAA");
  EXPECT_EQ(o.meta.modified, parse_timestamp("2026-05-02T09:00:00Z"));
  EXPECT_FALSE(o.meta.deleted);
  EXPECT_EQ(o.number, "00000001");
  EXPECT_EQ(o.customer_id, "001000000000001AAA");
  EXPECT_EQ(o.po_number, "PO-2026-004471");
  EXPECT_EQ(o.amount, Money(120050, Currency::parse("EUR")));
  EXPECT_EQ(o.kind, schema::OrderKind::new_business);
  EXPECT_TRUE(o.is_signed);
  EXPECT_EQ(o.effective_date, parse_date("2026-05-01"));
  EXPECT_EQ(o.end_date, parse_date("2027-04-30"));
  EXPECT_EQ(o.signed_at, parse_timestamp("2026-05-02T09:00:00Z"));
  const auto& renewal = std::get<schema::Order>(r.records[1]);
  EXPECT_EQ(renewal.kind, schema::OrderKind::renewal);
  EXPECT_EQ(renewal.amount, Money(98000, Currency::parse("GBP")));
  EXPECT_EQ(renewal.po_number, "");
  const auto& draft = std::get<schema::Order>(r.records[2]);
  EXPECT_EQ(draft.kind, schema::OrderKind::other);
  EXPECT_FALSE(draft.is_signed);
  EXPECT_TRUE(draft.meta.deleted);
  EXPECT_FALSE(draft.end_date.has_value());
  EXPECT_FALSE(draft.signed_at.has_value());
}

TEST(ExampleMappings, SalesforceOrderPlantedDataInvalidRecordsNameFieldAndReason) {
  auto mapper = load_mapping(example("salesforce-order.yaml"));
  const auto recs = records("salesforce-order-invalid.jsonl");
  const MapResult r = mapper->map_all(recs, "crm");
  EXPECT_TRUE(r.records.empty());
  ASSERT_EQ(r.invalid.size(), 5u);
  for (const auto& inv : r.invalid) {
    EXPECT_EQ(inv.source, "crm");
    EXPECT_EQ(inv.object, "Order");
    EXPECT_FALSE(inv.reason.empty());
    EXPECT_FALSE(inv.excerpt.empty());
  }
  const auto* comma = find_invalid(r, "801000000000010AAA");
  ASSERT_TRUE(comma);
  EXPECT_EQ(comma->field, "amount");
  EXPECT_NE(comma->reason.find("12,50 EUR"), std::string::npos) << comma->reason;
  const auto* boolean = find_invalid(r, "801000000000011AAA");
  ASSERT_TRUE(boolean);
  EXPECT_EQ(boolean->field, "amount");
  EXPECT_NE(boolean->reason.find("boolean"), std::string::npos) << boolean->reason;
  const auto* eux = find_invalid(r, "801000000000012AAA");
  ASSERT_TRUE(eux);
  EXPECT_NE(eux->reason.find("unknown currency 'EUX'"), std::string::npos) << eux->reason;
  const auto* no_account = find_invalid(r, "801000000000013AAA");
  ASSERT_TRUE(no_account);
  EXPECT_EQ(no_account->field, "customer_id");
  EXPECT_NE(no_account->reason.find("AccountId"), std::string::npos) << no_account->reason;
  EXPECT_EQ(r.invalid[4].external_id, "801000000000014AAA");
  EXPECT_EQ(r.invalid[4].field, "PoNumber");
  EXPECT_EQ(r.invalid[4].reason, "PoNumber is not valid UTF-8");
  EXPECT_TRUE(is_valid_utf8(r.invalid[4].excerpt));
}

TEST(ExampleMappings, SalesforceAccountMapsToCustomer) {
  auto mapper = load_mapping(example("salesforce-account.yaml"));
  const MapResult r = mapper->map_all(records("salesforce-account.jsonl"), "salesforce");
  ASSERT_TRUE(r.invalid.empty()) << r.invalid.front().reason;
  ASSERT_EQ(r.records.size(), 2u);
  const auto& c = std::get<schema::Customer>(r.records[0]);
  EXPECT_EQ(c.name, "Société Générale Équipements");
  EXPECT_EQ(c.number, "ACC-000001");
  EXPECT_TRUE(c.requires_po);
  EXPECT_EQ(c.crm_account_id, "001000000000001AAA");
  EXPECT_EQ(c.parent_id, "");
  EXPECT_EQ(c.country, "FR");
  EXPECT_EQ(c.currency, Currency::parse("EUR"));
  EXPECT_EQ(std::get<schema::Customer>(r.records[1]).parent_id, "001000000000001AAA");
  const auto& q = mapper->info().query;
  EXPECT_EQ(q.object, "Account");
  EXPECT_TRUE(q.include_deleted);
  EXPECT_EQ(q.fields.front(), "Id");
  for (const char* f : {"Name", "Requires_PO__c", "SystemModstamp", "IsDeleted", "ParentId"})
    EXPECT_NE(std::find(q.fields.begin(), q.fields.end(), f), q.fields.end()) << f;
}

TEST(ExampleMappings, NetSuiteCustomerLinksTheCrmAccount) {
  auto mapper = load_mapping(example("netsuite-customer.yaml"));
  const MapResult r = mapper->map_all(records("netsuite-customer.jsonl"), "erp");
  ASSERT_TRUE(r.invalid.empty()) << r.invalid.front().reason;
  const auto& c = std::get<schema::Customer>(r.records[1]);
  EXPECT_EQ(c.meta.external_id, "2");
  EXPECT_EQ(c.crm_account_id, "001000000000002AAA");
  EXPECT_EQ(c.parent_id, "1");
  EXPECT_EQ(c.name, "Müller & Söhne GmbH");
  EXPECT_EQ(mapper->info().source_kind, "netsuite");
  EXPECT_EQ(mapper->info().query.id_field, "c.id");
}

TEST(ExampleMappings, NetSuiteInvoiceAndCreditMemo) {
  auto mapper = load_mapping(example("netsuite-invoice.yaml"));
  const MapResult r = mapper->map_all(records("netsuite-invoice.jsonl"), "erp");
  ASSERT_EQ(r.records.size(), 2u);
  const auto& inv = std::get<schema::Invoice>(r.records[0]);
  EXPECT_EQ(inv.number, "INV100001");
  EXPECT_EQ(inv.kind, schema::InvoiceKind::invoice);
  EXPECT_EQ(inv.amount, Money(120050, Currency::parse("EUR")));
  EXPECT_EQ(inv.open_amount, Money(120050, Currency::parse("EUR")));
  EXPECT_EQ(inv.order_ref, "801000000000001AAA");
  EXPECT_EQ(inv.po_number, "po-2026-004471");
  EXPECT_EQ(inv.crm_account_id, "001000000000001AAA");
  EXPECT_EQ(inv.issue_date, parse_date("2026-05-03"));
  EXPECT_EQ(inv.due_date, parse_date("2026-06-02"));
  EXPECT_FALSE(inv.meta.deleted);
  const auto& cm = std::get<schema::Invoice>(r.records[1]);
  EXPECT_EQ(cm.kind, schema::InvoiceKind::credit_note);
  EXPECT_EQ(cm.amount, Money(-30000, Currency::parse("EUR")));
  EXPECT_TRUE(cm.meta.deleted);  // voided = 'T'
  EXPECT_EQ(cm.order_ref, "");
  ASSERT_EQ(r.invalid.size(), 1u);
  EXPECT_EQ(r.invalid[0].external_id, "100003");
  EXPECT_EQ(r.invalid[0].field, "amount");
  EXPECT_NE(r.invalid[0].reason.find("abc"), std::string::npos);
  const auto& q = mapper->info().query;
  EXPECT_EQ(q.object, "transaction");
  EXPECT_NE(q.from.find("JOIN customer c"), std::string::npos);
  EXPECT_EQ(q.where, "t.type IN ('CustInvc', 'CustCred')");
  EXPECT_EQ(q.cursor_field, "t.lastmodifieddate");
  EXPECT_EQ(q.select.back().second, "t.voided");
}

// NetSuite writes datetimes in the account's time zone; the connector
// converts its modstamp to UTC, and a mapping without `modified:` keeps it.
TEST(ExampleMappings, ModifiedDefaultsToTheConnectorsModstamp) {
  auto mapper = load_mapping(example("netsuite-invoice.yaml"));
  auto page = records("netsuite-invoice.jsonl");
  page.at(0).modified = parse_timestamp("2026-11-24T19:55:30Z");
  const MapResult r = mapper->map_all(page, "erp");
  ASSERT_FALSE(r.records.empty());
  EXPECT_EQ(schema::meta_of(r.records[0]).modified, parse_timestamp("2026-11-24T19:55:30Z"));

  auto sf = load_mapping(example("salesforce-order.yaml"));   // maps SystemModstamp itself
  auto orders = records("salesforce-order.jsonl");
  orders.at(0).modified = parse_timestamp("2000-01-01T00:00:00Z");
  const MapResult o = sf->map_all(orders, "crm");
  ASSERT_FALSE(o.records.empty());
  EXPECT_NE(schema::meta_of(o.records[0]).modified, parse_timestamp("2000-01-01T00:00:00Z"));
}

TEST(ExampleMappings, NetSuitePayment) {
  auto mapper = load_mapping(example("netsuite-payment.yaml"));
  const MapResult r = mapper->map_all(records("netsuite-payment.jsonl"), "erp");
  ASSERT_TRUE(r.invalid.empty()) << r.invalid.front().reason;
  const auto& p = std::get<schema::Payment>(r.records.at(0));
  EXPECT_EQ(p.number, "PYMT100001");
  EXPECT_EQ(p.customer_id, "1");
  EXPECT_EQ(p.amount, Money(90050, Currency::parse("EUR")));
  EXPECT_EQ(p.received_date, parse_date("2026-06-01"));
  EXPECT_EQ(p.reference, "INV100001 less deduction");
}

const char* kOrderMapping = R"(source: salesforce
object: Order
target: order
cursor: SystemModstamp
fields:
  external_id: Id
  modified: datetime(SystemModstamp)
  number: OrderNumber
  customer_id: AccountId
  po_number: upper(concat(Account.Name, '/', coalesce(Customer_PO__c, PoNumber)))
  amount: money(TotalAmount, CurrencyIsoCode)
)";

TEST(Mapper, AmountsComeFromTheExactTokenNeverADouble) {
  auto m = load_text("order.yaml", kOrderMapping);
  const MapResult r = m->map_all(
      std::vector{raw(R"({"Id":"1","SystemModstamp":"2026-01-01T00:00:00Z","OrderNumber":"1","AccountId":"a",)"
                      R"("TotalAmount":92233720368547.75,"CurrencyIsoCode":"USD"})"),
                  raw(R"({"Id":"2","SystemModstamp":"2026-01-01T00:00:00Z","OrderNumber":"2","AccountId":"a",)"
                      R"("TotalAmount":0.1,"CurrencyIsoCode":"JPY"})")},
      "s");
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(std::get<schema::Order>(r.records[0]).amount.minor(), 9223372036854775);
  ASSERT_EQ(r.invalid.size(), 1u);  // 0.1 JPY has more decimals than the currency allows
  EXPECT_EQ(r.invalid[0].field, "amount");
}

TEST(Mapper, NestedRelationshipFieldsAndCoalesceSkipNullAndEmpty) {
  auto m = load_text("order.yaml", kOrderMapping);
  const MapResult r = m->map_all(
      std::vector{raw(R"({"attributes":{"type":"Order"},"Id":"1","SystemModstamp":"2026-01-01T00:00:00Z",)"
                      R"("OrderNumber":"1","AccountId":"a","Account":{"attributes":{"type":"Account"},"Name":"acme"},)"
                      R"("Customer_PO__c":"","PoNumber":"po-1","TotalAmount":"10","CurrencyIsoCode":"EUR"})")},
      "s");
  ASSERT_EQ(r.records.size(), 1u) << r.invalid.at(0).reason;
  EXPECT_EQ(std::get<schema::Order>(r.records[0]).po_number, "ACME/PO-1");
  EXPECT_EQ(m->info().query.fields,
            (std::vector<std::string>{"Id", "SystemModstamp", "OrderNumber", "AccountId", "Account.Name",
                                      "Customer_PO__c", "PoNumber", "TotalAmount", "CurrencyIsoCode", "IsDeleted"}));
}

TEST(Mapper, DefectsOversizedTextWrongTypesAndMalformedJsonBecomeInvalidRecords) {
  auto m = load_text("order.yaml", kOrderMapping);
  connectors::RawRecord defect = raw("{}", "x1");
  defect.defect = "invalid UTF-8 in the HTTP body";
  const std::string big(70 * 1024, 'a');
  const MapResult r = m->map_all(
      std::vector{defect,
                  raw(R"({"Id":"x2","SystemModstamp":"2026-01-01T00:00:00Z","OrderNumber":")" + big +
                      R"(","AccountId":"a","TotalAmount":1,"CurrencyIsoCode":"EUR"})"),
                  raw(R"({"Id":"x3","SystemModstamp":"2026-01-01T00:00:00Z","OrderNumber":"1","AccountId":{"x":1},)"
                      R"("TotalAmount":1,"CurrencyIsoCode":"EUR"})"),
                  raw(R"({"Id":"x4","SystemModstamp":"yesterday","OrderNumber":"1"})"),
                  raw(R"({"Id":"x5", "OrderNumber": )", "x5")},
      "s");
  EXPECT_TRUE(r.records.empty());
  ASSERT_EQ(r.invalid.size(), 5u);
  EXPECT_EQ(r.invalid[0].reason, "invalid UTF-8 in the HTTP body");
  EXPECT_EQ(r.invalid[0].external_id, "x1");
  EXPECT_EQ(r.invalid[1].field, "number");
  EXPECT_NE(r.invalid[1].reason.find("64 KiB"), std::string::npos);
  EXPECT_EQ(r.invalid[1].external_id, "x2");
  EXPECT_EQ(r.invalid[2].field, "customer_id");
  EXPECT_NE(r.invalid[2].reason.find("object"), std::string::npos) << r.invalid[2].reason;
  EXPECT_EQ(r.invalid[3].field, "modified");
  EXPECT_NE(r.invalid[3].reason.find("yesterday"), std::string::npos);
  EXPECT_NE(r.invalid[4].reason.find("malformed JSON"), std::string::npos);
  EXPECT_EQ(r.invalid[4].external_id, "x5");
}

}  // namespace
}  // namespace o2c::mapping
