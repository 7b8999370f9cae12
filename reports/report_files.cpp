// Writing report.html and exceptions.csv: temporary file in the same
// directory, fsync, rename, so readers see the old file or the new one.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "core/error.h"
#include "reports/reports.h"

namespace o2c::reports {

namespace {

namespace fs = std::filesystem;

[[noreturn]] void write_failed(const fs::path& path, int error) {
  throw Error(Error::Kind::internal,
              fmt::format("cannot write report file '{}': {}", path.string(), std::strerror(error)));
}

// A temporary sibling of the target, removed unless committed.
class TempFile {
 public:
  TempFile(const fs::path& dir, const std::string& name) : target_(dir / name) {
    std::string pattern = (dir / ("." + name + ".XXXXXX")).string();
    fd_ = ::mkstemp(pattern.data());
    if (fd_ < 0) write_failed(target_, errno);
    path_ = pattern;
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) {
      std::error_code ignored;  // best effort: the original error is already on its way
      fs::remove(path_, ignored);
    }
  }

  void write_all(std::string_view data) {
    while (!data.empty()) {
      const ssize_t n = ::write(fd_, data.data(), data.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) write_failed(target_, errno);
      data.remove_prefix(static_cast<std::size_t>(n));
    }
    // Group-readable: the AR team's share usually reads through a group.
    if (::fchmod(fd_, 0640) != 0 || ::fsync(fd_) != 0) write_failed(target_, errno);
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) write_failed(target_, errno);
  }

  void commit() {
    if (::rename(path_.c_str(), target_.c_str()) != 0) write_failed(target_, errno);
    committed_ = true;
  }

  const fs::path& target() const { return target_; }

 private:
  fs::path target_;
  fs::path path_;
  int fd_ = -1;
  bool committed_ = false;
};

void sync_directory(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;  // the renames are done; durability of the entry is best effort
  ::fsync(fd);
  ::close(fd);
}

void prepare_directory(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec)
    throw Error(Error::Kind::config,
                fmt::format("report directory '{}': cannot create it: {}", dir.string(), ec.message()));
  if (!fs::is_directory(dir, ec))
    throw Error(Error::Kind::config, fmt::format("report directory '{}' is not a directory", dir.string()));
}

}  // namespace

ReportFiles write_report_files(const ReportInput& input, const fs::path& dir) {
  prepare_directory(dir);
  const std::string html = render_html(input);
  const std::string csv = render_csv(input);
  TempFile html_file(dir, "report.html");
  html_file.write_all(html);
  TempFile csv_file(dir, "exceptions.csv");
  csv_file.write_all(csv);
  html_file.commit();
  csv_file.commit();
  sync_directory(dir);
  return {html_file.target(), csv_file.target()};
}

}  // namespace o2c::reports
