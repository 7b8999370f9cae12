// The SAP connector and the example SAP mappings over the simulator's real
// business (sim/dataset Dataset::sap() served by sim/sap): every row of every
// entity set read exactly once, and the records the mappings refuse are
// exactly the DATA_INVALID entries of the answer key for --erp sap.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "mapping/mapper.h"
#include "sim/dataset/dataset.h"
#include "tests/unit/connectors/sap/sap_test_server.h"

namespace o2c::sap::test {
namespace {

struct Mapped {
  std::size_t records = 0;
  std::set<std::string> invalid;
  std::vector<schema::CanonicalRecord> canonical;
};

Mapped run(SapTestServer& server, const std::string& file, bool v4 = false) {
  const auto mapper = mapping::load_mapping(std::string(O2C_SOURCE_DIR) + "/examples/mappings/" + file);
  connectors::QuerySpec query = mapper->info().query;
  if (v4) query.service = kBillingV4Service;
  SapSettings s = server.settings();
  s.page_size = 700;   // several keyset queries, each split into server pages
  static const FixedClock clock(kNow + std::chrono::minutes(5));
  auto stream = make_sap_source(s, clock)->open(query, {}, connectors::SyncMode::full);
  Mapped out;
  std::set<std::string> seen;
  while (auto page = stream->next()) {
    for (const auto& r : page->records) EXPECT_TRUE(seen.insert(r.id).second) << "read twice: " << r.id;
    out.records += page->records.size();
    mapping::MapResult m = mapper->map_all(page->records, "sap");
    for (const auto& bad : m.invalid) out.invalid.insert(bad.object + "/" + bad.external_id);
    for (auto& c : m.records) out.canonical.push_back(std::move(c));
  }
  return out;
}

TEST(SapSimDataset, ExampleMappingsReadTheWholeBusinessAndFindTheAnswerKeysInvalidRecords) {
  sim::Dataset dataset(sim::DatasetOptions{42, 600, sim::SimTime{kNow.time_since_epoch()}});
  sim::sap::SapOptions options;
  options.page_size = 250;
  SapTestServer server(options, dataset.sap());
  const auto key = boost::json::parse(dataset.answer_key_json("sap"));
  std::set<std::string> expected_invalid;
  for (const auto& e : key.at("exceptions").as_array())
    if (e.at("kind").as_string() == "DATA_INVALID" && e.at("source").as_string() == "sap")
      expected_invalid.insert(std::string(e.at("object").as_string()) + "/" + std::string(e.at("record_id").as_string()));

  std::set<std::string> invalid;
  for (const std::string file : {"sap-customer.yaml", "sap-invoice.yaml", "sap-payment.yaml"}) {
    const Mapped m = run(server, file);
    const std::string object = mapping::load_mapping(std::string(O2C_SOURCE_DIR) + "/examples/mappings/" + file)
                                   ->info().query.object;
    EXPECT_EQ(m.records, dataset.sap()->table(object)->size()) << file;
    invalid.insert(m.invalid.begin(), m.invalid.end());
    for (const auto& c : m.canonical) {
      if (const auto* p = std::get_if<schema::Payment>(&c)) {
        EXPECT_FALSE(p->amount.is_negative()) << p->meta.external_id;
      }
      if (const auto* i = std::get_if<schema::Invoice>(&c)) {
        EXPECT_EQ(i->amount.is_negative(), i->kind == schema::InvoiceKind::credit_note) << i->meta.external_id;
      }
    }
  }
  EXPECT_FALSE(expected_invalid.empty());
  EXPECT_EQ(invalid, expected_invalid);
}

TEST(SapSimDataset, V4ReadsTheSameInvoices) {
  sim::Dataset dataset(sim::DatasetOptions{7, 300, sim::SimTime{kNow.time_since_epoch()}});
  SapTestServer server({}, dataset.sap());
  const Mapped v2 = run(server, "sap-invoice.yaml");
  const Mapped v4 = run(server, "sap-invoice.yaml", true);
  EXPECT_EQ(v2.records, v4.records);
  EXPECT_EQ(v2.invalid, v4.invalid);
  ASSERT_EQ(v2.canonical.size(), v4.canonical.size());
  for (std::size_t i = 0; i < v2.canonical.size(); ++i) EXPECT_TRUE(v2.canonical[i] == v4.canonical[i]) << i;
}

TEST(SapSimDataset, ExpandedItemsComeWithTheirDocuments) {
  sim::Dataset dataset(sim::DatasetOptions{7, 200, sim::SimTime{kNow.time_since_epoch()}});
  SapTestServer server({}, dataset.sap());
  connectors::QuerySpec q = billing_query();
  q.fields = {"BillingDocument", "TotalNetAmount", "LastChangeDateTime"};
  q.expand = {"to_Item"};
  static const FixedClock clock(kNow + std::chrono::minutes(5));
  auto stream = make_sap_source(server.settings(), clock)->open(q, {}, connectors::SyncMode::full);
  std::size_t documents = 0;
  while (auto page = stream->next()) {
    for (const auto& r : page->records) {
      const auto doc = boost::json::parse(r.body).as_object();
      const auto& items = doc.at("to_Item").at("results").as_array();
      ASSERT_EQ(items.size(), 1u) << r.body;
      EXPECT_EQ(items[0].at("BillingDocument"), doc.at("BillingDocument"));
      EXPECT_EQ(items[0].at("NetAmount"), doc.at("TotalNetAmount"));
      EXPECT_FALSE(doc.contains("TransactionCurrency"));   // $select kept the header to what was asked
      ++documents;
    }
  }
  EXPECT_EQ(documents, dataset.sap()->table("A_BillingDocument")->size());
}

}  // namespace
}  // namespace o2c::sap::test
