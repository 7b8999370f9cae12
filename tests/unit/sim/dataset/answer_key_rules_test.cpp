// The answer key (mapping checks + DATA.md rules 1-4) on small hand-made
// tables, so each clause is pinned down independently of the generator.
#include <gtest/gtest.h>

#include <map>

#include "sim/dataset/answer_key.h"

namespace o2c::sim::dataset {
namespace {

using namespace std::chrono;
using Strings = std::vector<std::string>;

const SimTime kNow = sys_days{year{2026} / November / 24} + hours{12};
const SimDate kToday = floor<days>(kNow);

struct TestOrder {
  std::string id{};
  SimValue amount = Decimal{"10"};
  std::string po = "PO-1";
  SimValue account = std::string("A1");
  std::string status = "Activated";
  bool deleted = false;
  SimDate effective = kToday - days(100);
  std::optional<SimDate> end{};
  std::string currency = "EUR";
};

struct TestDoc {
  std::string id{};
  std::string order_ref{};
  SimValue total = Decimal{"10.00"};  // VAT included
  SimValue tax = Decimal{"0.00"};
  std::string po = "PO-1";
  SimDate date = kToday - days(50);
  std::string type = "CustInvc";
  std::string currency = "4";   // EUR
  std::string customer = "1";   // → A1
  bool voided = false;
};

class Catalog final : public SimCatalog {
 public:
  void add(SimTablePtr t) { tables_[t->name()] = std::move(t); }
  SimTablePtr table(std::string_view name) const override {
    const auto it = tables_.find(std::string(name));
    return it == tables_.end() ? nullptr : it->second;
  }

 private:
  std::map<std::string, SimTablePtr> tables_;
};

std::vector<SimColumn> columns(std::initializer_list<const char*> names) {
  std::vector<SimColumn> out;
  for (const char* n : names) out.push_back({n, SimType::text, "", n});
  return out;
}

SimValue text_or_null(const std::string& s) { return s.empty() ? SimValue{} : SimValue{s}; }

struct Business {
  std::vector<std::pair<std::string, bool>> accounts{{"A1", false}, {"A2", false}};
  std::vector<TestOrder> orders;
  std::vector<TestDoc> docs;

