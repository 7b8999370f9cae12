// store/connection.h — one SOCI session with its per-backend settings, the
// few things SOCI 4.0 cannot do (run a multi-statement script), write
// transactions, and the translation of database failures into Error(store).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <soci/soci.h>

#include "core/error.h"
#include "store/store_url.h"

namespace o2c::store {

class Connection {
 public:
  // Opens the database. Throws Error(store) with the reason when it cannot
  // (missing folder, not a database, server unreachable, authentication).
  explicit Connection(const StoreLocation& location);

  Backend backend() const { return location_.backend; }
  bool is_sqlite() const { return location_.backend == Backend::sqlite; }
  const std::string& display() const { return location_.display; }
  soci::session& sql() { return *session_; }

  // Runs a script of several statements (a migration) through the native API.
  void execute_script(const std::string& script);

 private:
  void configure_sqlite();
  void configure_postgresql();

  StoreLocation location_;
  std::unique_ptr<soci::session> session_;
};

// BEGIN (SQLite: BEGIN IMMEDIATE, so that two writers queue on the busy
// timeout instead of failing when a reader upgrades) ... COMMIT; rolled back
// when destroyed uncommitted.
class WriteTransaction {
 public:
  explicit WriteTransaction(Connection& connection);
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  ~WriteTransaction();
  void commit();

 private:
  Connection& connection_;
  bool open_ = true;
};

// Runs `body`, turning any failure other than Error(store|config) into
// Error(store) "<operation> failed: <reason>".
template <typename Body>
auto guarded(std::string_view operation, Body&& body) -> decltype(body());

[[noreturn]] void rethrow_as_store_error(std::string_view operation);

template <typename Body>
auto guarded(std::string_view operation, Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (...) {
    rethrow_as_store_error(operation);
  }
}

}  // namespace o2c::store
