// daemon/source_factory.cpp — config.yaml's source sections → connectors.
// The only place that resolves a source's secrets (when the source is built,
// so a missing env:/file:/credential: reference stops just that command).
#include <fmt/format.h>

#include "connectors/netsuite/netsuite.h"
#include "connectors/oracle/oracle.h"
#include "connectors/salesforce/salesforce.h"
#include "connectors/sap/sap.h"
#include "connectors/sql/sql.h"
#include "core/error.h"
#include "daemon/app.h"

namespace o2c::daemon {

namespace {

Secret resolve(const config::SourceConfig& source, const char* setting, const SecretRef& ref) {
  if (!ref.is_set()) return {};
  try {
    return ref.resolve();
  } catch (const Error& e) {
    throw Error(Error::Kind::config, fmt::format("sources.{}.auth.{}: {}", source.name, setting, e.what()));
  }
}

http::ClientSettings client_settings(const config::SourceConfig& source, http::ClientSettings base) {
  base.source = source.name;
  base.max_concurrency = source.max_concurrency;
  base.rate_per_second = source.rate_per_second;
  base.timeout = std::chrono::duration_cast<std::chrono::milliseconds>(source.timeout);
  base.max_attempts = source.max_attempts;
  return base;
}

std::shared_ptr<connectors::Source> make_salesforce(const config::SourceConfig& s, const Clock& clock) {
  salesforce::SalesforceSettings settings;
  settings.name = s.name;
  settings.instance_url = s.url;
  settings.login_url = s.login_url;
  settings.api_version = s.api_version;
  settings.auth.grant = s.auth.grant;
  settings.auth.client_id = resolve(s, "client_id", s.auth.client_id);
  settings.auth.client_secret = resolve(s, "client_secret", s.auth.client_secret);
  settings.auth.private_key_pem = resolve(s, "private_key", s.auth.private_key);
  settings.auth.user = s.auth.user;
  settings.auth.audience = s.audience;
  settings.client = client_settings(s, settings.client);
  settings.lookback = s.lookback;
  return salesforce::make_salesforce_source(std::move(settings), clock);
}

std::shared_ptr<connectors::Source> make_netsuite(const config::SourceConfig& s, const Clock& clock) {
  netsuite::NetSuiteSettings settings;
  settings.name = s.name;
  settings.account = s.account;
  settings.url = s.url;
  settings.consumer_key = resolve(s, "consumer_key", s.auth.consumer_key);
  settings.consumer_secret = resolve(s, "consumer_secret", s.auth.consumer_secret);
  settings.token_id = resolve(s, "token_id", s.auth.token_id);
  settings.token_secret = resolve(s, "token_secret", s.auth.token_secret);
  settings.client = client_settings(s, settings.client);
  settings.lookback = s.lookback;
  settings.timezone = s.timezone;
  return netsuite::make_netsuite_source(std::move(settings), clock);
}

http::OAuth2Settings client_credentials(const config::SourceConfig& s) {
  http::OAuth2Settings oauth;
  oauth.grant = "client_credentials";
  oauth.token_url = s.auth.token_url;
  oauth.client_id = resolve(s, "client_id", s.auth.client_id);
  oauth.client_secret = resolve(s, "client_secret", s.auth.client_secret);
  return oauth;
}

std::shared_ptr<connectors::Source> make_sap(const config::SourceConfig& s, const Clock& clock) {
  sap::SapSettings settings;
  settings.name = s.name;
  settings.url = s.url;
  settings.sap_client = s.sap_client;
  settings.grant = s.auth.grant;
  if (s.auth.grant == "client_credentials") {
    settings.oauth = client_credentials(s);
  } else {
    settings.user = s.auth.user;
    settings.password = resolve(s, "password", s.auth.password);
  }
  settings.client = client_settings(s, settings.client);
  if (s.page_size > 0) settings.page_size = s.page_size;
  settings.lookback = s.lookback;
  return sap::make_sap_source(std::move(settings), clock);
}

std::shared_ptr<connectors::Source> make_oracle(const config::SourceConfig& s, const Clock& clock) {
  oracle::OracleSettings settings;
  settings.name = s.name;
  settings.url = s.url;
  if (s.auth.grant == "client_credentials")
    settings.auth = client_credentials(s);
  else
    settings.auth = oracle::OracleBasicAuth{s.auth.user, resolve(s, "password", s.auth.password)};
  settings.client = client_settings(s, settings.client);
  if (s.page_size > 0) settings.page_size = s.page_size;
  settings.lookback = s.lookback;
  return oracle::make_oracle_source(std::move(settings), clock);
}

std::shared_ptr<connectors::Source> make_sql(const config::SourceConfig& s, const Clock& clock) {
  sql::SqlSettings settings;
  settings.name = s.name;
  try {
    settings.connection = s.connection.resolve();
  } catch (const Error& e) {
    throw Error(Error::Kind::config, fmt::format("sources.{}.connection: {}", s.name, e.what()));
  }
  if (s.page_size > 0) settings.batch_size = s.page_size;
  settings.timezone = s.timezone;
  settings.lookback = s.lookback;
  return sql::make_sql_source(std::move(settings), clock);
}

}  // namespace

std::shared_ptr<connectors::Source> make_source(const config::SourceConfig& source, const Clock& clock) {
  if (source.kind == "salesforce") return make_salesforce(source, clock);
  if (source.kind == "netsuite") return make_netsuite(source, clock);
  if (source.kind == "sap") return make_sap(source, clock);
  if (source.kind == "oracle") return make_oracle(source, clock);
  if (source.kind == "sql") return make_sql(source, clock);
  throw Error(Error::Kind::config, fmt::format("sources.{}.kind: unknown kind '{}'", source.name, source.kind));
}

}  // namespace o2c::daemon