  // "KIND key" per exception, as the answer key lists them.
  Strings key() const {
    Catalog sf, ns;
    std::vector<std::vector<SimValue>> rows;
    for (const auto& [id, requires_po] : accounts)
      rows.push_back({id, std::string("Name " + id), SimValue{}, SimValue{}, std::string("FR"), std::string("EUR"),
                      requires_po, kNow, kNow, false});
    sf.add(std::make_shared<VectorTable>("Account", columns({"Id", "Name", "AccountNumber", "ParentId",
                                                             "BillingCountryCode", "CurrencyIsoCode", "Requires_PO__c",
                                                             "CreatedDate", "SystemModstamp", "IsDeleted"}),
                                         rows));
    rows.clear();
    for (const auto& o : orders)
      rows.push_back({o.id, "N-" + o.id, o.account, o.status, o.status, std::string("New Business"), o.effective,
                      o.end ? SimValue(*o.end) : SimValue{}, SimValue{}, text_or_null(o.po), o.amount, o.currency,
                      SimValue{}, kNow, kNow, o.deleted});
    sf.add(std::make_shared<VectorTable>(
        "Order", columns({"Id", "OrderNumber", "AccountId", "Status", "StatusCode", "Type", "EffectiveDate", "EndDate",
                          "ActivatedDate", "PoNumber", "TotalAmount", "CurrencyIsoCode", "Description", "CreatedDate",
                          "SystemModstamp", "IsDeleted"}),
        rows));
    ns.add(std::make_shared<VectorTable>(
        "currency", columns({"id", "symbol", "name"}),
        std::vector<std::vector<SimValue>>{{std::string("1"), std::string("USD"), std::string("US Dollar")},
                                           {std::string("4"), std::string("EUR"), std::string("Euro")}}));
    rows.clear();
    for (std::size_t a = 0; a < accounts.size(); ++a)
      rows.push_back({std::to_string(a + 1), SimValue{}, std::string("C"), SimValue{}, std::string("4"),
                      accounts[a].first, kNow});
    ns.add(std::make_shared<VectorTable>("customer",
                                         columns({"id", "entityid", "companyname", "parent", "currency",
                                                  "custentity_o2c_sf_account", "lastmodifieddate"}),
                                         rows));
    rows.clear();
    for (const auto& d : docs)
      rows.push_back({d.id, "T" + d.id, d.type, d.date, SimValue{}, d.customer, d.currency, d.total, SimValue{},
                      text_or_null(d.po), text_or_null(d.order_ref), SimValue{}, std::string("A"), d.voided, kNow,
                      d.tax});
    ns.add(std::make_shared<VectorTable>(
        "transaction", columns({"id", "tranid", "type", "trandate", "duedate", "entity", "currency", "foreigntotal",
                                "foreignamountremaining", "otherrefnum", "custbody_o2c_sf_order", "memo", "status",
                                "voided", "lastmodifieddate", "taxtotal"}),
        rows));
    Strings out;
    for (const auto& e : compute_answer_key(sf, ns, kNow)) out.push_back(e.kind + " " + e.key());
    return out;
  }
};

TEST(AnswerKeyRules, OrderWithoutDocumentIsNotInvoicedUnlessDraftOrDeleted) {
  Business b;
  b.orders = {{.id = "O1"}, {.id = "O2", .status = "Draft"}, {.id = "O3", .deleted = true}};
  EXPECT_EQ(b.key(), Strings{"ORDER_NOT_INVOICED O1"});
}

TEST(AnswerKeyRules, ReferenceToAnUnsignedOrUnknownOrderLinksNothingAndHasNoFallback) {
  Business b;
  b.orders = {{.id = "O1", .po = "PO-1", .status = "Draft"}, {.id = "O2", .po = "PO-2"}};
  // Invoice 2 names an unknown order: it stays unlinked although PO-2 + amount would match O2.
  b.docs = {{.id = "1", .order_ref = "O1"}, {.id = "2", .order_ref = "O9", .po = "PO-2"}};
  EXPECT_EQ(b.key(), (Strings{"INVOICE_WITHOUT_ORDER 1", "INVOICE_WITHOUT_ORDER 2", "ORDER_NOT_INVOICED O2"}));
}

TEST(AnswerKeyRules, UnreferencedInvoiceMatchesCustomerNormalisedPoAndAmountWithinTolerance) {
  Business b;
  b.orders = {{.id = "O1", .amount = Decimal{"1000"}, .po = "PO-2026-000017"}};
  b.docs = {{.id = "1", .total = Decimal{"1000.01"}, .po = " po 2026/000017 "}};
  EXPECT_EQ(b.key(), Strings{});
  const Strings unmatched{"INVOICE_WITHOUT_ORDER 1", "ORDER_NOT_INVOICED O1"};
  b.docs[0].total = Decimal{"1000.02"};  // beyond 0.01
  EXPECT_EQ(b.key(), unmatched);
  b.docs[0].total = Decimal{"1000.00"};
  b.docs[0].currency = "1";  // USD: another currency never matches
  EXPECT_EQ(b.key(), unmatched);
  b.docs[0].currency = "4";
  b.docs[0].customer = "2";  // another customer
  EXPECT_EQ(b.key(), unmatched);
  b.docs[0].customer = "1";
  b.orders[0].po = "";  // both POs must be present
  EXPECT_EQ(b.key(), unmatched);
}

TEST(AnswerKeyRules, UnreferencedInvoicesLinkInDateOrderToTheEarliestFreeOrder) {
  Business b;
  b.orders = {{.id = "O2", .effective = kToday - days(10)}, {.id = "O1", .effective = kToday - days(10)},
              {.id = "O3", .effective = kToday - days(5)}};
  b.docs = {{.id = "7", .date = kToday - days(2)}, {.id = "8", .date = kToday - days(3)},
            {.id = "9", .date = kToday - days(3)}, {.id = "10", .date = kToday - days(1)}};
  // 8 → O1 (same start as O2, smaller Id), 9 → O2, 7 → O3, 10 finds no free order.
  EXPECT_EQ(b.key(), Strings{"INVOICE_WITHOUT_ORDER 10"});
  b.docs.pop_back();
  b.orders.push_back({.id = "O0", .effective = kToday});  // the latest start is the one left over
  EXPECT_EQ(b.key(), Strings{"ORDER_NOT_INVOICED O0"});
}

TEST(AnswerKeyRules, CurrencyMismatchWinsOverAmountChecks) {
  Business b;
  b.orders = {{.id = "O1"}};
  b.docs = {{.id = "1", .order_ref = "O1", .total = Decimal{"4.00"}, .currency = "1"}, {.id = "2", .order_ref = "O1"}};
  EXPECT_EQ(b.key(), Strings{"CURRENCY_MISMATCH O1"});
}

TEST(AnswerKeyRules, LaterExactInvoicesAreDuplicatesInDateThenIdOrder) {
  Business b;
  b.orders = {{.id = "O1"}};
  b.docs = {{.id = "30", .order_ref = "O1", .date = kToday - days(1)},
            {.id = "20", .order_ref = "O1", .date = kToday - days(9)},
            {.id = "100", .order_ref = "O1", .date = kToday - days(1)}};  // ids compare as numbers: 30 < 100
  EXPECT_EQ(b.key(), (Strings{"DUPLICATE_INVOICE 100", "DUPLICATE_INVOICE 30"}));
}

TEST(AnswerKeyRules, AmountChecksUseToleranceAndNetCreditMemos) {
  Business b;
  b.orders = {{.id = "O1"}};
  b.docs = {{.id = "1", .order_ref = "O1", .total = Decimal{"10.01"}}};
  EXPECT_EQ(b.key(), Strings{});
  b.docs[0].total = Decimal{"10.02"};
  EXPECT_EQ(b.key(), Strings{"AMOUNT_MISMATCH O1"});
  b.docs = {{.id = "1", .order_ref = "O1", .total = Decimal{"4.00"}}, {.id = "2", .order_ref = "O1", .total = Decimal{"3.00"}}};
  EXPECT_EQ(b.key(), Strings{"ORDER_PARTIALLY_INVOICED O1"});
  b.docs = {{.id = "1", .order_ref = "O1"}, {.id = "2", .order_ref = "O1", .total = Decimal{"1.50"}}};
  EXPECT_EQ(b.key(), Strings{"ORDER_OVER_INVOICED O1"});
  b.docs.push_back({.id = "3", .order_ref = "O1", .total = Decimal{"-1.50"}, .type = "CustCred"});
  EXPECT_EQ(b.key(), Strings{});
}

TEST(AnswerKeyRules, PoRulesNeedARequiringCustomerOrTwoDifferentPos) {
  Business b;
  b.orders = {{.id = "O1", .po = "PO-2026-000001"}, {.id = "O2", .po = ""}};
  b.docs = {{.id = "1", .order_ref = "O1", .po = "PO 2026 000002"}, {.id = "2", .order_ref = "O2", .po = "PO-X"},
            {.id = "3", .order_ref = "O1", .total = Decimal{"0.00"}, .po = "", .type = "CustCred"}};
  EXPECT_EQ(b.key(), Strings{"PO_MISMATCH 1"});  // O2 has no PO: nothing to compare
  b.accounts[0].second = true;
  b.docs[0].po = "  ";
  EXPECT_EQ(b.key(), (Strings{"PO_MISSING 1", "PO_MISSING 3"}));  // credit memos too
}

TEST(AnswerKeyRules, RenewalNeedsALaterSignedOrderOfTheSameAccount) {
  Business b;
  b.accounts[0].second = true;
  b.orders = {{.id = "O1", .end = kToday + days(30)}, {.id = "O2", .end = kToday + days(31)}};  // O2: beyond 30 days
  b.docs = {{.id = "1", .order_ref = "O1"}, {.id = "2", .order_ref = "O2"}};
  EXPECT_EQ(b.key(), Strings{"PO_NEEDED_FOR_RENEWAL O1"});
  b.orders.push_back({.id = "O3", .account = std::string("A2"), .effective = kToday + days(30)});
  b.docs.push_back({.id = "3", .order_ref = "O3", .customer = "2"});
  EXPECT_EQ(b.key(), Strings{"PO_NEEDED_FOR_RENEWAL O1"});  // another account does not help
  b.orders.back().account = std::string("A1");
  b.docs.back().customer = "1";
  EXPECT_EQ(b.key(), Strings{});
  b.orders.back().status = "Draft";  // a draft renewal does not count
  b.docs.pop_back();
  EXPECT_EQ(b.key(), Strings{"PO_NEEDED_FOR_RENEWAL O1"});
}

TEST(AnswerKeyRules, RecordsTheMappingsRejectAreDataInvalidAndDoNotExist) {
  Business b;
  b.orders = {{.id = "O1", .amount = std::string("12,50 EUR")}, {.id = "O2", .amount = true},
              {.id = "O3", .currency = "EUX"},                  {.id = "O4", .account = SimValue{}},
              {.id = "O5", .po = "PO-\xC3\x28"},                {.id = "O6", .amount = Decimal{"1.234"}},
              {.id = "O7"}};
  b.docs = {{.id = "1", .order_ref = "O1"},                               // its order does not exist
            {.id = "2", .order_ref = "O7", .total = std::string("abc")},  // so O7 is not invoiced
            {.id = "3", .order_ref = "O7", .currency = "9"},              // unknown currency: dropped by the JOIN
            {.id = "4", .total = Decimal{"5"}, .po = "", .type = "CustPymt"}};
  EXPECT_EQ(b.key(), (Strings{"DATA_INVALID netsuite/transaction/2", "DATA_INVALID salesforce/Order/O1",
                              "DATA_INVALID salesforce/Order/O2", "DATA_INVALID salesforce/Order/O3",
                              "DATA_INVALID salesforce/Order/O4", "DATA_INVALID salesforce/Order/O5",
                              "DATA_INVALID salesforce/Order/O6", "INVOICE_WITHOUT_ORDER 1",
                              "ORDER_NOT_INVOICED O7"}));
  b.docs[3].total = std::string("n/a");  // payments are checked by their own mapping
  EXPECT_EQ(b.key()[0], "DATA_INVALID netsuite/transaction/2");
  EXPECT_EQ(b.key()[1], "DATA_INVALID netsuite/transaction/4");
}

TEST(AnswerKeyRules, OrdersAreComparedWithTheAmountBeforeVat) {
  Business b;
  b.orders = {{.id = "O1", .amount = Decimal{"100"}}, {.id = "O2", .amount = Decimal{"100"}, .po = "PO-2"}};
  // O1: 100 + 20 VAT = 120: invoiced exactly. O2: 120 with no VAT stated is 20 too much.
  b.docs = {{.id = "1", .order_ref = "O1", .total = Decimal{"120.00"}, .tax = Decimal{"20.00"}},
            {.id = "2", .order_ref = "O2", .total = Decimal{"120.00"}, .po = "PO-2"}};
  EXPECT_EQ(b.key(), Strings{"AMOUNT_MISMATCH O2"});
}

TEST(AnswerKeyRules, VoidedDocumentsAreIgnored) {
  Business b;
  b.orders = {{.id = "O1"}};
  b.docs = {{.id = "1", .order_ref = "O1"}, {.id = "2", .order_ref = "O1", .voided = true},
            {.id = "3", .order_ref = "O9", .voided = true}};
  EXPECT_EQ(b.key(), Strings{});
}

TEST(AnswerKeyRules, NormalisedPoKeepsLettersAndDigitsUpperCased) {
  EXPECT_EQ(normalised_po(" po-2026/004471. "), "PO2026004471");
  EXPECT_EQ(normalised_po("PO 2026 004471 "), "PO2026004471");
  EXPECT_EQ(normalised_po("--"), "");
}

TEST(AnswerKeyRules, JsonListsEveryKindInCounts) {
  ExpectedException e;
  e.kind = "PO_MISMATCH";
  e.invoice_id = "100231";
  e.invoice_number = "INV100231";
  e.order_id = "801x";
  const std::string json = answer_key_json({42, 2000, kNow}, {e});
  EXPECT_TRUE(json.starts_with(
      R"({"seed":42,"orders":2000,"now":"2026-11-24T12:00:00Z","amount_tolerance":"0.01","renewal_horizon_days":30,)"))
      << json;
  EXPECT_NE(json.find(R"("PO_MISMATCH":1)"), std::string::npos);
  EXPECT_NE(json.find(R"("DATA_INVALID":0)"), std::string::npos);
  EXPECT_NE(json.find(R"({"kind":"PO_MISMATCH","invoice_id":"100231","invoice_number":"INV100231","order_id":"801x"})"),
            std::string::npos);
}

}  // namespace
}  // namespace o2c::sim::dataset
