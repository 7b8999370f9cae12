// store/exception_table.h — the `exceptions` table: the lifecycle of
// reconciliation exceptions across runs (open → acknowledged → resolved →
// reopened), their reads and acknowledgements. See Store for the contract.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "schema/exception_item.h"
#include "store/connection.h"
#include "store/store.h"

namespace o2c::store {

// Callers hold the transaction for sync_exceptions and acknowledge_exception.
ExceptionSyncResult sync_exception_table(Connection& connection, std::span<const schema::ExceptionItem> current,
                                         Timestamp now);
std::vector<schema::StoredException> read_exceptions(Connection& connection, const ExceptionFilter& filter);
bool acknowledge_exception(Connection& connection, const std::string& id_or_prefix, const std::string& note,
                           Timestamp now);

// Shortest prefix acknowledge() accepts.
inline constexpr std::size_t kMinIdPrefix = 6;

}  // namespace o2c::store
