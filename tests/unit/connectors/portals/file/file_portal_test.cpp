// The file drop into a local folder: atomic write, lookup = exists, settings.
#include "connectors/portals/file/file_portal.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "core/error.h"

namespace o2c::portals::file {
namespace {

namespace fs = std::filesystem;

struct FileDrop : ::testing::Test {
  fs::path dir = fs::temp_directory_path() / fmt::format("o2c-file-drop-{}", ::getpid());
  void SetUp() override { fs::create_directories(dir); }
  void TearDown() override { fs::remove_all(dir); }
  PortalSettings settings() const {
    PortalSettings s;
    s.name = "drop";
    s.kind = "file";
    s.url = "file://" + dir.string();
    s.format = "ubl";
    return s;
  }
  static std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
};

TEST_F(FileDrop, DeliversOnceUnderItsNameAndLookupFindsIt) {
  FilePortal portal(settings());
  const std::string key = portal.new_key("INV100001", {});
  EXPECT_EQ(key, "INV100001.xml");
  const SubmissionRef ref{"INV100001", {}, key, "", {}};
  EXPECT_EQ(portal.lookup(ref).outcome, Outcome::not_found);
  const Payload p{"ubl", "application/xml", key, "<Invoice/>"};
  const Answer a = portal.submit(ref, p);
  EXPECT_EQ(a.outcome, Outcome::accepted);
  EXPECT_EQ(slurp(dir / key), "<Invoice/>");
  EXPECT_EQ(portal.lookup(ref).outcome, Outcome::accepted);
  EXPECT_EQ(portal.status(ref).status, "delivered");
  EXPECT_EQ(portal.submit(ref, Payload{"ubl", "application/xml", key, "<Other/>"}).outcome, Outcome::accepted);
  EXPECT_EQ(slurp(dir / key), "<Invoice/>");   // an earlier delivery is this submission: not written again
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir)) files += e.is_regular_file();
  EXPECT_EQ(files, 1u);   // no temporary file left behind
}

// Nothing was written under the name (the rename is the last step): safe to send again later.
TEST_F(FileDrop, AFolderThatCannotBeWrittenIsRetriedNotRejected) {
  PortalSettings s = settings();
  s.url = "file://" + (dir / "missing").string();
  FilePortal portal(s);
  const Answer a = portal.submit(SubmissionRef{"INV1", {}, "INV1.xml", "", {}}, Payload{"ubl", "", "INV1.xml", "<x/>"});
  EXPECT_EQ(a.outcome, Outcome::retry);
  EXPECT_NE(a.reason.find("missing"), std::string::npos) << a.reason;
  EXPECT_EQ(portal.submit(SubmissionRef{"INV1", {}, "../x", "", {}}, Payload{"ubl", "", "../x", "<x/>"}).outcome,
            Outcome::rejected);
}

TEST_F(FileDrop, SettingsAreChecked) {
  PortalSettings s = settings();
  s.format = "pdf";
  EXPECT_THROW(FilePortal{s}, Error);
  s = settings();
  s.url = "sftp://127.0.0.1:2222/in";
  EXPECT_THROW(FilePortal{s}, Error);   // no user
  s.user = "o2c";
  EXPECT_THROW(FilePortal{s}, Error);   // no password or key
  s.password = Secret("x");
  EXPECT_NO_THROW(FilePortal{s});
  s = settings();
  s.url = "ftp://host/in";
  EXPECT_THROW(FilePortal{s}, Error);
}

}  // namespace
}  // namespace o2c::portals::file
