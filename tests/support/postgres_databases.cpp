// tests/support/postgres_databases.cpp — the shared server of a test process
// and fresh databases on it (see postgres_server.h).
#include <unistd.h>

#include <atomic>
#include <mutex>

#include "tests/support/postgres_server.h"

#ifndef O2C_PG_FIXTURE_DIR
#error "O2C_PG_FIXTURE_DIR must name the ctest fixture's state directory (tests/support/CMakeLists.txt)"
#endif

namespace o2c::testing {

namespace {

// The fixture's server when ctest started one and it still answers.
std::unique_ptr<PostgresServer> fixture_server() {
  auto server = PostgresServer::from_state(O2C_PG_FIXTURE_DIR);
  if (server && server->is_up()) return server;
  return nullptr;
}

std::string database_name(std::string_view name) {
  static std::atomic<int> counter{0};
  std::string out;
  for (char c : name.substr(0, 40)) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    out += keep ? c : (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : '_';
  }
  if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out.insert(0, "db_");
  return out + "_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
}

}  // namespace

PostgresServer& shared_postgres_server() {
  static std::mutex mutex;
  static std::unique_ptr<PostgresServer> server;  // own server: stopped when the process exits
  const std::lock_guard lock(mutex);
  if (!server) server = fixture_server();
  if (!server) server = PostgresServer::start();
  return *server;
}

std::string new_database_url(std::string_view name) {
  return shared_postgres_server().create_database(database_name(name));
}

TestDatabase::TestDatabase(std::string_view name)
    : name_(database_name(name)), url_(shared_postgres_server().create_database(name_)) {}

TestDatabase::~TestDatabase() { shared_postgres_server().drop_database(name_); }

}  // namespace o2c::testing
