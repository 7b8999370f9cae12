// The example SAP mappings (examples/mappings/sap-*.yaml) end to end: their
// QuerySpec drives the connector against the simulated SAP API, and the pages
// it reads map to the canonical records NetSuite's mappings give for the same
// business — credit memos negative, payments positive, "" read as none,
// cancelled documents deleted, an "abc" amount DATA_INVALID — in OData V2 and V4.
#include <gtest/gtest.h>

#include <map>

#include "core/money.h"
#include "mapping/mapper.h"
#include "tests/unit/connectors/sap/sap_test_server.h"

namespace o2c::sap::test {
namespace {

std::unique_ptr<mapping::Mapper> example(const std::string& name) {
  return mapping::load_mapping(std::string(O2C_SOURCE_DIR) + "/examples/mappings/" + name);
}

mapping::MapResult map_pass(SapTestServer& server, const mapping::Mapper& mapper, connectors::QuerySpec query) {
  SapSettings s = server.settings();
  s.page_size = 5000;
  static const FixedClock clock(kNow + std::chrono::minutes(5));
  auto stream = make_sap_source(s, clock)->open(query, {}, connectors::SyncMode::full);
  mapping::MapResult all;
  while (auto page = stream->next()) {
    mapping::MapResult part = mapper.map_all(page->records, "sap");
    for (auto& r : part.records) all.records.push_back(std::move(r));
    for (auto& r : part.invalid) all.invalid.push_back(std::move(r));
  }
  return all;
}

template <typename T>
std::map<std::string, T> by_id(const mapping::MapResult& result) {
  std::map<std::string, T> out;
  for (const auto& r : result.records) {
    const T& t = std::get<T>(r);
    out.emplace(t.meta.external_id, t);
  }
  return out;
}

Date day(const char* iso) { return parse_date(iso); }

TEST(SapMappings, QueriesComeFromTheMappingFiles) {
  const auto invoice = example("sap-invoice.yaml");
  const auto& q = invoice->info().query;
  EXPECT_EQ(invoice->info().source_kind, "sap");
  EXPECT_EQ(q.service, "/sap/opu/odata/sap/API_BILLING_DOCUMENT_SRV");
  EXPECT_EQ(q.object, "A_BillingDocument");
  EXPECT_EQ(q.id_field, "BillingDocument");
  EXPECT_EQ(q.cursor_field, "LastChangeDateTime");
  EXPECT_NE(std::find(q.fields.begin(), q.fields.end(), "TotalGrossAmount"), q.fields.end());
  EXPECT_EQ(example("sap-customer.yaml")->info().query.object, "A_Customer");
  EXPECT_EQ(example("sap-payment.yaml")->info().query.object, "A_OperationalAcctgDocItemCube");
}

TEST(SapMappings, InvoicesAndCreditMemosInBothProtocolVersions) {
  for (const bool v4 : {false, true}) {
    SapTestServer server;
    server.data().documents->rows()[1][6] = std::string("abc");   // 100002: the planted invalid amount
    const auto mapper = example("sap-invoice.yaml");
    connectors::QuerySpec query = mapper->info().query;
    if (v4) query.service = kBillingV4Service;
    const mapping::MapResult result = map_pass(server, *mapper, query);
    ASSERT_EQ(result.invalid.size(), 1u) << (v4 ? "v4" : "v2");
    EXPECT_EQ(result.invalid[0].external_id, "100002");
    EXPECT_EQ(result.invalid[0].object, "A_BillingDocument");
    EXPECT_EQ(result.invalid[0].source, "sap");
    const auto invoices = by_id<schema::Invoice>(result);
    ASSERT_EQ(invoices.size(), 2499u);
    const schema::Invoice& first = invoices.at("100001");
    EXPECT_EQ(first.kind, schema::InvoiceKind::invoice);
    EXPECT_EQ(first.amount, Money::parse("100.00", Currency::parse("EUR")));
    EXPECT_EQ(first.number, "100001");
    EXPECT_EQ(first.customer_id, "1001");
    EXPECT_EQ(first.order_ref, "8015g0000000100001");
    EXPECT_EQ(first.po_number, "");
    EXPECT_EQ(first.issue_date, day("2026-10-01"));
    EXPECT_EQ(first.crm_account_id, "");
    EXPECT_EQ(first.meta.modified, parse_timestamp("2026-11-10T10:00:00Z"));
    EXPECT_FALSE(first.meta.deleted);
    const schema::Invoice& credit = invoices.at("100004");
    EXPECT_EQ(credit.kind, schema::InvoiceKind::credit_note);
    EXPECT_EQ(credit.amount, Money::parse("-103.03", Currency::parse("EUR")));
    EXPECT_EQ(credit.po_number, "PO-2026-100004");
    EXPECT_EQ(credit.issue_date, day("2026-10-04"));
    EXPECT_TRUE(invoices.at("100007").meta.deleted);   // cancelled
    EXPECT_EQ(invoices.at("100005").amount.currency(), Currency::parse("USD"));
  }
}

TEST(SapMappings, CustomersCarryTheSalesforceAccount) {
  SapTestServer server;
  const auto mapper = example("sap-customer.yaml");
  const auto customers = by_id<schema::Customer>(map_pass(server, *mapper, mapper->info().query));
  ASSERT_EQ(customers.size(), 3u);
  EXPECT_EQ(customers.at("1001").name, "Société Générale Équipements");
  EXPECT_EQ(customers.at("1001").crm_account_id, "0015g00000000A1AAI");
  EXPECT_EQ(customers.at("1001").number, "1001");
  EXPECT_EQ(customers.at("1003").crm_account_id, "");   // SAP's "" is no link
  EXPECT_TRUE(customers.at("1003").meta.deleted);
}

TEST(SapMappings, PaymentsArePositiveAndExact) {
  SapTestServer server;
  const auto mapper = example("sap-payment.yaml");
  const auto payments = by_id<schema::Payment>(map_pass(server, *mapper, mapper->info().query));
  ASSERT_EQ(payments.size(), 1u);
  const schema::Payment& p = payments.at("140001");
  EXPECT_EQ(p.amount, Money::parse("1234567890123.45", Currency::parse("EUR")));   // never through a double
  EXPECT_EQ(p.customer_id, "1001");
  EXPECT_EQ(p.received_date, day("2026-11-05"));
  EXPECT_EQ(p.reference, "Remittance 100001");
  EXPECT_FALSE(p.meta.deleted);
}

}  // namespace
}  // namespace o2c::sap::test
