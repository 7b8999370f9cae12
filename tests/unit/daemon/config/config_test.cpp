// tests/unit/daemon/config/config_test.cpp — config.yaml: the example loads;
// every problem is reported at once as file:line:col with did-you-mean;
// secrets must be references and are never echoed; invalid values never
// fall back to defaults; cross-field rules and mapping files are checked.
#include "daemon/config/config.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "core/error.h"

namespace o2c::config {
namespace {

namespace fs = std::filesystem;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A fresh folder holding config.yaml (and mappings/ copied from examples/).
class ConfigFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ("o2c_config_" + std::to_string(::getpid()) + "_" +
                                             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    fs::copy(fs::path(O2C_SOURCE_DIR) / "examples/mappings", dir_ / "mappings");
    old_cwd_ = fs::current_path();
    fs::current_path(dir_);  // messages then read "config.yaml:L:C: ..."
  }
  void TearDown() override { fs::current_path(old_cwd_); }

  static void write(const std::string& name, const std::string& text) { std::ofstream(name, std::ios::binary) << text; }

  // The Error(config) message of loading `text`, or "" when it loads.
  static std::string errors_of(const std::string& text) {
    write("config.yaml", text);
    try {
      load_config("config.yaml");
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), Error::Kind::config);
      return e.what();
    }
    return "";
  }

  fs::path dir_, old_cwd_;
};

const char* kMinimal = R"(sources:
  crm:
    kind: salesforce
    url: https://acme.my.salesforce.com
    auth: { grant: client_credentials, client_id: env:SF_ID, client_secret: env:SF_SECRET }
    objects:
      orders: { mapping: mappings/salesforce-order.yaml }
)";

// examples/config-<erp>.yaml: the same Salesforce source and an ERP of each kind.
TEST_F(ConfigFile, ExampleConfigOfEachErpLoadsWithItsMappings) {
  for (const auto& [file, kind, objects] : {std::tuple{"config-sap.yaml", "sap", 3u},
                                            std::tuple{"config-oracle.yaml", "oracle", 3u},
                                            std::tuple{"config-ebs.yaml", "sql", 4u}}) {
    const Config cfg = load_config(fs::path(O2C_SOURCE_DIR) / "examples" / file);
    ASSERT_EQ(cfg.sources.size(), 2u) << file;
    const SourceConfig* erp = cfg.find_source("erp");
    ASSERT_TRUE(erp) << file;
    EXPECT_EQ(erp->kind, kind) << file;
    ASSERT_EQ(erp->objects.size(), objects) << file;  // EBS reads the invoice lines too
    for (const auto& o : erp->objects) {
      ASSERT_TRUE(o.mapper) << file << " " << o.name;
      EXPECT_EQ(o.mapper->info().source_kind, kind) << file << " " << o.name;
    }
  }
}

TEST_F(ConfigFile, ExampleConfigLoadsWithEveryMapping) {
  const Config cfg = load_config(fs::path(O2C_SOURCE_DIR) / "examples/config.yaml");
  ASSERT_EQ(cfg.sources.size(), 2u);
  const SourceConfig* sf = cfg.find_source("salesforce");
  ASSERT_TRUE(sf);
  EXPECT_EQ(sf->auth.client_id.to_text(), "env:SF_CLIENT_ID");
  EXPECT_EQ(sf->objects.size(), 2u);
  const SourceConfig* erp = cfg.find_source("erp");
  ASSERT_TRUE(erp);
  EXPECT_EQ(erp->account, "1234567_SB1");
  EXPECT_EQ(erp->max_concurrency, 2);
  EXPECT_EQ(erp->auth.token_secret.to_text(), "env:NS_TOKEN_SECRET");
  for (const auto& s : cfg.sources)
    for (const auto& o : s.objects) {
      ASSERT_TRUE(o.mapper) << o.name;
      EXPECT_TRUE(o.mapping.is_absolute()) << o.mapping;
      EXPECT_EQ(o.mapper->info().source_kind, s.kind);
    }
  EXPECT_EQ(cfg.report.timezone, "Europe/Paris");
  EXPECT_EQ(cfg.report.mail_to, std::vector<std::string>{"ar-team@acme.com"});
  EXPECT_EQ(cfg.reconcile.renewal_po_horizon, std::chrono::hours(24 * 30));
}

