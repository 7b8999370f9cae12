// tests/unit/connectors/sql/sql_sim_ebs_test.cpp — the EBS example mappings
// over the simulator's EBS database: the dataset loaded into PostgreSQL by
// sim/ebs (what `o2csync-sim load-ebs` does), read through psqlODBC in pages
// and mapped. Every loaded customer, transaction and receipt comes out once,
// the voids and reversals are marked deleted, and the DATA_INVALID records
// are exactly those the answer key names for `--erp ebs`.
#include <set>

#include <boost/json.hpp>
#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>

#include "connectors/sql/sql.h"
#include "mapping/mapper.h"
#include "sim/dataset/dataset.h"
#include "sim/ebs/ebs_loader.h"
#include "tests/unit/connectors/sql/sql_test_support.h"

namespace o2c::sql {
namespace {

using connectors::Cursor;
using connectors::SyncMode;
using testing::read_all;
using testing::records_of;

class EbsSimulatorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dataset_ = new sim::Dataset(sim::DatasetOptions{7, 600, parse_timestamp("2026-11-24T12:00:00Z")});
    database_ = new o2c::testing::TestDatabase("sql_sim_ebs");
    counts_ = new sim::ebs::LoadCounts(sim::ebs::load_ebs(*dataset_, database_->url()));
  }
  static void TearDownTestSuite() {
    delete counts_;
    delete database_;
    delete dataset_;
  }

  mapping::MapResult sync(const std::string& file) {
    const auto mapper = mapping::load_mapping(std::string(O2C_SOURCE_DIR) + "/examples/mappings/" + file);
    SqlSettings settings;
    settings.name = "ebs";
    settings.connection = Secret(testing::odbc_connection(database_->url()));
    settings.batch_size = 500;
    auto source = make_sql_source(settings, clock_);
    const auto pages = read_all(*source->open(mapper->info().query, Cursor{}, SyncMode::incremental));
    for (std::size_t i = 0; i + 1 < pages.size(); ++i) EXPECT_EQ(pages[i].records.size(), 500u);
    return mapper->map_all(records_of(pages), "ebs");
  }

  // "object/id" of the answer key's DATA_INVALID entries named for EBS.
  static std::set<std::string> expected_invalid(std::string_view object) {
    std::set<std::string> out;
    const auto key = boost::json::parse(dataset_->answer_key_json("ebs")).as_object();
    for (const auto& item : key.at("exceptions").as_array()) {
      const auto& e = item.as_object();
      if (e.at("kind").as_string() != "DATA_INVALID" || e.at("source").as_string() != "ebs") continue;
      if (e.at("object").as_string() == object) out.insert(std::string(e.at("record_id").as_string()));
    }
    return out;
  }

  static std::set<std::string> invalid_ids(const mapping::MapResult& result, std::string_view object) {
    std::set<std::string> out;
    for (const auto& bad : result.invalid) {
      EXPECT_EQ(bad.source, "ebs");
      EXPECT_EQ(bad.object, object);
      out.insert(bad.external_id);
    }
    return out;
  }

  static std::size_t deleted(const mapping::MapResult& result) {
    std::size_t n = 0;
    for (const auto& r : result.records) n += schema::meta_of(r).deleted ? 1 : 0;
    return n;
  }

  static inline sim::Dataset* dataset_ = nullptr;
  static inline o2c::testing::TestDatabase* database_ = nullptr;
  static inline sim::ebs::LoadCounts* counts_ = nullptr;
  FixedClock clock_{parse_timestamp("2026-11-24T12:00:00Z")};
};

TEST_F(EbsSimulatorTest, EveryCustomerAccountIsMapped) {
  const auto result = sync("ebs-customer.yaml");
  EXPECT_EQ(result.records.size() + result.invalid.size(), counts_->rows("HZ_CUST_ACCOUNTS"));
  EXPECT_EQ(invalid_ids(result, "HZ_CUST_ACCOUNTS"), expected_invalid("HZ_CUST_ACCOUNTS"));
  std::size_t linked = 0;
  for (const auto& r : result.records) linked += std::get<schema::Customer>(r).crm_account_id.empty() ? 0 : 1;
  EXPECT_GT(linked, 0u);
}

TEST_F(EbsSimulatorTest, EveryTransactionIsMappedAndTheInvalidOnesAreTheAnswerKeys) {
  const auto result = sync("ebs-invoice.yaml");
  EXPECT_EQ(result.records.size() + result.invalid.size(), counts_->rows("RA_CUSTOMER_TRX_ALL"));
  const auto invalid = invalid_ids(result, "RA_CUSTOMER_TRX_ALL");
  EXPECT_FALSE(invalid.empty());
  EXPECT_EQ(invalid, expected_invalid("RA_CUSTOMER_TRX_ALL"));
  std::size_t credit_notes = 0;
  for (const auto& r : result.records) {
    const auto& invoice = std::get<schema::Invoice>(r);
    const bool credit = invoice.kind == schema::InvoiceKind::credit_note;
    credit_notes += credit ? 1 : 0;
    EXPECT_EQ(invoice.amount.is_negative(), credit) << invoice.meta.external_id;
    EXPECT_TRUE(invoice.open_amount.has_value()) << invoice.meta.external_id;
    EXPECT_TRUE(invoice.issue_date.has_value()) << invoice.meta.external_id;
  }
  EXPECT_GT(credit_notes, 0u);
}

TEST_F(EbsSimulatorTest, EveryReceiptIsMapped) {
  const auto result = sync("ebs-payment.yaml");
  EXPECT_EQ(result.records.size() + result.invalid.size(), counts_->rows("AR_CASH_RECEIPTS_ALL"));
  EXPECT_EQ(invalid_ids(result, "AR_CASH_RECEIPTS_ALL"), expected_invalid("AR_CASH_RECEIPTS_ALL"));
  for (const auto& r : result.records) EXPECT_FALSE(std::get<schema::Payment>(r).amount.is_negative());
}

TEST_F(EbsSimulatorTest, VoidsAndReversalsAreDeleted) {
  soci::session admin(soci::postgresql, testing::libpq_connection(database_->url()));
  long voided = 0, reversed = 0;
  admin << "SELECT COUNT(*) FROM ra_customer_trx_all WHERE status_trx = 'VD'", soci::into(voided);
  admin << "SELECT COUNT(*) FROM ar_cash_receipts_all WHERE status = 'REV'", soci::into(reversed);
  EXPECT_EQ(deleted(sync("ebs-invoice.yaml")), static_cast<std::size_t>(voided));
  EXPECT_EQ(deleted(sync("ebs-payment.yaml")), static_cast<std::size_t>(reversed));
}

}  // namespace
}  // namespace o2c::sql
