// Start, stop and use a throwaway PostgreSQL cluster (postgres_cluster.h).
#include "sim/pgcluster/postgres_cluster.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pwd.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <libpq-fe.h>

#include "core/error.h"
#include "core/log.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

extern char** environ;

namespace o2c::pg {

namespace fs = std::filesystem;

namespace {

constexpr const char* kServerUser = "postgres";
constexpr const char* kInstallHint = "install postgresql (scripts/install-deps.sh)";

[[noreturn]] void fail(const std::string& message) {
  throw Error(Error::Kind::internal, "postgres cluster: " + message);
}

// Runs argv with stdin from /dev/null and stdout+stderr appended to `log`
// (a file, not a pipe: the postmaster that pg_ctl leaves behind inherits it).
int run_program(const std::vector<std::string>& argv, const fs::path& log) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) fail("cannot run " + argv[0] + ": " + std::strerror(rc));
  int status = 0;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) fail("waitpid failed for " + argv[0]);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

bool running_as_root() { return geteuid() == 0; }

// initdb refuses to run as root: as root, run the server binaries as `postgres`.
std::vector<std::string> as_server_user(std::vector<std::string> argv) {
  if (!running_as_root()) return argv;
  argv.insert(argv.begin(), {"runuser", "-u", kServerUser, "--"});
  return argv;
}

std::string tail_of(const fs::path& file, std::size_t max_lines = 15) {
  std::ifstream in(file);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  const std::size_t from = lines.size() > max_lines ? lines.size() - max_lines : 0;
  std::string out;
  for (std::size_t i = from; i < lines.size(); ++i) out += "\n  " + lines[i];
  return out;
}

// The newest /usr/lib/postgresql/<version>/bin holding initdb and pg_ctl.
fs::path find_bindir() {
  const fs::path root = "/usr/lib/postgresql";
  fs::path best;
  int best_version = -1;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(root, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || !std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    const fs::path bin = entry.path() / "bin";
    if (!fs::exists(bin / "initdb") || !fs::exists(bin / "pg_ctl")) continue;
    if (const int version = std::stoi(name); version > best_version) best_version = version, best = bin;
  }
  if (best.empty()) fail("initdb and pg_ctl not found under /usr/lib/postgresql/<version>/bin: " + std::string(kInstallHint));
  return best;
}

fs::path make_temp_dir() {
  std::string pattern = (fs::temp_directory_path() / "o2c-pg-XXXXXX").string();
  if (!mkdtemp(pattern.data())) fail("cannot create a temp dir: " + std::string(std::strerror(errno)));
  const fs::path dir = pattern;
  if (running_as_root()) {
    const passwd* pw = getpwnam(kServerUser);
    if (!pw) fail("running as root, and there is no '" + std::string(kServerUser) + "' user to run initdb as: " + kInstallHint);
    if (chown(dir.c_str(), pw->pw_uid, pw->pw_gid) != 0)
      fail("cannot chown " + dir.string() + " to " + kServerUser + ": " + std::strerror(errno));
  }
  return dir;
}

int free_loopback_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) fail("socket() failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  const bool ok = bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
                  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0;
  close(fd);
  if (!ok) fail("cannot find a free port on 127.0.0.1");
  return ntohs(addr.sin_port);
}

void init_cluster(const fs::path& bindir, const fs::path& dir) {
  const fs::path log = dir / "initdb.log";
  if (run_program(as_server_user({(bindir / "initdb").string(), "-D", (dir / "data").string(), "-U", "postgres", "-A",
                                  "trust", "-E", "UTF8", "--no-locale", "--no-sync"}),
                  log) != 0)
    fail("initdb failed:" + tail_of(log));
  // Trust, but only on the unix socket and the loopback address.
  std::ofstream hba(dir / "data" / "pg_hba.conf", std::ios::trunc);
  hba << "local all all trust\nhost all all 127.0.0.1/32 trust\n";
  if (!hba.flush()) fail("cannot write pg_hba.conf in " + dir.string());
}

// jit=off: PostgreSQL 15 JIT-compiles every large query (0.8 s for the EBS
// invoice query of 200,000 rows), a cost the Oracle database it stands in
// for does not have; the simulated server runs as an OLTP server would.
std::string server_options(const fs::path& dir, int port) {
  return "-p " + std::to_string(port) + " -k " + dir.string() +
         " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c jit=off";
}

// A libpq connection to the maintenance database, closed on scope exit.
struct AdminConnection {
  PGconn* conn;
  explicit AdminConnection(int port)
      : conn(PQconnectdb(("host=127.0.0.1 port=" + std::to_string(port) +
                          " dbname=postgres user=postgres connect_timeout=10 options='-c client_min_messages=warning'")
                             .c_str())) {}
  ~AdminConnection() { PQfinish(conn); }
  AdminConnection(const AdminConnection&) = delete;
  AdminConnection& operator=(const AdminConnection&) = delete;

