// Store URLs: what is accepted, what is refused (config errors naming the URL,
// never echoing a password), and what fails when opening (store errors).
#include "store/store_url.h"

#include <fstream>

#include "core/error.h"
#include "tests/unit/store/store_test_support.h"

namespace o2c::store::testing {
namespace {

struct BadUrl {
  const char* name;
  const char* url;
  const char* message_part;   // the error says this
};

// Test names show the case's name, never its URL (some hold a fake password).
void PrintTo(const BadUrl& c, std::ostream* out) { *out << c.name; }

class BadUrls : public ::testing::TestWithParam<BadUrl> {};

TEST_P(BadUrls, AreConfigErrorsThatNameTheUrlButNeverThePassword) {
  const BadUrl& c = GetParam();
  try {
    parse_store_url(c.url);
    FAIL() << c.url << " was accepted";
  } catch (const Error& e) {
    const std::string message = e.what();
    EXPECT_EQ(e.kind(), Error::Kind::config) << message;
    EXPECT_NE(message.find(c.message_part), std::string::npos) << message;
    EXPECT_EQ(message.find("s3cret"), std::string::npos) << message;
  }
  EXPECT_THROW(open_store(c.url), Error);
}

INSTANTIATE_TEST_SUITE_P(
    store, BadUrls,
    ::testing::Values(BadUrl{"empty", "", "store URL is empty"},
                      BadUrl{"unknown_scheme", "mysql://o2c@db/o2c", "store URL 'mysql://o2c@db/o2c'"},
                      BadUrl{"sqlite_without_slashes", "sqlite:o2c.db", "malformed SQLite URL"},
                      BadUrl{"sqlite_without_path", "sqlite://", "malformed SQLite URL"},
                      BadUrl{"password_in_userinfo", "postgresql://o2c:s3cret@db/o2c", "PGPASSWORD or ~/.pgpass"},
                      BadUrl{"empty_password", "postgresql://o2c:@db/o2c", "PGPASSWORD"},
                      BadUrl{"password_parameter", "postgresql://o2c@db/o2c?password=s3cret", "PGPASSWORD"},
                      BadUrl{"password_in_bad_ipv6_url", "postgresql://o2c:s3cret@[::1/o2c", "PGPASSWORD"},
                      BadUrl{"bad_port", "postgresql://o2c@db:port/o2c", "'port' is not a port number"},
                      BadUrl{"unknown_parameter", "postgresql://o2c@db/o2c?colour=blue", "invalid URI query parameter"},
                      BadUrl{"unclosed_ipv6", "postgresql://o2c@[::1/o2c", "malformed PostgreSQL URL"}),
    [](const ::testing::TestParamInfo<BadUrl>& info) { return std::string(info.param.name); });

using OpenStore = StoreTest;

TEST_P(OpenStore, GoodUrlsOfEachKindParse) {
  EXPECT_EQ(parse_store_url("sqlite:///var/lib/o2csync/o2csync.db").sqlite_path, "/var/lib/o2csync/o2csync.db");
  EXPECT_EQ(parse_store_url("sqlite://data/o2csync.db").sqlite_path, "data/o2csync.db");
  EXPECT_EQ(parse_store_url("sqlite::memory:").sqlite_path, ":memory:");
  const auto pg = parse_store_url("postgresql://o2c@db.example.com:5433/o2c?sslmode=require");
  EXPECT_EQ(pg.backend, Backend::postgresql);
  for (const char* part : {"host=db.example.com", "port=5433", "dbname=o2c", "user=o2c", "sslmode=require",
                           "connect_timeout=10"})
    EXPECT_NE(pg.connect.find(part), std::string::npos) << pg.connect;
  EXPECT_EQ(redact_url("postgresql://o2c:s3cret@db/o2c"), "postgresql://o2c:***@db/o2c");
}

TEST_P(OpenStore, OpensMigratesAndUsesTheDatabase) {
  auto store = open_migrated();
  store->commit_page(kOrders, std::vector<schema::CanonicalRecord>{sample_order("801")}, {}, "c");
  EXPECT_EQ(open()->orders().size(), 1u);  // another connection sees the commit
}

TEST_P(OpenStore, AMissingFolderOrAnUnreachableServerIsAStoreErrorWithTheReason) {
  TempDir dir;
  const std::string url = is_sqlite() ? "sqlite://" + (dir.path() / "no-such-folder" / "o2csync.db").string()
                                      : "postgresql://o2c@127.0.0.1:1/o2c?connect_timeout=5";
  try {
    open_store(url);
    FAIL() << url << " opened";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::store);
    const std::string expected = is_sqlite() ? "no-such-folder does not exist" : "Connection refused";
    EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
  }
}

TEST_P(OpenStore, SomethingThatIsNotADatabaseIsAStoreError) {
  TempDir dir;
  std::string url;
  if (is_sqlite()) {
    std::ofstream(dir.path() / "notes.db") << "these are not the tables you are looking for\n";
    url = "sqlite://" + (dir.path() / "notes.db").string();
  } else {
    url = this->url().substr(0, this->url().rfind('/') + 1) + "no_such_database";
  }
  try {
    open_store(url)->migrate();
    FAIL() << url << " was used as a database";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::store);
    const std::string expected = is_sqlite() ? "file is not a database" : "\"no_such_database\" does not exist";
    EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
  }
}

TEST_P(OpenStore, AnInMemorySqliteStoreWorks) {
  auto store = open_store("sqlite::memory:", clock_);
  EXPECT_EQ(store->migrate(), store->latest_version());
  store->commit_page(kOrders, std::vector<schema::CanonicalRecord>{sample_order("801")}, {}, "c");
  EXPECT_EQ(store->orders().size(), 1u);
}

O2C_ON_BOTH_BACKENDS(OpenStore);

}  // namespace
}  // namespace o2c::store::testing
