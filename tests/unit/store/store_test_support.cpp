#include "tests/unit/store/store_test_support.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <stdlib.h>

namespace o2c::store {
void PrintTo(Backend backend, std::ostream* out) { *out << (backend == Backend::sqlite ? "sqlite" : "postgresql"); }
}  // namespace o2c::store

namespace o2c::store::testing {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "o2c-store-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void StoreTest::SetUp() {
  const std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
  if (is_sqlite()) {
    dir_ = std::make_unique<TempDir>();
    url_ = "sqlite://" + (dir_->path() / "o2csync.db").string();
  } else {
    database_ = std::make_unique<o2c::testing::TestDatabase>("store_" + test);
    url_ = database_->url();
  }
}

std::unique_ptr<Store> StoreTest::open() { return open_store(url_, clock_); }

std::unique_ptr<Store> StoreTest::open_migrated() {
  auto store = open();
  store->migrate();
  return store;
}

std::unique_ptr<soci::session> StoreTest::raw_session() {
  const StoreLocation location = parse_store_url(url_);
  if (location.backend == Backend::sqlite) return std::make_unique<soci::session>(soci::sqlite3, location.connect);
  return std::make_unique<soci::session>(soci::postgresql, location.connect);
}

std::string backend_name(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::sqlite ? "sqlite" : "postgresql";
}

schema::RecordMeta meta(const std::string& source, const std::string& object, const std::string& id) {
  return {source, object, id, parse_timestamp("2024-04-30T23:59:58.789Z"), false};
}

schema::Customer sample_customer(const std::string& id) {
  return {meta("erp", "customer", id),
          "Société Générale 日本 ☕",
          "C-" + id,
          "P-1",
          "FR",
          Currency::parse("EUR"),
          true,
          "001CRM" + id,
          "FR96552100554",
          "12 rue de l'Église",
          "Saint-Étienne",
          "42000"};
}

schema::Order sample_order(const std::string& id) {
  return {meta("salesforce", "Order", id),
          "00000" + id,
          "001ACC",
          "PO-Ü-42",
          Money(123456789012LL, Currency::parse("EUR")),
          schema::OrderKind::renewal,
          true,
          parse_date("2024-02-29"),
          parse_date("2025-02-28"),
          parse_timestamp("2024-02-28T13:14:15.016Z")};
}

schema::OrderLine sample_order_line(const std::string& id) {
  return {meta("salesforce", "OrderItem", id), "801ORD", "Licence « Pro » — 12 mois", "2.5",
          Money(1999, Currency::parse("JPY")), Money(4998, Currency::parse("JPY"))};
}

schema::Invoice sample_invoice(const std::string& id) {
  return {meta("erp", "transaction", id),
          "INV-" + id,
          schema::InvoiceKind::credit_note,
          "C-7",
          "001ACC",
          "801ORD",
          "PO-42",
          Money(-1234567, Currency::parse("BHD")),
          Money(-1000, Currency::parse("BHD")),
          parse_date("2024-01-31"),
          parse_date("2024-03-01"),
          Money(-205761, Currency::parse("BHD"))};
}

schema::InvoiceLine sample_invoice_line(const std::string& id) {
  return {meta("erp", "transactionline", id),
          "9001",
          "10",
          "Formation « Pro » — 3 jours",
          "2.5",
          "DAY",
          "1234.5678",
          Money(-3086420, Currency::parse("BHD")),
          "S",
          "5.5",
          Money(-169753, Currency::parse("BHD"))};
}

schema::Payment sample_payment(const std::string& id) {
  return {meta("erp", "transaction", id), "PAY-" + id, "C-7", Money(50, Currency::parse("USD")),
          parse_date("2023-12-31"), "remittance: INV-1, INV-2 ✓"};
}

schema::InvalidRecord sample_invalid(const std::string& source, const std::string& object, const std::string& id) {
  return {source, object, id, "amount", "amount '12,5' is not a decimal number", "{\"Id\":\"" + id + "\",\"Amount\":\"12,5\"}"};
}

}  // namespace o2c::store::testing
