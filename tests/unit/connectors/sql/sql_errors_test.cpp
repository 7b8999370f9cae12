// tests/unit/connectors/sql/sql_errors_test.cpp — failures through the real
// unixODBC driver manager, psqlODBC and PostgreSQL: a driver or data source
// that does not exist, a refused password (on a server of its own that asks
// for one), an unreachable server, a query the database rejects, a failure
// while reading ahead, and the queries the keyset contract refuses — each one
// line naming the source and the mapping, never the password, and never
// after running a statement that is not a SELECT.
#include <fstream>
#include <thread>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include "connectors/sql/sql.h"
#include "tests/unit/connectors/sql/sql_test_support.h"

namespace o2c::sql {
namespace {

using connectors::Cursor;
using connectors::SyncMode;
using testing::error_of;
using testing::read_all;
using testing::records_of;
using testing::sql_query;
using testing::SqlDatabase;

constexpr const char* kInvoices =
    "SELECT id, trx_number, last_update_date FROM invoices "
    "WHERE last_update_date >= :cursor AND id > :last_id ORDER BY id";

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

class SqlErrorsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_.exec("CREATE TABLE invoices (id numeric(15) PRIMARY KEY, trx_number varchar(20), amount numeric, "
             "last_update_date timestamp NOT NULL)");
    db_.exec("INSERT INTO invoices SELECT g, 'INV' || g, g, timestamp '2026-11-24 10:00:00' FROM generate_series(1, 9) g");
  }

  // The Error the first page of `query` throws with `settings`.
  Error first_page_error(const SqlSettings& settings, const connectors::QuerySpec& query) {
    return error_of([&] {
      auto stream = make_sql_source(settings, clock_)->open(query, Cursor{}, SyncMode::incremental);
      read_all(*stream);
    });
  }
  Error query_failure(const std::string& sql, const std::string& id = "id", const std::string& cursor = "last_update_date") {
    return first_page_error(db_.settings(), sql_query(sql, "INVOICES", id, cursor));
  }
  SqlSettings with_connection(const std::string& connection) const {
    SqlSettings s = db_.settings();
    s.connection = Secret(connection);
    return s;
  }

  FixedClock clock_{parse_timestamp("2026-11-24T12:00:00Z")};
  SqlDatabase db_{"sql_errors"};
};

TEST_F(SqlErrorsTest, AMissingDriverNamesItAndHowToListTheInstalledOnes) {
  const Error e = first_page_error(
      with_connection("Driver=O2C Missing Driver 9;Server=127.0.0.1;Database=ebs;Uid=apps;Pwd=s3cret-pw"),
      sql_query(kInvoices));
  EXPECT_EQ(e.kind(), Error::Kind::config);
  const std::string m = e.what();
  EXPECT_TRUE(contains(m, "sql source ebs: the ODBC driver 'O2C Missing Driver 9' named in the connection string "
                          "cannot be loaded")) << m;
  EXPECT_TRUE(contains(m, "Can't open lib")) << m;
  EXPECT_TRUE(contains(m, "/etc/odbcinst.ini") && contains(m, "odbcinst -q -d")) << m;
  EXPECT_FALSE(contains(m, "s3cret-pw")) << m;
  EXPECT_EQ(e.context().source, "ebs");
  EXPECT_EQ(e.context().object, "INVOICES");
}

TEST_F(SqlErrorsTest, AnUndefinedDataSourceNamesIt) {
  const Error e = first_page_error(with_connection("DSN=o2c_no_such_dsn;Pwd=s3cret-pw"), sql_query(kInvoices));
  EXPECT_EQ(e.kind(), Error::Kind::config);
  EXPECT_TRUE(contains(e.what(), "the ODBC data source 'o2c_no_such_dsn' is not defined")) << e.what();
  EXPECT_TRUE(contains(e.what(), "/etc/odbc.ini")) << e.what();
}

TEST_F(SqlErrorsTest, AnUnreachableServerIsTransientAndOneLine) {
  const Error e = first_page_error(
      with_connection("Driver=PostgreSQL Unicode;Server=127.0.0.1;Port=1;Database=ebs;Uid=apps;Pwd=s3cret-pw"),
      sql_query(kInvoices));
  EXPECT_EQ(e.kind(), Error::Kind::transient);
  const std::string m = e.what();
  EXPECT_TRUE(contains(m, "sql source ebs: cannot connect to the database at 127.0.0.1:1/ebs")) << m;
  EXPECT_FALSE(contains(m, "\n")) << m;
  EXPECT_FALSE(contains(m, "s3cret-pw")) << m;
}