TEST_F(ConfigFile, DefaultsComeFromTheTable) {
  write("config.yaml", kMinimal);
  const Config cfg = load_config("config.yaml");
  EXPECT_EQ(cfg.store, "sqlite:///var/lib/o2csync/o2csync.db");
  const SourceConfig& s = cfg.sources.at(0);
  EXPECT_EQ(s.max_concurrency, 4);
  EXPECT_EQ(s.timeout, std::chrono::seconds(60));
  EXPECT_EQ(s.lookback, std::chrono::minutes(5));
  EXPECT_EQ(s.objects.at(0).every, std::chrono::minutes(15));
  EXPECT_EQ(s.objects.at(0).mapping, (dir_ / "mappings/salesforce-order.yaml").lexically_normal());
  EXPECT_EQ(cfg.reconcile.amount_tolerance, "0.01");
  EXPECT_EQ(cfg.report.weekday, "monday");
  EXPECT_EQ(cfg.report.time, "07:00");
  EXPECT_EQ(cfg.report.timezone, "UTC");
  EXPECT_EQ(cfg.log.level, "info");
  EXPECT_EQ(cfg.log.log_format(), LogFormat::text);
}

TEST_F(ConfigFile, AllProblemsInOnePassWithPositionsAndSuggestions) {
  const std::string err = errors_of(R"(stor: sqlite:///tmp/x.db
sources:
  crm:
    kind: salesforce
    url: https://acme.my.salesforce.com
    auth: { grant: jwt_bearer, client_id: env:SF_ID }
    objects:
      orders: { mapping: mappings/salesforce-order.yaml, every: 15 minutes }
  erp:
    kind: netsuite
    account: "1234567"
    auth: { consumer_key: env:A, consumer_secret: env:B, token_id: env:C, token_secret: env:D }
    timeout: 0s
    max_concurency: 4
    max_attempts: 0
    objects:
      invoices: { mapping: mappings/salesforce-order.yaml }
      payments: { mapping: mappings/missing.yaml }
reconcile: { amount_tolerance: "1,5" }
report: { weekday: mondey, time: "7am", timezone: Europe/Pariss, mail_to: [not-an-address] }
log: { level: verbose, format: xml }
)");
  const std::vector<std::string> expected{
      "config.yaml:1:1: stor: unknown setting; did you mean 'store'?",
      "config.yaml:6:11: sources.crm.auth.private_key: missing (jwt_bearer signs with the connected app's private key)",
      "config.yaml:6:11: sources.crm.auth.user: missing (jwt_bearer needs the integration user's username)",
      "config.yaml:8:65: sources.crm.objects.orders.every: invalid duration '15 minutes'",
      "config.yaml:13:14: sources.erp.timeout: must be longer than 0s",
      "config.yaml:14:5: sources.erp.max_concurency: unknown setting; did you mean 'max_concurrency'?",
      "config.yaml:15:19: sources.erp.max_attempts: 0 is out of range (1 to 20)",
      "config.yaml:17:28: sources.erp.objects.invoices.mapping: ", "is a salesforce mapping, but source 'erp' is netsuite",
      "config.yaml:18:28: sources.erp.objects.payments.mapping: mapping file not found: ",
      "config.yaml:19:32: reconcile.amount_tolerance: '1,5' is not a non-negative decimal",
      "config.yaml:20:20: report.weekday: 'mondey' is not one of monday, tuesday", "did you mean 'monday'?",
      "config.yaml:20:34: report.time: '7am' is not a time of day",
      "config.yaml:20:51: report.timezone: unknown time zone 'Europe/Pariss'",
      "config.yaml:20:75: report.mail_to: 'not-an-address' is not an e-mail address",
      "config.yaml:21:15: log.level: 'verbose' is not one of trace, debug, info, warn, error",
      "config.yaml:21:32: log.format: 'xml' is not one of text, json",
  };
  for (const auto& line : expected) EXPECT_TRUE(has(err, line)) << "missing: " << line << "\n" << err;
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n') + 1, 16) << err;
}

