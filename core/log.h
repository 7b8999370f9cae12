// core/log.h — logging setup (spdlog) and named loggers: one per component
// ("source.netsuite", "store", "reconcile"), lines of key=value pairs in a
// fixed order (STYLE.md 2.10), to stderr so journald keeps them.
#pragma once

#include <memory>
#include <string>

#include <spdlog/logger.h>

namespace o2c {

enum class LogFormat { text, json };

// Call from main (again to redirect). `level` is spdlog's: trace, debug,
// info, warn, error. Lines go to stderr (journald), or to `file` when given
// (truncated; `o2csync demo` keeps its log beside the report).
void init_logging(LogFormat format, const std::string& level, const std::string& file = "");
// The logger named `name`, created on first use with the configured sinks.
std::shared_ptr<spdlog::logger> logger(const std::string& name);

}  // namespace o2c
