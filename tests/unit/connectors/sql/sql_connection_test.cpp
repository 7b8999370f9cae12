// tests/unit/connectors/sql/sql_connection_test.cpp — the connection string
// as ODBC reads it (braces, case, DSN), psqlODBC's server-side cursor added
// only where it belongs, and every unixODBC / driver failure turned into one
// line that says where to look and never holds the password. (The same
// failures against the real driver manager and server: sql_errors_test.cpp.)
#include "connectors/sql/sql_connection.h"

#include <gtest/gtest.h>

namespace o2c::sql {
namespace {

const ConnectionString kPostgres("Driver={PostgreSQL Unicode};Server=db.example;Port=5432;Database=ebs;"
                                 "Uid=apps_ro;Pwd={p;w}}d=1}");

TEST(SqlConnectionString, ReadsKeysWithoutCaseAndBracedValues) {
  EXPECT_EQ(kPostgres.driver(), "PostgreSQL Unicode");
  EXPECT_EQ(kPostgres.user(), "apps_ro");
  EXPECT_EQ(kPostgres.password(), "p;w}d=1");
  EXPECT_EQ(kPostgres.where(), "db.example:5432/ebs");
  const ConnectionString dsn(" dsn = EBS_PROD ; UID=apps;password=x;");
  EXPECT_EQ(dsn.dsn(), "EBS_PROD");
  EXPECT_EQ(dsn.password(), "x");
  EXPECT_EQ(dsn.where(), "DSN EBS_PROD");
  EXPECT_EQ(ConnectionString("").driver(), "");
  EXPECT_EQ(ConnectionString("garbage;Driver=X").driver(), "X");
}

TEST(SqlConnectionString, PsqlodbcGetsAServerSideCursorAndBooleansUnlessItSaysOtherwise) {
  EXPECT_EQ(ConnectionString("Driver=PostgreSQL Unicode;Server=h").with_driver_options(500),
            "Driver=PostgreSQL Unicode;Server=h;UseDeclareFetch=1;Fetch=500;BoolsAsChar=0");
  EXPECT_EQ(ConnectionString("Driver=/usr/lib/x86_64-linux-gnu/odbc/psqlodbcw.so;").with_driver_options(7),
            "Driver=/usr/lib/x86_64-linux-gnu/odbc/psqlodbcw.so;UseDeclareFetch=1;Fetch=7;BoolsAsChar=0");
  EXPECT_EQ(ConnectionString("Driver=PostgreSQL ANSI;Fetch=50").with_driver_options(7),
            "Driver=PostgreSQL ANSI;Fetch=50;UseDeclareFetch=1;BoolsAsChar=0");
  EXPECT_EQ(ConnectionString("Driver=PostgreSQL Unicode;usedeclarefetch=0;BoolsAsChar=1").with_driver_options(7),
            "Driver=PostgreSQL Unicode;usedeclarefetch=0;BoolsAsChar=1");
  EXPECT_EQ(ConnectionString("Driver=Oracle 19 ODBC driver;Dbq=EBS").with_driver_options(7),
            "Driver=Oracle 19 ODBC driver;Dbq=EBS");
}

TEST(SqlConnectionString, RedactsThePasswordEverywhere) {
  EXPECT_EQ(kPostgres.redact("login p;w}d=1 failed, p;w}d=1"), "login *** failed, ***");
  EXPECT_EQ(ConnectionString("Driver=X").redact("nothing to hide"), "nothing to hide");
}

TEST(SqlConnectError, AMissingDriverNamesItAndWhereDriversAreDefined) {
  const ConnectionString c("Driver=Oracle 19 ODBC driver;Dbq=EBS;Uid=apps;Pwd=s3cret");
  const Error e = connect_error("ebs", c, {"01000", "[unixODBC][Driver Manager]Can't open lib 'Oracle 19 ODBC driver' : "
                                                   "file not found"});
  EXPECT_EQ(e.kind(), Error::Kind::config);
  const std::string m = e.what();
  EXPECT_EQ(m.rfind("sql source ebs: the ODBC driver 'Oracle 19 ODBC driver'", 0), 0u) << m;
  EXPECT_NE(m.find("/etc/odbcinst.ini"), std::string::npos);
  EXPECT_NE(m.find("odbcinst -q -d"), std::string::npos);
  EXPECT_EQ(e.context().source, "ebs");
}

TEST(SqlConnectError, AnUndefinedDataSourceNamesItAndOdbcIni) {
  const ConnectionString c("DSN=EBS_PROD;Pwd=s3cret");
  const std::string m = connect_error("ebs", c, {"IM002", "[unixODBC][Driver Manager]Data source name not found and no "
                                                          "default driver specified"}).what();
  EXPECT_NE(m.find("'EBS_PROD' is not defined"), std::string::npos) << m;
  EXPECT_NE(m.find("/etc/odbc.ini"), std::string::npos);
}

TEST(SqlConnectError, RefusedCredentialsAreConfigAndNeverShowThePassword) {
  const ConnectionString c("Driver=PostgreSQL Unicode;Server=db;Port=5432;Database=ebs;Uid=apps_ro;Pwd=s3cret");
  const Error e = connect_error("ebs", c, {"08001", "connection to server at \"db\", port 5432 failed: FATAL:  password "
                                                   "authentication failed for user \"apps_ro\" (tried s3cret)"});
  EXPECT_EQ(e.kind(), Error::Kind::config);
  const std::string m = e.what();
  EXPECT_NE(m.find("the database at db:5432/ebs refused the login of user 'apps_ro'"), std::string::npos) << m;
  EXPECT_EQ(m.find("s3cret"), std::string::npos) << m;
  EXPECT_NE(m.find("(tried ***)"), std::string::npos) << m;
  EXPECT_EQ(connect_error("ebs", c, {"28000", "[Oracle][ODBC][Ora]ORA-01017: invalid username/password; logon denied"})
                .kind(),
            Error::Kind::config);
}

TEST(SqlConnectError, AnUnreachableServerIsTransientAndAMissingDatabaseIsConfig) {
  const ConnectionString c("Driver=PostgreSQL Unicode;Server=db;Port=5432;Database=ebs;Pwd=x");
  const Error down = connect_error("ebs", c, {"08001", "connection to server at \"db\", port 5432 failed: Connection "
                                                      "refused"});
  EXPECT_EQ(down.kind(), Error::Kind::transient);
  EXPECT_NE(std::string(down.what()).find("sql source ebs: cannot connect to the database at db:5432/ebs"),
            std::string::npos);
  EXPECT_EQ(connect_error("ebs", c, {"08001", "FATAL:  database \"ebs\" does not exist"}).kind(), Error::Kind::config);
}

TEST(SqlQueryError, TheQuerysFaultIsConfigAndLostConnectionsAreTransient) {
  const ConnectionString c("Driver=X;Pwd=hunter2");
  const Error bad = query_error("ebs", "RA_CUSTOMER_TRX_ALL", c,
                                {"42703", "ERROR: column \"trx_numbr\" does not exist (hunter2)"});
  EXPECT_EQ(bad.kind(), Error::Kind::config);
  const std::string m = bad.what();
  EXPECT_NE(m.find("the query of the mapping for object RA_CUSTOMER_TRX_ALL failed"), std::string::npos) << m;
  EXPECT_NE(m.find("column \"trx_numbr\" does not exist"), std::string::npos);
  EXPECT_NE(m.find("SQLSTATE 42703"), std::string::npos);
  EXPECT_EQ(m.find("hunter2"), std::string::npos);
  EXPECT_EQ(bad.context().object, "RA_CUSTOMER_TRX_ALL");
  EXPECT_EQ(query_error("ebs", "T", c, {"08S01", "Communication link failure"}).kind(), Error::Kind::transient);
  EXPECT_EQ(query_error("ebs", "T", c, {"40P01", "deadlock detected"}).kind(), Error::Kind::transient);
  EXPECT_EQ(query_error("ebs", "T", c, {"HY000", "ORA-01555: snapshot too old"}).kind(), Error::Kind::transient);
}

TEST(SqlOdbc, DriverMessagesBecomeOneLine) {
  EXPECT_EQ(one_line("ERROR: column \"x\" does not exist;\nNo query has been executed with that handle"),
            "ERROR: column \"x\" does not exist");
  EXPECT_EQ(one_line("connection failed: Connection refused\n\tIs the server running?\n"),
            "connection failed: Connection refused; Is the server running?");
}

TEST(SqlOdbc, Utf16ToUtf8) {
  EXPECT_EQ(utf8_of(u"Zürich – 東京 😀"), "Zürich – 東京 😀");
  EXPECT_EQ(utf8_of(std::u16string(1, u'\xD800')), std::nullopt);  // an unpaired surrogate
}

}  // namespace
}  // namespace o2c::sql