TEST_F(ConfigFile, LiteralSecretsAreRefusedAndNeverEchoed) {
  const std::string err = errors_of(R"(sources:
  crm:
    kind: salesforce
    url: https://acme.my.salesforce.com
    auth:
      grant: client_credentials
      client_id: 3MVG9hunter2consumerkey
      client_secret: s3cr3t-Pa55word!
      private_keyy: SUPERSECRETKEYMATERIAL
    objects:
      orders: { mapping: mappings/salesforce-order.yaml }
)");
  EXPECT_TRUE(has(err, "config.yaml:7:18: sources.crm.auth.client_id: secrets must be references")) << err;
  EXPECT_TRUE(has(err, "config.yaml:8:22: sources.crm.auth.client_secret: secrets must be references")) << err;
  EXPECT_FALSE(has(err, "hunter2")) << err;
  EXPECT_FALSE(has(err, "Pa55word")) << err;
  EXPECT_TRUE(has(err, "config.yaml:9:7: sources.crm.auth.private_keyy: unknown setting; did you mean 'private_key'?"))
      << err;
  EXPECT_FALSE(has(err, "SUPERSECRET")) << err;
}

TEST_F(ConfigFile, InvalidValuesNeverFallBackToDefaults) {
  std::vector<ConfigIssue> issues;
  write("config.yaml", std::string(kMinimal) + "log: { level: loud }\n");
  const Config cfg = parse_config("config.yaml", issues);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].pos.line, 8);
  EXPECT_NE(cfg.log.level, "loud");
  EXPECT_THROW(load_config("config.yaml"), Error);
}

TEST_F(ConfigFile, SettingsOfTheOtherSourceKindAndMissingAuth) {
  const std::string err = errors_of(R"(sources:
  erp:
    kind: netsuite
    login_url: https://login.salesforce.com
    auth: { grant: jwt_bearer, consumer_key: env:A }
    objects:
      invoices: { mapping: mappings/netsuite-invoice.yaml }
  crm:
    kind: salesforce
    account: "123"
    objects: {}
)");
  for (const char* line : {
           "config.yaml:4:16: sources.erp.login_url: not for netsuite sources (only salesforce)",
           "config.yaml:5:20: sources.erp.auth.grant: not for netsuite sources (only salesforce, sap, oracle)",
           "sources.erp.account: missing (the NetSuite account id",
           "sources.erp.auth.token_secret: missing",
           "config.yaml:10:14: sources.crm.account: not for salesforce sources (only netsuite)",
           "sources.crm.url: missing",
           "sources.crm.auth.grant: missing",
       })
    EXPECT_TRUE(has(err, line)) << "missing: " << line << "\n" << err;
}

// field-pitfalls #12: NetSuite reads and writes dates in the integration
// user's time zone; the setting names it (IANA), is UTC by default, and means
// nothing to a Salesforce source.
TEST_F(ConfigFile, NetSuiteTimezoneIsAnIanaNameUtcByDefaultAndNetSuiteOnly) {
  write("config.yaml", R"(sources:
  erp:
    kind: netsuite
    account: "1234567_SB1"
    timezone: America/Los_Angeles
    auth: { consumer_key: env:A, consumer_secret: env:B, token_id: env:C, token_secret: env:D }
    objects:
      invoices: { mapping: mappings/netsuite-invoice.yaml }
  erp2:
    kind: netsuite
    account: "7654321"
    auth: { consumer_key: env:A, consumer_secret: env:B, token_id: env:C, token_secret: env:D }
    objects:
      invoices: { mapping: mappings/netsuite-invoice.yaml }
)");
  const Config cfg = load_config("config.yaml");
  EXPECT_EQ(cfg.find_source("erp")->timezone, "America/Los_Angeles");
  EXPECT_EQ(cfg.find_source("erp2")->timezone, "UTC");
  const std::string err = errors_of(R"(sources:
  erp:
    kind: netsuite
    account: "1234567_SB1"
    timezone: America/Los_Angles
    auth: { consumer_key: env:A, consumer_secret: env:B, token_id: env:C, token_secret: env:D }
    objects:
      invoices: { mapping: mappings/netsuite-invoice.yaml }
  crm:
    kind: salesforce
    url: https://acme.my.salesforce.com
    timezone: Europe/Paris
    auth: { grant: client_credentials, client_id: env:SF_ID, client_secret: env:SF_SECRET }
    objects:
      orders: { mapping: mappings/salesforce-order.yaml }
)");
  EXPECT_TRUE(has(err, "config.yaml:5:15: sources.erp.timezone: unknown time zone 'America/Los_Angles'")) << err;
  EXPECT_TRUE(
      has(err, "config.yaml:12:15: sources.crm.timezone: not for salesforce sources (only netsuite, sql)"))
      << err;
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n') + 1, 2) << err;
}

