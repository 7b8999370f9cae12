// tests/support/postgres_server.h — a real PostgreSQL server for tests.
//
// PostgresServer runs Debian's own binaries (/usr/lib/postgresql/<newest>/bin)
// on a throwaway cluster in a temp dir: trust auth on loopback only, listening
// on 127.0.0.1 and a unix socket inside the temp dir, fsync off. As root, the
// binaries run as the `postgres` user (initdb refuses root).
//
// Tests ask for databases, not servers: new_database_url() / TestDatabase give
// a fresh empty database on the shared server of the current test run. Under
// ctest that server is started once by the `postgres` fixture (the
// o2c_pg_fixture executable, see tests/support/CMakeLists.txt and
// o2c_requires_postgres()); run by hand, the first call starts a server for
// this process and stops it when the process exits.
#pragma once

#include "sim/pgcluster/postgres_cluster.h"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace o2c::testing {

// The cluster class lives with the simulator (it serves the EBS tables too).
using PostgresServer = o2c::pg::PostgresCluster;


// The server this test process uses: the ctest fixture's when it is running,
// else one started on first use and stopped at exit.
PostgresServer& shared_postgres_server();

// A fresh empty database on the shared server; `name` (any text) makes the
// database name readable: <name>_<pid>_<n>. The database lives as long as the server.
std::string new_database_url(std::string_view name);

// A fresh empty database that is dropped when this object goes away (close
// your connections first; the drop forces out any left).
class TestDatabase {
 public:
  explicit TestDatabase(std::string_view name);
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;
  ~TestDatabase();
  const std::string& url() const { return url_; }
  const std::string& name() const { return name_; }

 private:
  std::string name_;
  std::string url_;
};

}  // namespace o2c::testing
