// The Salesforce JWT bearer grant end to end: o2csync signs an RS256
// assertion with the private key an admin points it at (file: reference),
// o2csync-sim verifies it with the public key, and the sync runs. A key the
// connected app does not know is refused with a line saying what to check.
#include <filesystem>
#include <fstream>
#include <memory>

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include "daemon/demo_setup.h"
#include "daemon/sim_launcher.h"
#include "tests/integration/command_runner.h"

namespace o2c::testing {
namespace {

struct KeyPair {
  std::string private_pem, public_pem;
};

KeyPair make_rsa_key_pair() {
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_RSA_gen(2048), EVP_PKEY_free);
  const auto to_text = [](auto write) {
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    write(bio.get());
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(n));
  };
  return {to_text([&](BIO* b) { PEM_write_bio_PrivateKey(b, key.get(), nullptr, nullptr, 0, nullptr, nullptr); }),
          to_text([&](BIO* b) { PEM_write_bio_PUBKEY(b, key.get()); })};
}

class JwtBearer : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = make_temp_dir("o2c-jwt");
    const KeyPair trusted = make_rsa_key_pair();
    std::ofstream(dir_ + "/app.pub.pem") << trusted.public_pem;
    std::ofstream(dir_ + "/sf_key.pem") << trusted.private_pem;
    std::ofstream(dir_ + "/other_key.pem") << make_rsa_key_pair().private_pem;
    sim_ = std::make_unique<daemon::SimProcess>(
        sim_binary(), std::vector<std::string>{"--orders", "200", "--jwt-public-key", dir_ + "/app.pub.pem"}, dir_);
    const auto sim = daemon::parse_ready_file(sim_->ready_json());
    daemon::write_demo_mappings(dir_ + "/mappings");
    std::ofstream(dir_ + "/config.yaml") << "store: sqlite://" << dir_ << "/o2c.db\n"
                                         << "sources:\n  crm:\n    kind: salesforce\n    url: " << sim.salesforce_url
                                         << "\n    login_url: " << sim.salesforce_url << R"(
    auth:
      grant: jwt_bearer
      client_id: env:SF_CONSUMER_KEY
      user: integration@acme.example
      private_key: file:)" << dir_ << R"(/sf_key.pem
    objects:
      orders: { mapping: mappings/salesforce-order.yaml }
)";
    ASSERT_EQ(o2c({"db", "migrate"}).exit_code, 0);
  }
  CommandResult o2c(std::vector<std::string> args) {
    args.insert(args.begin(), {o2csync_binary(), "--config", dir_ + "/config.yaml"});
    return run_command(args, {"SF_CONSUMER_KEY=o2c-demo-client"});
  }
  std::string dir_;
  std::unique_ptr<daemon::SimProcess> sim_;
};

TEST_F(JwtBearer, ASignedAssertionGetsATokenAndTheSyncRuns) {
  const auto r = o2c({"sync"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("crm.orders"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ok"), std::string::npos) << r.out;
}

TEST_F(JwtBearer, AKeyTheAppDoesNotKnowIsRefusedSayingWhatToCheck) {
  std::filesystem::copy_file(dir_ + "/other_key.pem", dir_ + "/sf_key.pem",
                             std::filesystem::copy_options::overwrite_existing);
  const auto r = o2c({"sync"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("invalid_grant"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("private_key"), std::string::npos) << r.out;
  EXPECT_EQ((r.out + r.err).find("PRIVATE KEY"), std::string::npos) << "the key must never be echoed";
}

}  // namespace
}  // namespace o2c::testing
