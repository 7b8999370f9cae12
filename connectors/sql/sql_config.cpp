// connectors/sql/sql_config.cpp — checks of SqlSettings, all problems at once.
#include "connectors/sql/sql_config.h"

#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "connectors/sql/sql_connection.h"
#include "connectors/sql/sql_timezone.h"
#include "core/error.h"

namespace o2c::sql {

SqlSettings check_settings(SqlSettings s) {
  std::vector<std::string> problems;
  if (s.name.empty()) s.name = "sql";
  if (s.connection.empty()) {
    problems.push_back("connection: missing (an ODBC connection string such as "
                       "Driver=PostgreSQL Unicode;Server=db;Port=5432;Database=ebs;Uid=o2c;Pwd=...)");
  } else {
    const ConnectionString connection(s.connection.reveal());
    if (connection.driver().empty() && connection.dsn().empty())
      problems.push_back("connection: names neither Driver= nor DSN= (e.g. Driver=PostgreSQL Unicode, or a DSN "
                         "of /etc/odbc.ini)");
  }
  if (s.batch_size < 1 || s.batch_size > kMaxBatchSize)
    problems.push_back(fmt::format("page_size: {} is outside 1..{} (rows per page)", s.batch_size, kMaxBatchSize));
  if (s.lookback.count() < 0) problems.push_back("lookback: must not be negative");
  try {
    (void)ServerTimeZone(s.timezone);
  } catch (const Error& e) {
    problems.push_back(e.what());
  }
  if (!problems.empty()) {
    const std::string prefix = fmt::format("sql source {}: ", s.name);
    throw Error(Error::Kind::config, prefix + fmt::format("{}", fmt::join(problems, "\n" + prefix)),
                ErrorContext::of_source(s.name));
  }
  return s;
}

}  // namespace o2c::sql
