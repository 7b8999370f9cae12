// tests/unit/mapping/mapping_file_test.cpp — a bad mapping file stops with
// one Error(config) listing every problem as file:line:col: message, with
// did-you-mean suggestions; a good one fills MappingInfo.query.
#include "mapping/mapping_file.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "mapping_test_support.h"

namespace o2c::mapping {
namespace {

using namespace testing_support;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(MappingFile, ReportsEveryProblemInOnePassWithPositions) {
  const std::string err = load_error("bad.yaml", R"(source: salesforce
object: Order
target: order
cursor: SystemModstamp
fileds: {}
fields:
  external_id: Id
  modified: datetime(SystemModstamp)
  numbr: OrderNumber
  customer_id: AccountId
  po_number: trimm(PoNumber)
  amount: money(TotalAmount)
  is_signed: money(true, 'EUR')
  kind: 'case(Type, {"New Business": new_busines}, default: other)'
)");
  EXPECT_TRUE(has(err, "bad.yaml:5:1: fileds: unknown key; did you mean 'fields'?")) << err;
  EXPECT_TRUE(has(err, "bad.yaml:9:3: fields.numbr: unknown field of target order; did you mean 'number'?")) << err;
  EXPECT_TRUE(has(err, "bad.yaml:11:14: unknown function 'trimm'; did you mean 'trim'?")) << err;
  EXPECT_TRUE(has(err, "bad.yaml:12:11: money() takes 2 arguments, got 1")) << err;
  EXPECT_TRUE(has(err, "bad.yaml:13:20: type mismatch: money() amount does not take a bool value")) << err;
  EXPECT_TRUE(has(err, "'new_busines' is not a kind value")) << err;
  EXPECT_TRUE(has(err, "did you mean 'new_business'?")) << err;
  EXPECT_TRUE(has(err, "bad.yaml:7:3: fields: missing required field 'number' of target order")) << err;
  // one line per problem, in file order
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n') + 1, 7) << err;
  EXPECT_LT(err.find(":5:1:"), err.find(":9:3:"));
}

TEST(MappingFile, TypeMismatchBetweenExpressionAndTargetField) {
  const std::string err = load_error("t.yaml", R"(source: salesforce
object: Order
target: order
cursor: SystemModstamp
fields:
  external_id: Id
  modified: datetime(SystemModstamp)
  number: OrderNumber
  customer_id: AccountId
  amount: TotalAmount
  is_signed: date(EffectiveDate)
)");
  EXPECT_TRUE(has(err, "t.yaml:10:11: type mismatch: amount is money, the expression gives any (use money(amount, currency))"))
      << err;
  EXPECT_TRUE(has(err, "t.yaml:11:14: type mismatch: is_signed is boolean, the expression gives date")) << err;
}

TEST(MappingFile, BadYamlUnknownSourceAndTarget) {
  EXPECT_TRUE(has(load_error("y.yaml", "source: salesforce\nfields: [\n"), "y.yaml:")) ;
  const std::string quoted_hint = load_error("c.yaml", "fields:\n  kind: case(Type, {\"A\": a}, default: b)\n");
  EXPECT_TRUE(has(quoted_hint, "c.yaml:2:")) << quoted_hint;
  EXPECT_TRUE(has(quoted_hint, "quote an expression")) << quoted_hint;
  const std::string err = load_error("s.yaml", "source: salesforse\nobject: X\ntarget: ordr\ncursor: C\nfields: {}\n");
  EXPECT_TRUE(has(err, "s.yaml:1:9: source: unknown source kind 'salesforse'")) << err;
  EXPECT_TRUE(has(err, "did you mean 'salesforce'?")) << err;
  EXPECT_TRUE(has(err, "s.yaml:3:9: target: unknown target 'ordr'")) << err;
  EXPECT_TRUE(has(err, "did you mean 'order'?")) << err;
  EXPECT_TRUE(has(load_error("m.yaml", "source: salesforce\n"), "object: missing (required)"));
  EXPECT_TRUE(has(load_error("l.yaml", "- a\n- b\n"), "l.yaml:1:1: a mapping file is a YAML map"));
}

TEST(MappingFile, NetSuiteNeedsSelectAndFieldsReadItsAliases) {
  const std::string no_select = load_error("n.yaml", R"(source: netsuite
object: transaction
target: payment
cursor: t.lastmodifieddate
fields:
  external_id: id
  modified: datetime(lastmodifieddate)
  customer_id: entity
  amount: money(foreigntotal, 'EUR')
)");
  EXPECT_TRUE(has(no_select, "select: missing")) << no_select;
  const std::string alias = load_error("a.yaml", R"(source: netsuite
object: transaction
target: payment
cursor: t.lastmodifieddate
select: { id: t.id, entity: t.entity, total: t.foreigntotal, lastmodifieddate: t.lastmodifieddate }
fields:
  external_id: id
  modified: datetime(lastmodifieddate)
  customer_id: entty
  amount: money(total, 'EUX')
)");
  EXPECT_TRUE(has(alias, "a.yaml:9:16: unknown column 'entty': not an alias in select; did you mean 'entity'?")) << alias;
  EXPECT_TRUE(has(alias, "a.yaml:10:24: unknown currency 'EUX'")) << alias;
}

TEST(MappingFile, SalesforceRefusesNetSuiteKeys) {
  const std::string err = load_error("sf.yaml", R"(source: salesforce
object: Account
target: customer
cursor: SystemModstamp
select: { id: Id }
fields:
  external_id: Id
  modified: datetime(SystemModstamp)
  name: Name
)");
  EXPECT_TRUE(has(err, "sf.yaml:5:9: select: not for salesforce mappings (NetSuite SuiteQL columns: netsuite)")) << err;
}

TEST(MappingFile, SapAndOracleMappingsNameTheirServiceAndKey) {
  const auto sap = compile_mapping_text(R"(source: sap
object: A_BillingDocument
service: /sap/opu/odata/sap/API_BILLING_DOCUMENT_SRV
expand: to_Item, to_Partner
target: invoice
id: BillingDocument
cursor: LastChangeDateTime
fields:
  external_id: BillingDocument
  modified: datetime(LastChangeDateTime)
  number: BillingDocument
  customer_id: SoldToParty
  amount: money(TotalNetAmount, TransactionCurrency)
  issue_date: date(BillingDocumentDate)
)",
                                        "sap.yaml");
  const auto& q = sap.info.query;
  EXPECT_EQ(q.service, "/sap/opu/odata/sap/API_BILLING_DOCUMENT_SRV");
  EXPECT_EQ(q.expand, (std::vector<std::string>{"to_Item", "to_Partner"}));
  EXPECT_EQ(q.id_field, "BillingDocument");
  EXPECT_NE(std::find(q.fields.begin(), q.fields.end(), "TotalNetAmount"), q.fields.end());
  EXPECT_NE(std::find(q.fields.begin(), q.fields.end(), "LastChangeDateTime"), q.fields.end());
  EXPECT_EQ(std::find(q.fields.begin(), q.fields.end(), "IsDeleted"), q.fields.end());