// A server of its own that asks every user but postgres for a password.
class PasswordServer {
 public:
  PasswordServer() : server_(o2c::testing::PostgresServer::start()) {
    std::ofstream(server_->directory() / "data" / "pg_hba.conf", std::ios::trunc)
        << "local all all trust\nhost all postgres 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n";
    soci::session admin(soci::postgresql, testing::libpq_connection(server_->url("postgres")));
    admin << "CREATE ROLE apps_ro LOGIN PASSWORD 'right-password'";
    int reloaded = 0;
    admin << "SELECT CAST(pg_reload_conf() AS integer)", soci::into(reloaded);
    // The postmaster rereads pg_hba.conf on its own time: wait until a wrong password is refused.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (accepts("not-the-password") && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
  }
  std::string connection(const std::string& password) const {
    return fmt::format("Driver=PostgreSQL Unicode;Server=127.0.0.1;Port={};Database=postgres;Uid=apps_ro;Pwd={}",
                       server_->port(), password);
  }

 private:
  bool accepts(const std::string& password) const {
    try {
      soci::session probe(soci::postgresql, fmt::format("host=127.0.0.1 port={} dbname=postgres user=apps_ro "
                                                        "password={}", server_->port(), password));
      return true;
    } catch (const soci::soci_error&) {
      return false;
    }
  }
  std::unique_ptr<o2c::testing::PostgresServer> server_;
};

TEST_F(SqlErrorsTest, AWrongPasswordIsOneLineWithoutThePassword) {
  const PasswordServer server;
  const auto probe = sql_query("SELECT CAST(1 AS bigint) AS id, CAST(now() AS timestamp) AS last_update_date "
                               "WHERE CAST(now() AS timestamp) >= :cursor AND CAST(1 AS bigint) > :last_id");
  const Error e = first_page_error(with_connection(server.connection("Wr0ng-p4ss")), probe);
  EXPECT_EQ(e.kind(), Error::Kind::config);
  const std::string m = e.what();
  EXPECT_TRUE(contains(m, "sql source ebs: the database at 127.0.0.1:")) << m;
  EXPECT_TRUE(contains(m, "refused the login of user 'apps_ro'")) << m;
  EXPECT_TRUE(contains(m, "password authentication failed")) << m;
  EXPECT_FALSE(contains(m, "Wr0ng-p4ss")) << m;
  EXPECT_FALSE(contains(m, "\n")) << m;
  // The right one works: the refusal was the password's.
  auto stream = make_sql_source(with_connection(server.connection("right-password")), clock_)
                    ->open(probe, Cursor{}, SyncMode::incremental);
  EXPECT_EQ(records_of(read_all(*stream)).size(), 1u);
}

TEST_F(SqlErrorsTest, ARejectedQueryQuotesTheDatabaseAndNamesTheMapping) {
  const Error e = query_failure("SELECT id, trx_numbr, last_update_date FROM invoices "
                                "WHERE last_update_date >= :cursor AND id > :last_id ORDER BY id");
  EXPECT_EQ(e.kind(), Error::Kind::config);
  const std::string m = e.what();
  EXPECT_TRUE(contains(m, "sql source ebs: the query of the mapping for object INVOICES failed")) << m;
  EXPECT_TRUE(contains(m, "column \"trx_numbr\" does not exist")) << m;
  EXPECT_TRUE(contains(m, "SQLSTATE 42703")) << m;
  EXPECT_FALSE(contains(m, "No query has been executed")) << m;
  EXPECT_FALSE(contains(m, "unused-secret")) << m;
}

TEST_F(SqlErrorsTest, AFailureWhileReadingAheadKeepsThePageAlreadyRead) {
  SqlSettings settings = db_.settings(4);
  auto stream = make_sql_source(settings, clock_)->open(
      sql_query("SELECT id, 100 / (id - 6) AS ratio, last_update_date FROM invoices "
                "WHERE last_update_date >= :cursor AND id > :last_id ORDER BY id"),
      Cursor{}, SyncMode::incremental);
  const auto first = stream->next();  // rows 1-4; row 5 is read ahead
  ASSERT_TRUE(first);
  EXPECT_EQ(first->records.size(), 4u);
  const Error e = error_of([&] {
    while (stream->next()) {
    }
  });
  EXPECT_EQ(e.kind(), Error::Kind::config);
  EXPECT_TRUE(contains(e.what(), "division by zero")) << e.what();
  EXPECT_FALSE(stream->next());  // the stream is over
}

TEST_F(SqlErrorsTest, AConnectionLostInThePassIsTransient) {
  auto stream = make_sql_source(db_.settings(2), clock_)->open(sql_query(kInvoices), Cursor{}, SyncMode::incremental);
  ASSERT_TRUE(stream->next());  // rows 1-2, and 3-4 in psqlODBC's cursor cache (Fetch=2)
  db_.exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
           "WHERE datname = current_database() AND pid <> pg_backend_pid()");
  const auto cached = stream->next();  // rows 3-4; reading row 5 ahead fails, which the next call reports
  ASSERT_TRUE(cached);
  EXPECT_EQ(cached->records.size(), 2u);
  EXPECT_FALSE(cached->last);
  const Error e = error_of([&] { stream->next(); });
  EXPECT_EQ(e.kind(), Error::Kind::transient) << e.what();
  EXPECT_TRUE(contains(e.what(), "sql source ebs: INVOICES: the database failed while reading")) << e.what();
  EXPECT_FALSE(contains(e.what(), "unused-secret"));
  EXPECT_FALSE(stream->next());
}

