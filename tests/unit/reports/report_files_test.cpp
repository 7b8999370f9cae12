// write_report_files: both files land whole, or the old ones stay.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "tests/unit/reports/report_test_support.h"

namespace o2c::reports::testing {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

class ReportFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / fmt::format("o2c-report-files-{}-{}",
                                                   ::testing::UnitTest::GetInstance()->current_test_info()->name(),
                                                   static_cast<long>(::getpid()));
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

ReportInput one_exception() {
  ReportInput in = week48();
  in.exceptions = {stored(ExceptionKind::po_missing, "A", "2026-11-24T08:00:00Z")};
  return in;
}

TEST_F(ReportFilesTest, CreatesTheDirectoryAndWritesBothRenderedFilesOnly) {
  const ReportInput in = one_exception();
  const ReportFiles files = write_report_files(in, dir_ / "nested");
  EXPECT_EQ(files.html, dir_ / "nested" / "report.html");
  EXPECT_EQ(files.csv, dir_ / "nested" / "exceptions.csv");
  EXPECT_EQ(read(files.html), render_html(in));
  EXPECT_EQ(read(files.csv), render_csv(in));
  EXPECT_THAT(entries(dir_ / "nested"), ::testing::ElementsAre("exceptions.csv", "report.html"));
  EXPECT_EQ(fs::status(files.html).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
}

TEST_F(ReportFilesTest, ReplacesPreviousFilesWhole) {
  fs::create_directories(dir_);
  std::ofstream(dir_ / "report.html") << "old report";
  std::ofstream(dir_ / "exceptions.csv") << "old csv";
  const ReportInput in = one_exception();
  write_report_files(in, dir_);
  EXPECT_EQ(read(dir_ / "report.html"), render_html(in));
  EXPECT_EQ(read(dir_ / "exceptions.csv"), render_csv(in));
  EXPECT_THAT(entries(dir_), ::testing::ElementsAre("exceptions.csv", "report.html"));
}

TEST_F(ReportFilesTest, FailedRenameLeavesNoPartialOrTemporaryFile) {
  fs::create_directories(dir_ / "report.html" / "blocker");  // rename onto a non-empty directory fails
  std::ofstream(dir_ / "exceptions.csv") << "old csv";
  try {
    write_report_files(one_exception(), dir_);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::internal);
    EXPECT_THAT(e.what(), ::testing::HasSubstr((dir_ / "report.html").string()));
  }
  EXPECT_EQ(read(dir_ / "exceptions.csv"), "old csv");
  EXPECT_THAT(entries(dir_), ::testing::ElementsAre("exceptions.csv", "report.html"));
  EXPECT_TRUE(fs::is_directory(dir_ / "report.html"));
}

TEST_F(ReportFilesTest, DirectoryThatIsAFileIsAConfigError) {
  std::ofstream(dir_.string()) << "a file";
  try {
    write_report_files(one_exception(), dir_);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::config);
    EXPECT_THAT(e.what(), ::testing::HasSubstr(dir_.string()));
  }
  fs::remove(dir_);
}

}  // namespace
}  // namespace o2c::reports::testing
