// tests/integration/command_runner.h — runs a real binary (o2csync,
// o2csync-sim) as a child process and captures exit code, stdout, stderr.
#pragma once

#include <string>
#include <vector>

namespace o2c::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

CommandResult run_command(const std::vector<std::string>& argv, const std::vector<std::string>& extra_env = {});

// A child started in the background (output discarded), for crash tests.
class RunningCommand {
 public:
  explicit RunningCommand(const std::vector<std::string>& argv);
  ~RunningCommand();  // kills it if still running
  RunningCommand(const RunningCommand&) = delete;
  RunningCommand& operator=(const RunningCommand&) = delete;
  // SIGKILL, then reap; returns true when it was still running.
  bool kill_now();
  // Waits for it; the exit code (128 + signal when killed).
  int wait();

 private:
  int pid_ = -1;
  bool reaped_ = false;
};
std::string o2csync_binary();   // <build>/daemon/o2csync
std::string sim_binary();       // <build>/sim/o2csync-sim
std::string read_file(const std::string& path);
std::string make_temp_dir(const std::string& prefix);

}  // namespace o2c::testing
