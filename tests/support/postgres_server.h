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

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace o2c::testing {

class PostgresServer {
 public:
  // initdb + pg_ctl start on a free port. Throws std::runtime_error saying what
  // is missing or what the server log says.
  static std::unique_ptr<PostgresServer> start();
  // The server the ctest fixture recorded in `state_dir` (see write_state), or
  // nullptr when none is recorded. The object does not own it: call stop() to stop it.
  static std::unique_ptr<PostgresServer> from_state(const std::filesystem::path& state_dir);

  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;
  ~PostgresServer();  // stops the server unless released

  int port() const { return port_; }
  const std::filesystem::path& directory() const { return directory_; }
  // pg_ctl stop -m fast, then removes the directory. Idempotent.
  void stop();
  // Records port and directory in `state_dir` for other processes, and leaves
  // the server running when this object goes away (the fixture's start).
  void write_state_and_release(const std::filesystem::path& state_dir);
  // Removes what write_state_and_release recorded.
  static void forget_state(const std::filesystem::path& state_dir);
  // True when the server accepts connections.
  bool is_up() const;
  // "postgresql://postgres@127.0.0.1:PORT/<database>"
  std::string url(std::string_view database) const;
  // Creates an empty database (UTF8) and returns its URL.
  std::string create_database(std::string_view database) const;
  // DROP DATABASE ... WITH (FORCE); errors are reported on stderr, never thrown.
  void drop_database(std::string_view database) const noexcept;

 private:
  PostgresServer(std::filesystem::path directory, int port) : directory_(std::move(directory)), port_(port) {}

  std::filesystem::path directory_;  // holds data/, server.log and the unix socket
  int port_;
  bool stopped_ = false;
  bool released_ = false;
};

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
