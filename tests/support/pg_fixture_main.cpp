// tests/support/pg_fixture_main.cpp — `o2c_pg_fixture start|stop STATE_DIR`:
// the ctest fixture (FIXTURES_SETUP/CLEANUP postgres) that shares one
// PostgreSQL server between all the test processes of a ctest run. `start`
// records the server in STATE_DIR/server.txt, where new_database_url() finds
// it; `stop` stops it and removes its directory.
#include <iostream>
#include <string>

#include "tests/support/postgres_server.h"

namespace {

using o2c::testing::PostgresServer;

// Stops the server recorded in state_dir, if any (also a stale one left by an aborted run).
void stop_recorded(const std::filesystem::path& state_dir) {
  if (auto server = PostgresServer::from_state(state_dir)) {
    std::cout << "o2c_pg_fixture: stopping the server on 127.0.0.1:" << server->port() << " ("
              << server->directory().string() << ")\n";
    server->stop();
  }
  PostgresServer::forget_state(state_dir);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string command = argc == 3 ? argv[1] : "";
  if (command != "start" && command != "stop") {
    std::cerr << "usage: o2c_pg_fixture start|stop STATE_DIR\n";
    return 2;
  }
  const std::filesystem::path state_dir = argv[2];
  try {
    stop_recorded(state_dir);
    if (command == "start") {
      auto server = PostgresServer::start();
      server->write_state_and_release(state_dir);
      std::cout << "o2c_pg_fixture: PostgreSQL on 127.0.0.1:" << server->port() << " ("
                << server->directory().string() << "), recorded in " << state_dir.string() << "\n";
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "o2c_pg_fixture: " << e.what() << "\n";
    return 1;
  }
}
