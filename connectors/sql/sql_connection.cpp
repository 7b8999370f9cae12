// connectors/sql/sql_connection.cpp — connection string, connect, and
// driver diagnostics → o2c::Error (password redacted everywhere).
#include "connectors/sql/sql_connection.h"

#include <algorithm>

#include <fmt/format.h>
#include <soci/odbc/soci-odbc.h>
#include <soci/soci.h>

#include "core/text.h"

namespace o2c::sql {
namespace {

bool contains_ci(std::string_view text, std::string_view part) {
  return to_lower_ascii(text).find(to_lower_ascii(part)) != std::string::npos;
}

bool is_auth_failure(const Diagnostic& d) {
  return d.sqlstate.starts_with("28") || contains_ci(d.message, "authentication failed") ||
         contains_ci(d.message, "ORA-01017") || contains_ci(d.message, "login failed") ||
         contains_ci(d.message, "access denied");
}

// Worth retrying later: the connection, not the query, failed.
bool is_transient(const Diagnostic& d) {
  static constexpr std::string_view kStates[] = {"40001", "40P01", "HYT00", "HYT01", "57P01", "57P02", "57P03"};
  static constexpr std::string_view kOracle[] = {"ORA-01555", "ORA-03113", "ORA-03114", "ORA-03135", "ORA-12170",
                                                 "ORA-12541", "ORA-12543"};
  if (d.sqlstate.starts_with("08")) return true;
  if (std::find(std::begin(kStates), std::end(kStates), d.sqlstate) != std::end(kStates)) return true;
  return std::any_of(std::begin(kOracle), std::end(kOracle),
                     [&](std::string_view code) { return d.message.find(code) != std::string::npos; });
}

std::string with_state(const Diagnostic& d) {
  return d.sqlstate.empty() ? d.message : fmt::format("{} (SQLSTATE {})", d.message, d.sqlstate);
}

}  // namespace

ConnectionString::ConnectionString(std::string text) : text_(std::move(text)) {
  std::string_view rest = text_;
  while (!rest.empty()) {
    const auto eq = rest.find('=');
    const auto semi = rest.find(';');
    if (eq == std::string_view::npos || (semi != std::string_view::npos && semi < eq)) {  // "key;" or trailing junk
      if (semi == std::string_view::npos) break;
      rest.remove_prefix(semi + 1);
      continue;
    }
    std::string key = to_upper_ascii(trim(rest.substr(0, eq)));
    rest.remove_prefix(eq + 1);
    std::string value;
    const std::string_view lead = trim(rest);
    if (!lead.empty() && lead.front() == '{') {  // {value; with ;} — "}}" is a literal '}'
      std::size_t i = static_cast<std::size_t>(lead.data() - rest.data()) + 1;
      for (; i < rest.size(); ++i) {
        if (rest[i] != '}') {
          value += rest[i];
        } else if (i + 1 < rest.size() && rest[i + 1] == '}') {
          value += '}';
          ++i;
        } else {
          break;
        }
      }
      rest.remove_prefix(std::min(rest.size(), i + 1));
      const auto next = rest.find(';');
      rest.remove_prefix(next == std::string_view::npos ? rest.size() : next + 1);
    } else {
      const auto end = rest.find(';');
      value = std::string(trim(rest.substr(0, end)));
      rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    }
    if (!key.empty()) pairs_.emplace_back(std::move(key), std::move(value));
  }
}

std::string ConnectionString::value(std::initializer_list<std::string_view> keys) const {
  for (const auto key : keys)
    for (const auto& [k, v] : pairs_)
      if (k == key) return v;
  return {};
}

std::string ConnectionString::where() const {
  if (const std::string dsn = this->dsn(); !dsn.empty() && driver().empty()) return fmt::format("DSN {}", dsn);
  std::string out = value({"SERVER", "SERVERNAME", "HOST", "HOSTNAME"});
  if (const std::string port = value({"PORT"}); !port.empty()) out += ":" + port;
  if (const std::string db = value({"DATABASE", "DB", "DBNAME"}); !db.empty()) out += "/" + db;
  return out;
}

std::string ConnectionString::with_driver_options(int batch_size) const {
  if (!is_psqlodbc_driver(driver())) return text_;
  std::string out = text_;
  const auto add = [&out](std::string_view option) {
    if (!out.empty() && out.back() != ';') out += ';';
    out += option;
  };
  if (value({"USEDECLAREFETCH", "B6"}).empty()) {
    add("UseDeclareFetch=1");
    if (value({"FETCH", "A7"}).empty()) add(fmt::format("Fetch={}", batch_size));
  }
  if (value({"BOOLSASCHAR", "B9"}).empty()) add("BoolsAsChar=0");
  return out;
}

std::string ConnectionString::redact(std::string message) const {
  const std::string secret = password();
  if (secret.empty()) return message;
  for (auto at = message.find(secret); at != std::string::npos; at = message.find(secret, at + 3))
    message.replace(at, secret.size(), "***");
  return message;
}

bool is_psqlodbc_driver(std::string_view driver) {
  return contains_ci(driver, "postgres") || contains_ci(driver, "psqlodbc");
}

std::unique_ptr<soci::session> open_session(const std::string& source, const ConnectionString& connection,
                                            int batch_size) {
  soci::connection_parameters parameters(soci::odbc, connection.with_driver_options(batch_size));
  parameters.set_option(soci::odbc_option_driver_complete, "0");  // SQL_DRIVER_NOPROMPT: a daemon never prompts
  try {
    return std::make_unique<soci::session>(parameters);
  } catch (const soci::soci_error& e) {
    throw connect_error(source, connection, diagnostic_of(e));
  }
}

// Failures are classified by the driver's own words; only what is shown is redacted.
Error connect_error(const std::string& source, const ConnectionString& connection, const Diagnostic& diagnostic) {
  const Diagnostic& raw = diagnostic;
  const Diagnostic d{diagnostic.sqlstate, connection.redact(diagnostic.message)};
  const auto error = [&](Error::Kind kind, const std::string& what) {
    return Error(kind, fmt::format("sql source {}: {}", source, what), ErrorContext::of_source(source));
  };
  const std::string where = connection.where().empty() ? "" : " at " + connection.where();
  if (contains_ci(raw.message, "can't open lib") || raw.sqlstate == "IM003")
    return error(Error::Kind::config,
                 fmt::format("the ODBC driver '{}' named in the connection string cannot be loaded ({}): check that "
                             "it is installed and defined in /etc/odbcinst.ini (`odbcinst -q -d` lists the installed "
                             "drivers)", connection.driver(), d.message));
  if (raw.sqlstate == "IM002") {
    if (!connection.dsn().empty() || connection.driver().empty())
      return error(Error::Kind::config,
                   fmt::format("the ODBC data source '{}' is not defined ({}): check /etc/odbc.ini (`odbcinst -q -s` "
                               "lists the data sources), or name a driver with Driver= (`odbcinst -q -d` lists them)",
                               connection.dsn(), d.message));
    return error(Error::Kind::config,
                 fmt::format("the ODBC driver '{}' is not defined ({}): check /etc/odbcinst.ini (`odbcinst -q -d` "
                             "lists the installed drivers)", connection.driver(), d.message));
  }
  if (is_auth_failure(raw))
    return error(Error::Kind::config,
                 fmt::format("the database{} refused the login of user '{}': {}; check Uid and Pwd in the connection "
                             "string", where, connection.user(), with_state(d)));
  if (raw.sqlstate.starts_with("08") && !contains_ci(raw.message, "does not exist"))
    return error(Error::Kind::transient, fmt::format("cannot connect to the database{}: {}", where, with_state(d)));
  return error(Error::Kind::config, fmt::format("cannot connect to the database{}: {}", where, with_state(d)));
}

Error query_error(const std::string& source, const std::string& object, const ConnectionString& connection,
                  const Diagnostic& diagnostic) {
  Diagnostic d{diagnostic.sqlstate, connection.redact(diagnostic.message)};
  if (d.message.empty()) d.message = "the driver gave no diagnostic";
  ErrorContext context = ErrorContext::of_source(source);
  context.object = object;
  if (is_transient(diagnostic))
    return Error(Error::Kind::transient,
                 fmt::format("sql source {}: {}: the database failed while reading: {}", source, object, with_state(d)),
                 context);
  return Error(Error::Kind::config,
               fmt::format("sql source {}: the query of the mapping for object {} failed: {}; check its query: "
                           "(examples/mappings/README.md, SQL sources)", source, object, with_state(d)),
               context);
}

}  // namespace o2c::sql
