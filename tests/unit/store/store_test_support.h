// tests/unit/store/store_test_support.h — every store test runs on SQLite (a
// temp file) and on PostgreSQL (a fresh database on the shared test server).
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include <soci/soci.h>

#include "core/time.h"
#include "schema/exception_item.h"
#include "schema/model.h"
#include "store/store.h"
#include "store/store_url.h"
#include "tests/support/postgres_server.h"

namespace o2c::store {
// Test names show the backend ("GetParam() = sqlite").
void PrintTo(Backend backend, std::ostream* out);
}  // namespace o2c::store

namespace o2c::store::testing {

// A temp directory removed with everything in it when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

class StoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;

  bool is_sqlite() const { return GetParam() == Backend::sqlite; }
  const std::string& url() const { return url_; }
  // A new Store on this test's database (not migrated).
  std::unique_ptr<Store> open();
  // A new Store on this test's database, migrated.
  std::unique_ptr<Store> open_migrated();
  // A plain SOCI session on the same database, for what the Store API does not show.
  std::unique_ptr<soci::session> raw_session();

  FixedClock clock_{parse_timestamp("2024-05-01T10:00:00.123Z")};

 private:
  std::unique_ptr<TempDir> dir_;
  std::unique_ptr<o2c::testing::TestDatabase> database_;
  std::string url_;
};

std::string backend_name(const ::testing::TestParamInfo<Backend>& info);

// Runs every TEST_P of `suite` on both backends: store/<suite>.<test>/sqlite|postgresql
// (the lower-case prefix lets `ctest -R store` select them).
#define O2C_ON_BOTH_BACKENDS(suite)                                                                              \
  INSTANTIATE_TEST_SUITE_P(store, suite,                                                                         \
                           ::testing::Values(::o2c::store::Backend::sqlite, ::o2c::store::Backend::postgresql), \
                           ::o2c::store::testing::backend_name)

// Records with every field set to a distinct, recognisable value.
schema::RecordMeta meta(const std::string& source, const std::string& object, const std::string& id);
schema::Customer sample_customer(const std::string& id);
schema::Order sample_order(const std::string& id);
schema::OrderLine sample_order_line(const std::string& id);
schema::Invoice sample_invoice(const std::string& id);
schema::Payment sample_payment(const std::string& id);
schema::InvoiceLine sample_invoice_line(const std::string& id);
schema::InvalidRecord sample_invalid(const std::string& source, const std::string& object, const std::string& id);

inline const StreamKey kOrders{"salesforce", "orders"};
inline const StreamKey kInvoices{"erp", "invoices"};

}  // namespace o2c::store::testing
