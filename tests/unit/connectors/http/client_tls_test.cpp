// TLS: verification is always on; an untrusted certificate is a config error.
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "tests/unit/connectors/http/http_client_test_support.h"

namespace o2c::http::testing {
namespace {

class ClientTls : public ::testing::Test {
 protected:
  void SetUp() override {
    identity_ = test::make_self_signed_tls_identity();
    ca_file_ = std::filesystem::path(::testing::TempDir()) /
               ("o2c-http-ca-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".pem");
    std::ofstream(ca_file_) << identity_.certificate_pem;
  }
  void TearDown() override { std::filesystem::remove(ca_file_); }

  test::TlsIdentity identity_;
  std::filesystem::path ca_file_;
};

HttpTestReply ok(const HttpTestRequest&) { return HttpTestReply::json(200, R"({"secure":true})"); }

TEST_F(ClientTls, ASelfSignedCertificateIsAConfigErrorNamingTheHost) {
  HttpTestServer server(ok, identity_);
  ManualClientClock clock;
  Client client(test_settings("salesforce"), clock);
  const Error e = expect_error([&] { client.send(get(server.url() + "/services/oauth2/token"), nullptr); });
  const std::string message = e.what();
  EXPECT_EQ(e.kind(), Error::Kind::config);
  EXPECT_TRUE(contains(message, "salesforce: GET 127.0.0.1:" + std::to_string(server.port()))) << message;
  EXPECT_TRUE(contains(message, "TLS certificate of host 127.0.0.1 not trusted")) << message;
  EXPECT_TRUE(contains(message, "check the url or set ca_file")) << message;
  EXPECT_EQ(server.request_count(), 0u);   // nothing was sent to an untrusted host
  EXPECT_EQ(server.connections_accepted(), 1u);   // and it was not retried
}

TEST_F(ClientTls, TheCertificateTrustedThroughCaFileIsAccepted) {
  HttpTestServer server(ok, identity_);
  ClientSettings settings = test_settings();
  settings.ca_file = ca_file_.string();
  Client client(settings);
  const Response r = client.send(get(server.url() + "/x"), nullptr);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"secure":true})");
  EXPECT_TRUE(server.url().starts_with("https://"));
}

TEST_F(ClientTls, AnotherCertificateInCaFileDoesNotHelp) {
  HttpTestServer server(ok, test::make_self_signed_tls_identity());   // not the one in ca_file
  ClientSettings settings = test_settings();
  settings.ca_file = ca_file_.string();
  Client client(settings);
  const Error e = expect_error([&] { client.send(get(server.url() + "/x"), nullptr); });
  EXPECT_EQ(e.kind(), Error::Kind::config);
  EXPECT_TRUE(contains(e.what(), "not trusted")) << e.what();
}

TEST_F(ClientTls, AMissingCaFileIsAConfigError) {
  HttpTestServer server(ok, identity_);
  ClientSettings settings = test_settings();
  settings.ca_file = (std::filesystem::path(::testing::TempDir()) / "o2c-no-such-ca.pem").string();
  Client client(settings);
  const Error e = expect_error([&] { client.send(get(server.url() + "/x"), nullptr); });
  EXPECT_EQ(e.kind(), Error::Kind::config);
  EXPECT_TRUE(contains(e.what(), "ca_file")) << e.what();
}

}  // namespace
}  // namespace o2c::http::testing