  // Returns "" on success, else the server's message.
  std::string exec(const std::string& sql) const {
    if (PQstatus(conn) != CONNECTION_OK) return PQerrorMessage(conn);
    PGresult* res = PQexec(conn, sql.c_str());
    std::string error = PQresultStatus(res) == PGRES_COMMAND_OK ? "" : PQresultErrorMessage(res);
    PQclear(res);
    return error;
  }
};

std::string quoted_identifier(std::string_view name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

std::unique_ptr<PostgresCluster> PostgresCluster::start() {
  const fs::path bindir = find_bindir();
  const fs::path dir = make_temp_dir();
  try {
    init_cluster(bindir, dir);
    const fs::path log = dir / "pg_ctl.log";
    for (int attempt = 0; attempt < 5; ++attempt) {
      const int port = free_loopback_port();  // may be taken before the server binds it: then retry
      const int rc = run_program(as_server_user({(bindir / "pg_ctl").string(), "-D", (dir / "data").string(), "-l",
                                                 (dir / "server.log").string(), "-w", "-t", "60", "-o",
                                                 server_options(dir, port), "start"}),
                                 log);
      if (rc == 0) return std::unique_ptr<PostgresCluster>(new PostgresCluster(dir, port));
      std::ifstream server_log(dir / "server.log");
      const std::string text((std::istreambuf_iterator<char>(server_log)), std::istreambuf_iterator<char>());
      if (text.find("could not bind") == std::string::npos && text.find("already in use") == std::string::npos)
        fail("pg_ctl start failed:" + tail_of(log) + tail_of(dir / "server.log"));
    }
    fail("no free port found after 5 attempts");
  } catch (...) {
    std::error_code ec;
    fs::remove_all(dir, ec);
    throw;
  }
}

PostgresCluster::~PostgresCluster() {
  if (!released_) stop();
}

void PostgresCluster::stop() {
  if (stopped_) return;
  stopped_ = true;
  std::error_code ec;
  if (fs::exists(directory_ / "data" / "postmaster.pid", ec)) {
    try {
      const fs::path log = directory_ / "pg_ctl.log";
      if (run_program(as_server_user({(find_bindir() / "pg_ctl").string(), "-D", (directory_ / "data").string(), "-m",
                                      "fast", "-w", "stop"}),
                      log) != 0)
        logger("pgcluster")->warn("pg_ctl stop failed dir={} log=\"{}\"", directory_.string(), tail_of(log));
    } catch (const std::exception& e) {
      logger("pgcluster")->warn("stop failed dir={} error=\"{}\"", directory_.string(), e.what());
    }
  }
  fs::remove_all(directory_, ec);
}

bool PostgresCluster::is_up() const {
  const std::string conninfo = "host=127.0.0.1 port=" + std::to_string(port_) + " dbname=postgres user=postgres connect_timeout=5";
  return PQping(conninfo.c_str()) == PQPING_OK;
}

std::string PostgresCluster::url(std::string_view database) const {
  return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/" + std::string(database);
}

std::string PostgresCluster::create_database(std::string_view database) const {
  const AdminConnection admin(port_);
  const std::string error =
      admin.exec("CREATE DATABASE " + quoted_identifier(database) + " TEMPLATE template0 ENCODING 'UTF8'");
  if (!error.empty()) fail("CREATE DATABASE " + std::string(database) + " failed: " + error);
  return url(database);
}

void PostgresCluster::drop_database(std::string_view database) const noexcept {
  try {
    const AdminConnection admin(port_);
    const std::string error = admin.exec("DROP DATABASE IF EXISTS " + quoted_identifier(database) + " WITH (FORCE)");
    if (!error.empty()) logger("pgcluster")->warn("drop database failed database={} error=\"{}\"", database, error);
  } catch (const std::exception& e) {
    logger("pgcluster")->warn("drop database failed database={} error=\"{}\"", database, e.what());
  }
}

namespace {
fs::path state_file(const fs::path& state_dir) { return state_dir / "server.txt"; }
}  // namespace

void PostgresCluster::write_state_and_release(const fs::path& state_dir) {
  fs::create_directories(state_dir);
  const fs::path tmp = state_file(state_dir).string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << "port=" << port_ << "\ndir=" << directory_.string() << "\n";
    if (!out.flush()) fail("cannot write " + tmp.string());
  }
  fs::rename(tmp, state_file(state_dir));
  released_ = true;
}

void PostgresCluster::forget_state(const fs::path& state_dir) {
  std::error_code ec;
  fs::remove(state_file(state_dir), ec);
}

std::unique_ptr<PostgresCluster> PostgresCluster::from_state(const fs::path& state_dir) {
  std::ifstream in(state_file(state_dir));
  if (!in) return nullptr;
  int port = 0;
  fs::path dir;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("port=", 0) == 0) port = std::atoi(line.c_str() + 5);
    if (line.rfind("dir=", 0) == 0) dir = line.substr(4);
  }
  if (port <= 0 || dir.empty()) return nullptr;
  auto server = std::unique_ptr<PostgresCluster>(new PostgresCluster(dir, port));
  server->released_ = true;
  return server;
}

}  // namespace o2c::pg
