// daemon/sim_launcher.h — starts o2csync-sim as a child process for
// `o2csync demo` (and the benchmarks), waits until it listens, stops it.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <sys/types.h>

namespace o2c::daemon {

class SimProcess {
 public:
  // Starts `binary args... --ready-file <dir>/sim-ready.json` and waits (up to
  // `timeout_s`) for the ready file. Throws Error(internal) with the reason.
  SimProcess(const std::filesystem::path& binary, std::vector<std::string> args,
             const std::filesystem::path& work_dir, int timeout_s = 30);
  ~SimProcess();  // SIGTERM, then SIGKILL after 5 s
  SimProcess(const SimProcess&) = delete;
  SimProcess& operator=(const SimProcess&) = delete;

  const std::string& ready_json() const { return ready_json_; }
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  std::string ready_json_;
};

// The o2csync-sim binary installed beside the running executable.
std::filesystem::path sibling_binary(const std::string& name);

}  // namespace o2c::daemon