  const std::string err = load_error("oracle.yaml", R"(source: oracle
object: receivablesInvoices
target: invoice
cursor: LastUpdateDate
query: SELECT 1
fields:
  external_id: CustomerTransactionId
  number: TransactionNumber
  customer_id: BillToCustomerNumber
  amount: money(EnteredAmount, InvoiceCurrencyCode)
)");
  EXPECT_TRUE(has(err, "oracle.yaml:1:1: id: missing")) << err;
  EXPECT_TRUE(has(err, "service: missing (required)")) << err;
  EXPECT_TRUE(has(err, "oracle.yaml:5:8: query: not for oracle mappings")) << err;
}

TEST(MappingFile, SqlMappingsCarryTheirQueryWithBothBindParameters) {
  const std::string err = load_error("ebs.yaml", R"(source: sql
object: RA_CUSTOMER_TRX_ALL
target: invoice
id: customer_trx_id
cursor: last_update_date
query: SELECT customer_trx_id FROM ra_customer_trx_all WHERE last_update_date >= :cursor
fields:
  external_id: customer_trx_id
  number: trx_number
  customer_id: bill_to_customer_id
  amount: money(amount, invoice_currency_code)
)");
  EXPECT_TRUE(has(err, "ebs.yaml:6:8: query: needs the bind parameter :last_id")) << err;
}

TEST(MappingFile, SapDatesAreReadByDateAndDatetime) {
  auto mapper = load_text("sapdate.yaml", R"(source: sap
object: A_BillingDocument
service: /sap/opu/odata/sap/API_BILLING_DOCUMENT_SRV
target: invoice
id: BillingDocument
cursor: LastChangeDateTime
fields:
  external_id: BillingDocument
  modified: datetime(LastChangeDateTime)
  number: BillingDocument
  customer_id: SoldToParty
  amount: money(TotalNetAmount, TransactionCurrency)
  issue_date: date(BillingDocumentDate)
)");
  const std::vector<connectors::RawRecord> page{
      raw(R"({"BillingDocument":"100001","SoldToParty":"1001","TotalNetAmount":"1200.50","TransactionCurrency":"EUR",)"
          R"("BillingDocumentDate":"/Date(1714521600000)/","LastChangeDateTime":"/Date(1714557600000+0000)/"})")};
  const MapResult r = mapper->map_all(page, "sap");
  ASSERT_TRUE(r.invalid.empty()) << r.invalid.front().reason;
  const auto& inv = std::get<schema::Invoice>(r.records.at(0));
  EXPECT_EQ(inv.issue_date, parse_date("2024-05-01"));
  EXPECT_EQ(inv.meta.modified, parse_timestamp("2024-05-01T10:00:00Z"));
  EXPECT_EQ(inv.amount, Money(120050, Currency::parse("EUR")));
}

TEST(MappingFile, SapDateOutOfRangeOrTooManyDecimalsIsThatRecordsDataInvalid) {
  auto mapper = load_text("sapbad.yaml", R"(source: sap
object: A_BillingDocument
service: /sap/opu/odata/sap/API_BILLING_DOCUMENT_SRV
target: invoice
id: BillingDocument
cursor: LastChangeDateTime
fields:
  external_id: BillingDocument
  modified: datetime(LastChangeDateTime)
  number: BillingDocument
  customer_id: SoldToParty
  amount: money(TotalNetAmount, TransactionCurrency)
  issue_date: date(BillingDocumentDate)
)");
  const auto doc = [](const char* id, const char* amount, const char* date) {
    return raw(fmt::format(R"({{"BillingDocument":"{}","SoldToParty":"1001","TotalNetAmount":"{}",)"
                           R"("TransactionCurrency":"EUR","BillingDocumentDate":"{}",)"
                           R"("LastChangeDateTime":"/Date(1714557600000+0000)/"}})",
                           id, amount, date));
  };
  const std::vector<connectors::RawRecord> page{doc("100001", "10.00", "/Date(1714521600000)/"),
                                               doc("100002", "10.00", "/Date(253402300800000)/"),
                                               doc("100003", "10.005", "/Date(1714521600000)/")};
  const MapResult r = mapper->map_all(page, "sap");
  ASSERT_EQ(r.records.size(), 1u);
  ASSERT_EQ(r.invalid.size(), 2u);
  EXPECT_EQ(r.invalid[0].external_id, "100002");
  EXPECT_EQ(r.invalid[0].field, "issue_date") << r.invalid[0].reason;
  EXPECT_TRUE(has(r.invalid[0].reason, "/Date(253402300800000)/")) << r.invalid[0].reason;
  EXPECT_EQ(r.invalid[1].external_id, "100003");
  EXPECT_EQ(r.invalid[1].field, "amount") << r.invalid[1].reason;
  EXPECT_TRUE(has(r.invalid[1].reason, "10.005")) << r.invalid[1].reason;
}

TEST(MappingFile, ExpressionSyntaxErrorsPointAtTheCharacter) {
  const std::string err = load_error("x.yaml", R"y(source: salesforce
object: Account
target: customer
cursor: SystemModstamp
fields:
  external_id: Id
  modified: datetime(SystemModstamp
  name: "concat(Name, 'x)"
  number: AccountNumber = 'x'
)y");
  EXPECT_TRUE(has(err, "x.yaml:7:36: expected ')' before the end of the expression")) << err;
  EXPECT_TRUE(has(err, "x.yaml:8:23: unterminated string literal")) << err;
  EXPECT_TRUE(has(err, "x.yaml:9:25: unexpected '=' (comparisons are written == and !=)")) << err;
}

TEST(MappingFile, QueryDefaultsForIdAndFrom) {
  const CompiledMapping m = compile_mapping_text(R"(source: netsuite
object: transaction
target: payment
cursor: t.lastmodifieddate
select: { id: t.id, entity: t.entity, total: t.foreigntotal, cur: t.currency, ts: t.lastmodifieddate }
fields:
  external_id: id
  modified: datetime(ts)
  customer_id: entity
  amount: negate(money(total, cur))
)",
                                                 "q.yaml");
  EXPECT_EQ(m.info.query.id_field, "t.id");
  EXPECT_EQ(m.info.query.from, "transaction");
  EXPECT_EQ(m.info.query.select.size(), 5u);
  EXPECT_TRUE(m.info.query.fields.empty());
  EXPECT_EQ(m.info.target, schema::TargetKind::payment);
}

}  // namespace
}  // namespace o2c::mapping