TEST_F(ConfigFile, MappingFileErrorsAreIncluded) {
  write("mappings/broken.yaml", "source: salesforce\nobject: Order\ntarget: ordr\ncursor: SystemModstamp\nfields: {}\n");
  const std::string err = errors_of(R"(sources:
  crm:
    kind: salesforce
    url: https://acme.my.salesforce.com
    auth: { grant: client_credentials, client_id: env:SF_ID, client_secret: env:SF_SECRET }
    objects:
      orders: { mapping: mappings/broken.yaml }
)");
  EXPECT_TRUE(has(err, "config.yaml:7:26: sources.crm.objects.orders.mapping: ")) << err;
  EXPECT_TRUE(has(err, "broken.yaml:3:9: target: unknown target 'ordr'")) << err;
}

TEST_F(ConfigFile, UnreadableSectionsAreReportedOnceWithoutCascades) {
  const std::string err = errors_of("sources:\n  erp: 5\n  crm:\n    kind: salesforce\n    auth: [1]\n    objects: [a]\nlog: text\n");
  EXPECT_EQ(err,
            "config.yaml:2:8: sources.erp: expected a map of settings\n"
            "config.yaml:4:5: sources.crm.url: missing (the org's My Domain URL, e.g. https://acme.my.salesforce.com)\n"
            "config.yaml:5:11: sources.crm.auth: expected a map of settings\n"
            "config.yaml:6:14: sources.crm.objects: expected a map of name: {mapping: FILE, every: 15m}\n"
            "config.yaml:7:6: log: expected a map of settings");
}

TEST_F(ConfigFile, BadYamlAndMissingFile) {
  EXPECT_TRUE(has(errors_of("sources: [\n"), "config.yaml:")) << errors_of("sources: [\n");
  EXPECT_TRUE(has(errors_of("store: x\n"), "config.yaml:1:8: store: 'x' is not a URL"));
  EXPECT_TRUE(has(errors_of("log: {level: info, level: debug}\n"), "config.yaml:1:20: log.level: set twice"));
  EXPECT_TRUE(has(errors_of("store: sqlite:///x.db\n"), "sources: no source configured"));
  try {
    load_config("no-such-config.yaml");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::config);
    EXPECT_TRUE(has(e.what(), "no-such-config.yaml: cannot read")) << e.what();
  }
}


// SAP and Oracle take basic or client_credentials auth; SQL takes an ODBC
// connection string as a secret reference; settings of other kinds are named.
TEST_F(ConfigFile, SapOracleAndSqlSourcesCheckTheirOwnSettings) {
  write("mappings/sap-invoice.yaml", R"(source: sap
object: A_BillingDocument
service: /sap/opu/odata/sap/API_BILLING_DOCUMENT_SRV
target: invoice
id: BillingDocument
cursor: LastChangeDateTime
fields:
  external_id: BillingDocument
  number: BillingDocument
  customer_id: SoldToParty
  amount: money(TotalNetAmount, TransactionCurrency)
)");
  const std::string err = errors_of(R"(sources:
  erp:
    kind: sap
    url: https://my300000-api.s4hana.cloud.sap
    sap_client: "100"
    account: "1234567"
    auth: { grant: basic, user: O2C_COMM }
    objects:
      invoices: { mapping: mappings/sap-invoice.yaml }
  fusion:
    kind: oracle
    url: https://acme.fa.us2.oraclecloud.com
    auth: { grant: client_credentials, client_id: env:ID }
    objects: {}
  ebs:
    kind: sql
    connection: "Driver=x;Pwd=hunter2"
    max_concurrency: 3
    objects: {}
)");
  for (const char* line : {
           "config.yaml:6:14: sources.erp.account: not for sap sources (only netsuite)",
           "sources.erp.auth.password: missing (basic needs the user's password",
           "sources.fusion.auth.token_url: missing (client_credentials needs the token endpoint",
           "sources.fusion.auth.client_secret: missing",
           "config.yaml:17:17: sources.ebs.connection:",
           "config.yaml:18:22: sources.ebs.max_concurrency: not for sql sources",
       })
    EXPECT_TRUE(has(err, line)) << "missing: " << line << "\n" << err;
  EXPECT_FALSE(has(err, "hunter2")) << err;
  EXPECT_FALSE(has(err, "sources.erp.sap_client")) << err;
}

}  // namespace
}  // namespace o2c::config
