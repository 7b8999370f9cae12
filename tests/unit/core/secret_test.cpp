#include "core/secret.h"

#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>

#include "core/error.h"

namespace o2c {

TEST(Secret, RefusesLiteralValues) {
  EXPECT_THROW(SecretRef::parse("hunter2"), Error);
  EXPECT_THROW(SecretRef::parse("env:"), Error);
}

TEST(Secret, ResolvesEnvFileAndCredentialReferences) {
  ::setenv("O2C_TEST_SECRET", "s3cr3t-value", 1);
  EXPECT_EQ(SecretRef::parse("env:O2C_TEST_SECRET").resolve().reveal(), "s3cr3t-value");
  const std::string dir = testing::TempDir();
  std::ofstream(dir + "/o2c_cred") << "from-file\n";
  EXPECT_EQ(SecretRef::parse("file:" + dir + "/o2c_cred").resolve().reveal(), "from-file");
  ::setenv("CREDENTIALS_DIRECTORY", dir.c_str(), 1);
  EXPECT_EQ(SecretRef::parse("credential:o2c_cred").resolve().reveal(), "from-file");
}

TEST(Secret, MissingSecretErrorNamesTheReferenceNotAValue) {
  ::unsetenv("O2C_TEST_MISSING");
  try {
    SecretRef::parse("env:O2C_TEST_MISSING").resolve();
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("O2C_TEST_MISSING"), std::string::npos);
    EXPECT_EQ(e.kind(), Error::Kind::config);
  }
}

TEST(Secret, FormatsAsStarsAndRedactsText) {
  const Secret s("topsecretvalue");
  EXPECT_EQ(fmt::format("token={}", s), "token=***");
  EXPECT_EQ(redact("Authorization: Bearer topsecretvalue", s), "Authorization: Bearer ***");
}

}  // namespace o2c
