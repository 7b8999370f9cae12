// sim/pgcluster/postgres_cluster.h
// pgcluster — a throwaway PostgreSQL cluster run with Debian's own binaries
// (/usr/lib/postgresql/<newest>/bin): initdb + pg_ctl in a temp dir, trust
// auth on the loopback address and a unix socket inside the dir only, on a
// free 127.0.0.1 port, fsync off. As root the binaries run as the `postgres`
// user (initdb refuses root). o2csync-sim uses it to serve the Oracle E-Business
// Suite tables as a real database; the tests use it for the PostgreSQL store
// and the ODBC path (tests/support/postgres_server.h).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace o2c::pg {

class PostgresCluster {
 public:
  // initdb + pg_ctl start on a free port. Throws o2c::Error(internal) saying what
  // is missing (the postgresql package) or what the server log says.
  static std::unique_ptr<PostgresCluster> start();
  // The server the ctest fixture recorded in `state_dir` (see write_state), or
  // nullptr when none is recorded. The object does not own it: call stop() to stop it.
  static std::unique_ptr<PostgresCluster> from_state(const std::filesystem::path& state_dir);

  PostgresCluster(const PostgresCluster&) = delete;
  PostgresCluster& operator=(const PostgresCluster&) = delete;
  ~PostgresCluster();  // stops the server unless released

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
  PostgresCluster(std::filesystem::path directory, int port) : directory_(std::move(directory)), port_(port) {}

  std::filesystem::path directory_;  // holds data/, server.log and the unix socket
  int port_;
  bool stopped_ = false;
  bool released_ = false;
};

}  // namespace o2c::pg
