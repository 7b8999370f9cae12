// store/store_url.h — store URLs (the `store:` setting) → what a SOCI session
// needs. Never lets a password through: PostgreSQL passwords come from
// PGPASSWORD or ~/.pgpass, read by libpq itself.
#pragma once

#include <string>
#include <string_view>

namespace o2c::store {

enum class Backend { sqlite, postgresql };

struct StoreLocation {
  Backend backend = Backend::sqlite;
  std::string connect;      // SOCI connection string
  std::string sqlite_path;  // SQLite: the database file, or ":memory:"
  std::string display;      // the URL as given, for messages and logs (holds no password)
};

// "sqlite:///abs/path.db", "sqlite://relative.db", "sqlite::memory:",
// "postgresql://user@host:port/dbname[?sslmode=...]" ("postgres://" too).
// Throws Error(config) naming the URL (a password, if any, shown as ***).
StoreLocation parse_store_url(const std::string& url);

// "postgresql://u:secret@h/db" → "postgresql://u:***@h/db"; other text unchanged.
std::string redact_url(std::string_view url);

}  // namespace o2c::store
