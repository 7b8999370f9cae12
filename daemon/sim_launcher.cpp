#include "daemon/sim_launcher.h"

#include <chrono>
#include <csignal>
#include <fstream>
#include <sstream>
#include <thread>

#include <cstring>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/error.h"

extern char** environ;

namespace o2c::daemon {

namespace fs = std::filesystem;

fs::path sibling_binary(const std::string& name) {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (const fs::path& candidate : {self.parent_path() / name, self.parent_path() / ".." / "sim" / name})
      if (fs::exists(candidate)) return candidate;
  }
  return name;  // fall back to $PATH
}

SimProcess::SimProcess(const fs::path& binary, std::vector<std::string> args, const fs::path& work_dir,
                       int timeout_s) {
  const fs::path ready = work_dir / "sim-ready.json";
  fs::remove(ready);
  args.insert(args.begin(), binary.string());
  args.push_back("--ready-file");
  args.push_back(ready.string());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  const std::string log_path = (work_dir / "sim.log").string();
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  const int rc = posix_spawnp(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw Error(Error::Kind::internal, fmt::format("cannot start {}: {}", binary.string(), std::strerror(rc)));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw Error(Error::Kind::internal, fmt::format("{} exited before it was ready; see {}", binary.string(), log_path));
    }
    if (fs::exists(ready)) {
      std::ifstream in(ready);
      std::stringstream ss;
      ss << in.rdbuf();
      ready_json_ = ss.str();
      if (!ready_json_.empty()) return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
  throw Error(Error::Kind::internal, fmt::format("{} did not get ready within {} s; see {}", binary.string(), timeout_s, log_path));
}

SimProcess::~SimProcess() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  for (int i = 0; i < 250; ++i) {
    if (waitpid(pid_, nullptr, WNOHANG) == pid_) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
}

}  // namespace o2c::daemon
