#include "store/migrations.h"

#include <thread>

#include "core/error.h"
#include "tests/unit/store/store_test_support.h"

namespace o2c::store::testing {
namespace {

using Migrations = StoreTest;

int count_rows(soci::session& s, const std::string& table) {
  int n = -1;
  s << "SELECT COUNT(*) FROM " + table, soci::into(n);
  return n;
}

TEST_P(Migrations, AppliesEveryMigrationToAnEmptyDatabase) {
  auto store = open();
  EXPECT_EQ(store->schema_version(), 0);
  ASSERT_GE(store->latest_version(), 1);
  EXPECT_EQ(store->migrate(), store->latest_version());
  EXPECT_EQ(store->schema_version(), store->latest_version());
  EXPECT_NO_THROW(store->check_schema());
  auto raw = raw_session();
  for (const char* table : {"customers", "orders", "order_lines", "invoices", "invoice_lines", "payments",
                            "invalid_records", "sync_cursors", "sync_runs", "exceptions"})
    EXPECT_EQ(count_rows(*raw, table), 0) << table;
}

TEST_P(Migrations, StatusListsEachMigrationPendingThenApplied) {
  auto store = open();
  auto before = store->migration_status();
  ASSERT_EQ(before.size(), static_cast<std::size_t>(store->latest_version()));
  EXPECT_EQ(before[0].version, 1);
  EXPECT_EQ(before[0].name, "0001_initial");
  for (const auto& m : before) EXPECT_FALSE(m.applied) << m.name;

  store->migrate();
  for (const auto& m : store->migration_status()) {
    EXPECT_TRUE(m.applied) << m.name;
    ASSERT_TRUE(m.applied_at.has_value());
    EXPECT_EQ(*m.applied_at, clock_.now());
  }
}

TEST_P(Migrations, MigratingAgainChangesNothing) {
  auto store = open_migrated();
  const auto status = store->migration_status();
  EXPECT_EQ(store->migrate(), 0);
  EXPECT_EQ(open()->migrate(), 0);
  EXPECT_EQ(store->migration_status().size(), status.size());
  EXPECT_EQ(store->schema_version(), store->latest_version());
}

TEST_P(Migrations, PendingMigrationsAreAConfigErrorNamingTheCommand) {
  auto store = open();
  try {
    store->check_schema();
    FAIL() << "check_schema accepted an empty database";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::config);
    EXPECT_NE(std::string(e.what()).find("o2csync db migrate"), std::string::npos) << e.what();
  }
}

TEST_P(Migrations, RefusesADatabaseNewerThanThisBinary) {
  auto store = open_migrated();
  const int future = store->latest_version() + 1;
  *raw_session() << "INSERT INTO schema_migrations (version, name, applied_at_ms) VALUES (:v, 'from_the_future', 0)",
      soci::use(future);
  EXPECT_EQ(store->schema_version(), future);
  for (auto* action : {+[](Store& s) { s.check_schema(); }, +[](Store& s) { s.migrate(); }}) {
    try {
      action(*store);
      FAIL() << "a newer schema was accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), Error::Kind::store);
      const std::string expected = "database schema version " + std::to_string(future) +
                                   " is newer than this o2csync (knows up to " +
                                   std::to_string(store->latest_version()) + "): upgrade o2csync";
      EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
    }
  }
  const auto status = store->migration_status();
  ASSERT_FALSE(status.empty());
  EXPECT_EQ(status.back().name, "from_the_future");
  EXPECT_TRUE(status.back().applied);
}

TEST_P(Migrations, TwoConnectionsMigratingAtOnceApplyEachMigrationOnce) {
  auto first = open();
  auto second = open();
  int applied_first = -1, applied_second = -1;
  std::exception_ptr error_first, error_second;
  std::thread a([&] {
    try {
      applied_first = first->migrate();
    } catch (...) {
      error_first = std::current_exception();
    }
  });
  std::thread b([&] {
    try {
      applied_second = second->migrate();
    } catch (...) {
      error_second = std::current_exception();
    }
  });
  a.join();
  b.join();
  if (error_first) std::rethrow_exception(error_first);
  if (error_second) std::rethrow_exception(error_second);
  EXPECT_EQ(applied_first + applied_second, first->latest_version());
  EXPECT_EQ(first->schema_version(), first->latest_version());
  EXPECT_EQ(count_rows(*raw_session(), "schema_migrations"), first->latest_version());
  EXPECT_NO_THROW(second->check_schema());
}

TEST_P(Migrations, BothBackendsCarryTheSameNumberedMigrations) {
  const auto mine = embedded_migrations(GetParam());
  const auto other = embedded_migrations(is_sqlite() ? Backend::postgresql : Backend::sqlite);
  ASSERT_FALSE(mine.empty());
  ASSERT_EQ(mine.size(), other.size());
  for (std::size_t i = 0; i < mine.size(); ++i) {
    EXPECT_EQ(mine[i].version, static_cast<int>(i) + 1);
    EXPECT_EQ(mine[i].name, other[i].name);
    EXPECT_NE(mine[i].sql.find("CREATE TABLE"), std::string_view::npos) << mine[i].name;
  }
}

O2C_ON_BOTH_BACKENDS(Migrations);


}  // namespace
}  // namespace o2c::store::testing
