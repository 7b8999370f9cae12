// daemon/exit_codes.h — the command-line contract's exit codes (DESIGN.md).
#pragma once

namespace o2c::daemon {

inline constexpr int kExitOk = 0;
inline constexpr int kExitRunErrors = 1;   // the run finished, with errors
inline constexpr int kExitUsage = 2;
inline constexpr int kExitConfig = 78;     // EX_CONFIG

}  // namespace o2c::daemon
