// tests/unit/connectors/oracle/oracle_sim_dataset_test.cpp — the example
// Oracle mappings over the simulated business itself (sim/dataset's
// Dataset::oracle(), served by the simulated pod with a server-capped page):
// every invoice, credit memo, receipt and customer account comes through
// once and maps to exactly the values of the NetSuite record it stands for
// (shared identity, DATA.md "The other ERPs"); the records the pipeline
// finds invalid are exactly the answer key's oracle DATA_INVALID entries;
// and incremental passes pick up a late invoice and a touched one.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "core/text.h"
#include "sim/dataset/dataset.h"
#include "tests/unit/connectors/oracle/mapped_pass.h"
#include "tests/unit/connectors/oracle/sim_pod.h"

namespace o2c::oracle {
namespace {

using sim::SimValue;

// One NetSuite transaction row, as the Oracle views must show it.
struct NetSuiteDoc {
  std::string type, tranid, entity, currency, po, order, memo;
  SimValue total;
  bool voided = false;
};

class OracleDatasetTest : public ::testing::Test {
 protected:
  static sim::oracle::OracleOptions pod_options() {
    sim::oracle::OracleOptions o;
    o.max_page_size = 200;   // the connector asks for 500: the pod's answer decides
    return o;
  }

  std::string text(const sim::SimTable& t, std::size_t row, const char* column) const {
    const SimValue v = t.value(row, *t.column_index(column, false));
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
    if (const auto* d = std::get_if<sim::Decimal>(&v)) return d->text;
    return {};
  }

  std::map<std::string, NetSuiteDoc> netsuite_docs() const {
    const auto catalog = dataset.netsuite();
    const auto currencies = catalog->table("currency");
    std::map<std::string, std::string> symbol;
    for (std::size_t r = 0; r < currencies->size(); ++r) symbol[text(*currencies, r, "id")] = text(*currencies, r, "symbol");
    const auto tx = catalog->table("transaction");
    std::map<std::string, NetSuiteDoc> out;
    for (std::size_t r = 0; r < tx->size(); ++r) {
      NetSuiteDoc d{text(*tx, r, "type"), text(*tx, r, "tranid"), text(*tx, r, "entity"),
                    symbol[text(*tx, r, "currency")], std::string(trim(text(*tx, r, "otherrefnum"))),
                    text(*tx, r, "custbody_o2c_sf_order"), text(*tx, r, "memo"),
                    tx->value(r, *tx->column_index("foreigntotal", false)), false};
      const SimValue voided = tx->value(r, *tx->column_index("voided", false));
      d.voided = std::holds_alternative<bool>(voided) ? std::get<bool>(voided) : text(*tx, r, "voided") == "T";
      out.emplace(text(*tx, r, "id"), std::move(d));
    }
    return out;
  }

