// connectors/sql/sql_odbc.cpp — ODBC diagnostics and UTF-16 text.
#include "connectors/sql/sql_odbc.h"

#include <sqlext.h>
#include <sqlucode.h>

#include <vector>

#include <boost/locale/encoding_utf.hpp>
#include <fmt/format.h>
#include <soci/odbc/soci-odbc.h>

namespace o2c::sql {

static_assert(sizeof(SQLWCHAR) == sizeof(char16_t), "unixODBC's SQLWCHAR is UTF-16");

Diagnostic read_diagnostic(SQLSMALLINT handle_type, SQLHANDLE handle) {
  if (handle == SQL_NULL_HANDLE) return {};
  SQLWCHAR state[SQL_SQLSTATE_SIZE + 1] = {};
  SQLINTEGER native = 0;
  SQLSMALLINT length = 0;
  std::vector<SQLWCHAR> text(1024);
  SQLRETURN rc = SQLGetDiagRecW(handle_type, handle, 1, state, &native, text.data(),
                                static_cast<SQLSMALLINT>(text.size()), &length);
  if (rc == SQL_SUCCESS_WITH_INFO && length >= static_cast<SQLSMALLINT>(text.size())) {  // longer than the buffer
    text.resize(static_cast<std::size_t>(length) + 1);
    rc = SQLGetDiagRecW(handle_type, handle, 1, state, &native, text.data(), static_cast<SQLSMALLINT>(text.size()),
                        &length);
  }
  if (!SQL_SUCCEEDED(rc)) return {};
  const auto as_utf8 = [](const SQLWCHAR* data, std::size_t size) {
    std::u16string_view view(reinterpret_cast<const char16_t*>(data), size);
    return utf8_of(view).value_or("(message not valid UTF-16)");
  };
  std::size_t state_size = 0;
  while (state_size < SQL_SQLSTATE_SIZE && state[state_size] != 0) ++state_size;
  const std::size_t text_size = std::min(static_cast<std::size_t>(std::max<SQLSMALLINT>(length, 0)), text.size() - 1);
  return {as_utf8(state, state_size), one_line(as_utf8(text.data(), text_size))};
}

void check_statement(SQLRETURN rc, SQLHSTMT statement) {
  if (SQL_SUCCEEDED(rc)) return;
  Diagnostic d = read_diagnostic(SQL_HANDLE_STMT, statement);
  if (d.message.empty()) d.message = fmt::format("ODBC call failed (return code {})", rc);
  throw OdbcFailure(std::move(d));
}

Diagnostic diagnostic_of(const soci::soci_error& error) {
  if (const auto* odbc = dynamic_cast<const soci::odbc_soci_error*>(&error))
    return {reinterpret_cast<const char*>(odbc->odbc_error_code()),
            one_line(reinterpret_cast<const char*>(odbc->odbc_error_message()))};
  return {"", one_line(error.get_error_message())};
}

std::string one_line(std::string_view message) {
  constexpr std::string_view kNoQuery = "No query has been executed with that handle";
  std::string out;
  while (!message.empty()) {
    const auto end = message.find('\n');
    std::string_view line = message.substr(0, end);
    message = end == std::string_view::npos ? std::string_view{} : message.substr(end + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t' || line.back() == ';'))
      line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty() || line == kNoQuery) continue;
    if (!out.empty()) out += "; ";
    out += line;
  }
  return out;
}

std::optional<std::string> utf8_of(std::u16string_view text) {
  try {
    return boost::locale::conv::utf_to_utf<char>(text.data(), text.data() + text.size(), boost::locale::conv::stop);
  } catch (const boost::locale::conv::conversion_error&) {
    return std::nullopt;
  }
}

}  // namespace o2c::sql