TEST_F(SqlErrorsTest, RowsOutOfIdOrderOrRepeatedAreRefused) {
  const std::string unordered = query_failure("SELECT id, last_update_date FROM invoices "
                                              "WHERE last_update_date >= :cursor AND id > :last_id ORDER BY id DESC")
                                    .what();
  EXPECT_TRUE(contains(unordered, "id 8 came after id 9: the query must ORDER BY id (ascending)")) << unordered;
  const std::string repeated =
      query_failure("SELECT i.id, i.last_update_date FROM invoices i JOIN invoices j ON j.id <= 2 "
                    "WHERE i.last_update_date >= :cursor AND i.id > :last_id ORDER BY i.id")
          .what();
  EXPECT_TRUE(contains(repeated, "id 1 came after id 1")) << repeated;
}

TEST_F(SqlErrorsTest, TheResultMustHoldAnIntegerIdAndATimestampCursor) {
  EXPECT_TRUE(contains(query_failure(kInvoices, "invoice_id").what(),
                       "the query returns no column invoice_id (the mapping's id: key); its columns: id, "
                       "trx_number, last_update_date"));
  EXPECT_TRUE(contains(query_failure(kInvoices, "id", "t.last_updat_date").what(),
                       "no column last_updat_date (the mapping's cursor: key); did you mean 'last_update_date'?"));
  EXPECT_TRUE(contains(query_failure(kInvoices, "id", "trx_number").what(),
                       "the cursor column trx_number is a text column; it must be a DATE or TIMESTAMP"));
  EXPECT_TRUE(contains(query_failure(kInvoices, "last_update_date").what(),
                       "the id column last_update_date is a timestamp column"));
  EXPECT_TRUE(contains(query_failure("SELECT trx_number AS id, last_update_date FROM invoices "
                                     "WHERE last_update_date >= :cursor AND id > :last_id ORDER BY id")
                           .what(),
                       "the id column id holds 'INV1', not an integer"));
  EXPECT_TRUE(contains(query_failure("SELECT id, id AS ID, last_update_date FROM invoices "
                                     "WHERE last_update_date >= :cursor AND id > :last_id ORDER BY id")
                           .what(),
                       "the query returns two columns named id"));
}

TEST_F(SqlErrorsTest, AStatementThatIsNoSelectIsNeverRun) {
  const Error e = query_failure("UPDATE invoices SET trx_number = 'gone' WHERE last_update_date >= :cursor "
                                "AND id > :last_id");
  EXPECT_EQ(e.kind(), Error::Kind::config);
  EXPECT_TRUE(contains(e.what(), "the query returns no columns")) << e.what();
  auto stream = make_sql_source(db_.settings(), clock_)->open(
      sql_query("SELECT id, trx_number, last_update_date FROM invoices WHERE trx_number = 'gone' "
                "AND last_update_date >= :cursor AND id > :last_id"),
      Cursor{}, SyncMode::incremental);
  EXPECT_TRUE(records_of(read_all(*stream)).empty());
}

TEST_F(SqlErrorsTest, BadQueriesAndSettingsAreRefusedBeforeConnecting) {
  const auto source = make_sql_source(with_connection("Driver=O2C Missing Driver 9"), clock_);
  const Error cast = error_of([&] {
    source->open(sql_query("SELECT id::text FROM t WHERE lud >= :cursor AND id > :last_id"), Cursor{},
                 SyncMode::incremental);
  });
  EXPECT_EQ(cast.kind(), Error::Kind::config);
  EXPECT_TRUE(contains(cast.what(), "sql source ebs: mapping for object INVOICES: query: PostgreSQL's x::type cast"))
      << cast.what();
  auto with_where = sql_query(kInvoices);
  with_where.where = "org_id = 204";
  EXPECT_TRUE(contains(error_of([&] { source->open(with_where, Cursor{}, SyncMode::incremental); }).what(),
                       "where: is not used by SQL mappings"));
  const Cursor foreign{std::nullopt, "0014x00000AbCdEAAZ", std::nullopt, std::nullopt};
  EXPECT_TRUE(contains(error_of([&] { source->open(sql_query(kInvoices), foreign, SyncMode::incremental); }).what(),
                       "is not an integer key"));

  SqlSettings bad;
  bad.name = "ebs";
  bad.batch_size = 0;
  bad.timezone = "Nowhere/Special";
  const std::string m = error_of([&] { make_sql_source(bad, clock_); }).what();
  EXPECT_TRUE(contains(m, "sql source ebs: connection: missing")) << m;
  EXPECT_TRUE(contains(m, "sql source ebs: page_size: 0 is outside 1..100000")) << m;
  EXPECT_TRUE(contains(m, "sql source ebs: timezone: unknown time zone 'Nowhere/Special'")) << m;
  bad = with_connection("Server=db;Pwd=x");
  EXPECT_TRUE(contains(error_of([&] { make_sql_source(bad, clock_); }).what(), "names neither Driver= nor DSN="));
}

}  // namespace
}  // namespace o2c::sql
