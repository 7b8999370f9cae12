// Settings are checked before any request: every problem at once, each
// naming the setting and the source, never a secret.
#include <gtest/gtest.h>

#include "connectors/sap/sap.h"
#include "core/error.h"

namespace o2c::sap {
namespace {

std::string problems_of(const SapSettings& s) {
  const FixedClock clock(parse_timestamp("2026-11-24T12:00:00Z"));
  try {
    make_sap_source(s, clock);
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::config);
    EXPECT_EQ(e.context().source, s.name.empty() ? "sap" : s.name);
    return e.what();
  }
  return {};
}

SapSettings valid() {
  SapSettings s;
  s.name = "erp";
  s.url = "https://my300000-api.s4hana.cloud.sap/";
  s.sap_client = "100";
  s.user = "O2C_COMM_USER";
  s.password = Secret("s3cret-password");
  return s;
}

TEST(SapConfig, ValidSettingsBuildASource) {
  EXPECT_EQ(problems_of(valid()), "");
  SapSettings oauth = valid();
  oauth.grant = "client_credentials";
  oauth.oauth.client_id = Secret("id");
  oauth.oauth.client_secret = Secret("secret");
  EXPECT_EQ(problems_of(oauth), "");
}

TEST(SapConfig, EveryProblemNamedOnce) {
  SapSettings s = valid();
  s.url = "";
  s.sap_client = "1000";
  s.odata_version = "v3";
  s.password = Secret();
  s.page_size = 0;
  s.lookback = std::chrono::seconds(-1);
  const std::string what = problems_of(s);
  for (const char* part : {"sap source erp: url: missing", "sap_client: '1000'", "odata_version: 'v3'",
                           "auth.password: missing", "page_size: 0", "lookback: must not be negative"})
    EXPECT_NE(what.find(part), std::string::npos) << part << "\n" << what;
}

TEST(SapConfig, UrlMustBeTheHostNotAService) {
  SapSettings s = valid();
  s.url = "https://host/sap/opu/odata/sap/API_BILLING_DOCUMENT_SRV";
  EXPECT_NE(problems_of(s).find("give the host only"), std::string::npos);
  s.url = "host-without-scheme";
  EXPECT_NE(problems_of(s).find("url:"), std::string::npos);
}

TEST(SapConfig, GrantsAndTheirCredentials) {
  SapSettings s = valid();
  s.grant = "client_credential";
  EXPECT_NE(problems_of(s).find("did you mean 'client_credentials'"), std::string::npos) << problems_of(s);
  s.grant = "client_credentials";
  const std::string what = problems_of(s);
  EXPECT_NE(what.find("auth.client_id: missing"), std::string::npos) << what;
  EXPECT_NE(what.find("auth.client_secret: missing"), std::string::npos) << what;
  EXPECT_EQ(what.find("s3cret-password"), std::string::npos);
  s = valid();
  s.user.clear();
  EXPECT_NE(problems_of(s).find("auth.user: missing"), std::string::npos);
}

}  // namespace
}  // namespace o2c::sap
