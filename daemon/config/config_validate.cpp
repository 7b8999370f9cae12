// daemon/config/config_validate.cpp — rules that involve several settings:
// auth per source kind and grant, settings of the other kind, mapping files
// that exist, load, and were written for the same kind of source.
#include <algorithm>
#include <sstream>

#include <fmt/ranges.h>


#include "core/error.h"
#include "daemon/config/config_tables.h"
#include "mapping/mapper.h"

namespace o2c::config {
namespace {

class Validator {
 public:
  explicit Validator(Config& cfg) : cfg_(cfg), file_(cfg.file.string()) {}

  std::vector<ConfigIssue> run() {
    if (cfg_.sources.empty()) error(cfg_.where, "sources", "sources: no source configured (add e.g. a salesforce and a netsuite source)");
    for (auto& s : cfg_.sources) check_source(s);
    return std::move(issues_);
  }

 private:
  static Position at(const Positions& where, const std::string& key) {
    if (auto it = where.find(key); it != where.end()) return it->second;
    if (auto it = where.find(""); it != where.end()) return it->second;
    return {};
  }
  void error(const Positions& where, const std::string& key, std::string message, bool warning = false) {
    issues_.push_back(ConfigIssue{file_, at(where, key), std::move(message), warning});
  }

  // Settings written in this section that the source's kind does not understand.
  void refuse_other_kinds(const SourceConfig& s, const std::map<std::string, std::vector<std::string>>& kinds_of,
                          const Positions& where, const std::string& section) {
    for (const auto& [key, kinds] : kinds_of)
      if (where.contains(key) && std::find(kinds.begin(), kinds.end(), s.kind) == kinds.end())
        error(where, key, fmt::format("sources.{}.{}{}: not for {} sources (only {})", s.name, section, key, s.kind,
                                      fmt::format("{}", fmt::join(kinds, ", "))));
  }

  void require(const SourceConfig& s, const Positions& where, const std::string& section, const std::string& key,
               const std::string& why) {
    if (!where.contains(key))
      error(where.contains("") ? where : s.where, section.empty() ? key : "auth",
            fmt::format("sources.{}.{}{}: missing ({})", s.name, section, key, why));
  }

  void check_source(SourceConfig& s) {
    if (s.kind.empty()) return;  // kind missing or invalid: already reported, the rest would only cascade
    refuse_other_kinds(s, kSourceSettingKinds, s.where, "");
    // An auth that is not a map was reported while parsing; its settings would only cascade.
    const bool auth_readable = !s.where.contains("auth") || s.auth.where.contains("");
    if (auth_readable) refuse_other_kinds(s, kAuthSettingKinds, s.auth.where, "auth.");
    if (s.kind == "salesforce") check_salesforce(s, auth_readable);
    if (s.kind == "netsuite") check_netsuite(s, auth_readable);
    if (s.kind == "sap" || s.kind == "oracle") check_sap_or_oracle(s, auth_readable);
    if (s.kind == "sql") require(s, s.where, "", "connection", "the ODBC connection string, e.g. env:EBS_ODBC");
    if (s.objects.empty() && !s.where.contains("objects"))
      error(s.where, "", fmt::format("sources.{}.objects: nothing to sync (add e.g. orders: {{mapping: mappings/x.yaml}})", s.name));
    for (auto& o : s.objects) check_object(s, o);
  }

  void check_salesforce(const SourceConfig& s, bool auth_readable) {
    const Positions& aw = s.auth.where;
    require(s, s.where, "", "url", "the org's My Domain URL, e.g. https://acme.my.salesforce.com");
    if (!auth_readable) return;
    require(s, aw, "auth.", "grant", "client_credentials or jwt_bearer");
    if (s.auth.grant == "basic")
      error(aw, "grant", fmt::format("sources.{}.auth.grant: basic is not offered by Salesforce (use client_credentials "
                                     "or jwt_bearer)", s.name));
    require(s, aw, "auth.", "client_id", "the connected app's consumer key, e.g. env:SF_CLIENT_ID");
    if (s.auth.grant == "client_credentials")
      require(s, aw, "auth.", "client_secret", "client_credentials needs the consumer secret");
    if (s.auth.grant == "jwt_bearer") {
      require(s, aw, "auth.", "private_key", "jwt_bearer signs with the connected app's private key");
      require(s, aw, "auth.", "user", "jwt_bearer needs the integration user's username");
    }
  }

  void check_netsuite(const SourceConfig& s, bool auth_readable) {
    require(s, s.where, "", "account", "the NetSuite account id, e.g. 1234567_SB1");
    if (!auth_readable) return;
    for (const char* k : {"consumer_key", "consumer_secret", "token_id", "token_secret"})
      require(s, s.auth.where, "auth.", k, "token-based authentication needs all four");
  }

  void check_sap_or_oracle(const SourceConfig& s, bool auth_readable) {
    const Positions& aw = s.auth.where;
    require(s, s.where, "", "url", s.kind == "sap" ? "the S/4HANA API host" : "the Fusion pod's URL");
    require(s, s.where, "", "auth", "basic (user, password) or client_credentials (token_url, client_id, client_secret)");
    if (!auth_readable) return;
    require(s, aw, "auth.", "grant", "basic or client_credentials");
    if (s.auth.grant == "jwt_bearer")
      error(aw, "grant", fmt::format("sources.{}.auth.grant: jwt_bearer is for Salesforce (use basic or "
                                     "client_credentials)", s.name));
    if (s.auth.grant == "basic") {
      require(s, aw, "auth.", "user", "basic needs the communication / integration user");
      require(s, aw, "auth.", "password", "basic needs the user's password, e.g. env:SAP_PASSWORD");
    }
    if (s.auth.grant == "client_credentials")
      for (const char* k : {"token_url", "client_id", "client_secret"})
        require(s, aw, "auth.", k, "client_credentials needs the token endpoint, client id and secret");
  }

  void check_object(const SourceConfig& s, ObjectConfig& o) {
    if (o.mapping.empty()) return;  // already reported as missing / invalid
    const std::string key = fmt::format("sources.{}.objects.{}.mapping", s.name, o.name);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(o.mapping, ec)) {
      error(o.where, "mapping", fmt::format("{}: mapping file not found: {}", key, o.mapping.string()));
      return;
    }
    try {
      o.mapper = mapping::load_mapping(o.mapping);
    } catch (const Error& e) {
      error(o.where, "mapping", fmt::format("{}: {} has errors (listed below)", key, o.mapping.string()));
      std::istringstream lines(e.what());
      for (std::string line; std::getline(lines, line);) issues_.push_back(ConfigIssue{"", {}, line});
      return;
    }
    const std::string& kind = o.mapper->info().source_kind;
    if (!s.kind.empty() && kind != s.kind)
      error(o.where, "mapping", fmt::format("{}: {} is a {} mapping, but source '{}' is {}", key, o.mapping.string(),
                                            kind, s.name, s.kind));
  }

  Config& cfg_;
  std::string file_;
  std::vector<ConfigIssue> issues_;
};

}  // namespace

std::vector<ConfigIssue> validate(Config& config) {
  std::vector<ConfigIssue> issues = Validator(config).run();
  validate_push(config, issues);
  return issues;
}

}  // namespace o2c::config
