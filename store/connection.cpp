#include "store/connection.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <filesystem>

#include "core/log.h"

namespace o2c::store {

namespace {

// Database messages are often several lines ("ERROR: ...\nDETAIL: ..."): one line for logs.
std::string one_line(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  std::string out;
  for (char c : text) {
    if (c == '\n') {
      out += "; ";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out;
}

void require_sqlite_folder(const StoreLocation& location) {
  if (location.sqlite_path == ":memory:") return;
  const std::filesystem::path folder = std::filesystem::path(location.sqlite_path).parent_path();
  std::error_code ec;
  if (!folder.empty() && !std::filesystem::is_directory(folder, ec))
    fail(Error::Kind::store, "cannot open SQLite database {}: folder {} does not exist (create it first)",
         location.sqlite_path, folder.string());
}

}  // namespace

void rethrow_as_store_error(std::string_view operation) {
  try {
    throw;
  } catch (const Error& e) {
    if (e.kind() == Error::Kind::store || e.kind() == Error::Kind::config) throw;
    throw Error(Error::Kind::store, fmt::format("{} failed: {}", operation, e.what()), e.context());
  } catch (const soci::soci_error& e) {
    throw Error(Error::Kind::store, fmt::format("{} failed: {}", operation, one_line(e.get_error_message())));
  } catch (const std::exception& e) {
    throw Error(Error::Kind::store, fmt::format("{} failed: {}", operation, e.what()));
  }
}

Connection::Connection(const StoreLocation& location) : location_(location) {
  try {
    if (is_sqlite()) {
      require_sqlite_folder(location_);
      session_ = std::make_unique<soci::session>(soci::sqlite3, location_.connect);
      configure_sqlite();
    } else {
      session_ = std::make_unique<soci::session>(soci::postgresql, location_.connect);
      configure_postgresql();
    }
  } catch (const Error&) {
    throw;
  } catch (const soci::soci_error& e) {
    fail(Error::Kind::store, "cannot open the store {}: {}", location_.display, one_line(e.get_error_message()));
  }
  logger("store")->debug("store opened store={}", location_.display);
}

void Connection::configure_sqlite() {
  soci::session& s = *session_;
  s << "PRAGMA busy_timeout = 10000";  // first: switching to WAL may wait for another connection
  std::string journal;
  s << "PRAGMA journal_mode = WAL", soci::into(journal);
  if (journal != "wal" && location_.sqlite_path != ":memory:")
    logger("store")->warn("store journal_mode={} (WAL not available) store={}", journal, location_.display);
  s << "PRAGMA synchronous = NORMAL";
  s << "PRAGMA foreign_keys = ON";
}

void Connection::configure_postgresql() {
  soci::session& s = *session_;
  s << "SET client_min_messages TO warning";  // no NOTICE lines from libpq on stderr
  s << "SET DateStyle TO ISO";                 // DATE columns read back as YYYY-MM-DD
}

void Connection::execute_script(const std::string& script) {
  if (is_sqlite()) {
    auto* backend = static_cast<soci::sqlite3_session_backend*>(session_->get_backend());
    char* error = nullptr;
    if (sqlite_api::sqlite3_exec(backend->conn_, script.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      const std::string message = error ? error : "unknown error";
      sqlite_api::sqlite3_free(error);
      throw soci::soci_error(message);
    }
    return;
  }
  auto* backend = static_cast<soci::postgresql_session_backend*>(session_->get_backend());
  PGresult* result = PQexec(backend->conn_, script.c_str());
  const ExecStatusType status = PQresultStatus(result);
  const std::string message = PQresultErrorMessage(result);
  PQclear(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) throw soci::soci_error(message);
}

WriteTransaction::WriteTransaction(Connection& connection) : connection_(connection) {
  connection_.sql() << (connection_.is_sqlite() ? "BEGIN IMMEDIATE" : "BEGIN");
}

WriteTransaction::~WriteTransaction() {
  if (!open_) return;
  try {
    connection_.sql() << "ROLLBACK";
  } catch (const std::exception& e) {
    logger("store")->error("store rollback failed store={} error={}", connection_.display(), one_line(e.what()));
  }
}

void WriteTransaction::commit() {
  connection_.sql() << "COMMIT";
  open_ = false;
}

}  // namespace o2c::store
