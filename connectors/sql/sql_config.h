// connectors/sql/sql_config.h — settings checked once, defaults filled in
// (internal to the sql module).
#pragma once

#include "connectors/sql/sql.h"

namespace o2c::sql {

constexpr int kMaxBatchSize = 100'000;

// Returns the settings with the name defaulted. Throws one Error(config)
// listing every problem, each naming the setting and the source.
SqlSettings check_settings(SqlSettings settings);

}  // namespace o2c::sql