  sim::Dataset dataset{sim::DatasetOptions{7, 800, parse_timestamp("2026-11-24T12:00:00Z")}};
  FixedClock clock{parse_timestamp("2026-11-24T12:00:30Z")};
  test::SimPod pod{pod_options(), dataset.oracle()};
};

TEST_F(OracleDatasetTest, InvoicesAndCreditMemosAreTheNetSuiteDocumentsExactly) {
  const auto pass = test::mapped_pass("oracle-invoice.yaml", pod.url(), clock, {{}, connectors::SyncMode::full, 500, 700});
  std::map<std::string, const schema::Invoice*> mapped;
  for (const auto& r : pass.result.records) {
    const auto& inv = std::get<schema::Invoice>(r);
    EXPECT_TRUE(mapped.emplace(inv.meta.external_id, &inv).second) << "twice: " << inv.meta.external_id;
  }
  std::set<std::string> invalid;
  for (const auto& bad : pass.result.invalid) invalid.insert(bad.external_id);
  std::size_t documents = 0;
  for (const auto& [id, doc] : netsuite_docs()) {
    if (doc.type != "CustInvc" && doc.type != "CustCred") continue;
    ++documents;
    if (std::holds_alternative<std::string>(doc.total)) {
      EXPECT_TRUE(invalid.count(id)) << id << " holds the planted amount";
      continue;
    }
    ASSERT_TRUE(mapped.count(id)) << id;
    const schema::Invoice& inv = *mapped.at(id);
    EXPECT_EQ(inv.number, doc.tranid);
    EXPECT_EQ(inv.kind, doc.type == "CustInvc" ? schema::InvoiceKind::invoice : schema::InvoiceKind::credit_note);
    EXPECT_EQ(inv.customer_id, doc.entity) << id;
    EXPECT_EQ(inv.amount, Money::parse(std::get<sim::Decimal>(doc.total).text, Currency::parse(doc.currency))) << id;
    EXPECT_EQ(inv.po_number, doc.po) << id;
    EXPECT_EQ(inv.order_ref, doc.order) << id;
    EXPECT_EQ(inv.meta.deleted, doc.voided) << id;
  }
  EXPECT_EQ(mapped.size() + invalid.size(), documents);
  EXPECT_GE(pod.seen("offset").size(), documents / 200) << "paged by the pod's limit";
}

TEST_F(OracleDatasetTest, ReceiptsAndCustomerAccountsAreTheNetSuiteRecords) {
  const auto payments = test::mapped_pass("oracle-payment.yaml", pod.url(), clock);
  const auto docs = netsuite_docs();
  std::size_t expected = 0;
  for (const auto& [id, doc] : docs) expected += doc.type == "CustPymt";
  ASSERT_EQ(payments.result.records.size(), expected);
  for (const auto& r : payments.result.records) {
    const auto& p = std::get<schema::Payment>(r);
    const NetSuiteDoc& doc = docs.at(p.meta.external_id);
    EXPECT_EQ(p.amount, Money::parse(std::get<sim::Decimal>(doc.total).text, Currency::parse(doc.currency)));
    EXPECT_EQ(p.number, doc.tranid);
    EXPECT_EQ(p.customer_id, doc.entity);
    EXPECT_EQ(p.reference, doc.memo);
  }
  const auto customers = test::mapped_pass("oracle-customer.yaml", pod.url(), clock);
  const auto ns = dataset.netsuite()->table("customer");
  ASSERT_EQ(customers.result.records.size(), ns->size());
  for (std::size_t row = 0; row < ns->size(); ++row) {
    const auto& c = std::get<schema::Customer>(customers.result.records[row]);
    EXPECT_EQ(c.meta.external_id, text(*ns, row, "id"));
    EXPECT_EQ(c.crm_account_id, text(*ns, row, "custentity_o2c_sf_account"));
  }
}

TEST_F(OracleDatasetTest, InvalidRecordsAreTheAnswerKeysOracleEntries) {
  std::set<std::string> found;
  for (const char* file : {"oracle-invoice.yaml", "oracle-payment.yaml", "oracle-customer.yaml"})
    for (const auto& bad : test::mapped_pass(file, pod.url(), clock).result.invalid)
      found.insert(bad.source + "/" + bad.object + "/" + bad.external_id);
  std::set<std::string> expected;
  const auto key = boost::json::parse(dataset.answer_key_json("oracle"));
  for (const auto& e : key.at("exceptions").as_array())
    if (e.at("kind").as_string() == "DATA_INVALID" && e.at("source").as_string() == "oracle")
      expected.insert(fmt::format("oracle/{}/{}", std::string(e.at("object").as_string()),
                                  std::string(e.at("record_id").as_string())));
  EXPECT_FALSE(expected.empty()) << "the business plants invalid invoice amounts";
  EXPECT_EQ(found, expected);
}

TEST_F(OracleDatasetTest, IncrementalPassesPickUpLateAndTouchedInvoices) {
  const auto full = test::mapped_pass("oracle-invoice.yaml", pod.url(), clock);
  ASSERT_TRUE(full.next.since);
  std::string late;
  ASSERT_EQ(dataset.mutate({"insert_late", "oracle", "receivablesInvoices", ""}, &late), "");
  const std::string touched = schema::meta_of(full.result.records.at(2)).external_id;
  ASSERT_EQ(dataset.mutate({"touch", "oracle", "receivablesInvoices", touched}), "");

  const auto incremental = test::mapped_pass("oracle-invoice.yaml", pod.url(), clock,
                                             {full.next, connectors::SyncMode::incremental, 500, 10'000});
  std::set<std::string> ids;
  for (const auto& r : incremental.result.records) {
    const auto& meta = schema::meta_of(r);
    ids.insert(meta.external_id);
    EXPECT_GE(meta.modified, std::chrono::floor<std::chrono::seconds>(*full.next.since)) << meta.external_id;
  }
  for (const auto& bad : incremental.result.invalid) ids.insert(bad.external_id);
  EXPECT_TRUE(ids.count(late)) << "the late invoice " << late;
  EXPECT_TRUE(ids.count(touched)) << "the touched invoice";
  EXPECT_LT(ids.size(), full.result.records.size() / 2) << "an incremental pass reads the window, not everything";
}

}  // namespace
}  // namespace o2c::oracle
