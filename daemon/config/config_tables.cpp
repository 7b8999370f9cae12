// daemon/config/config_tables.cpp — every setting of config.yaml, declared
// once: name, type, member, required or default, help (STYLE.md 2.6).
#include "daemon/config/config_tables.h"

namespace o2c::config {

using T = SettingType;

const SettingsTable<Config>& top_level_settings() {
  static const SettingsTable<Config> table{
      Setting<Config>{"store", T::url, &Config::store,
                      "Database URL: sqlite:///path/to/o2csync.db (embedded) or postgresql://user@host/db "
                      "(several instances sharing the work)"}
          .default_to("sqlite:///var/lib/o2csync/o2csync.db"),
  };
  return table;
}

const SettingsTable<SourceConfig>& source_settings() {
  using S = SourceConfig;
  static const SettingsTable<S> table{
      Setting<S>{"kind", T::choice, &S::kind, "Which system this source is"}.required().one_of(kSourceKinds),
      Setting<S>{"url", T::url, &S::url,
                 "Salesforce: the org's My Domain URL (required). NetSuite: the SuiteTalk REST base URL; by default "
                 "derived from account. SAP: the S/4HANA host, e.g. https://my300000-api.s4hana.cloud.sap (required). "
                 "Oracle: the Fusion pod, e.g. https://acme.fa.us2.oraclecloud.com (required)"},
      Setting<S>{"api_version", T::text, &S::api_version, "Salesforce REST API version"}.default_to("59.0"),
      Setting<S>{"login_url", T::url, &S::login_url, "Salesforce: where tokens are requested (login or test host)"}
          .default_to("https://login.salesforce.com"),
      Setting<S>{"audience", T::text, &S::audience, "Salesforce jwt_bearer: the JWT aud claim (default: login_url)"},
      Setting<S>{"account", T::text, &S::account, "NetSuite: account id as NetSuite writes it, e.g. 1234567_SB1 (required)"},
      Setting<S>{"timezone", T::timezone, &S::timezone,
                 "NetSuite: time zone NetSuite uses for this integration user's dates (Home → Set Preferences → "
                 "Time Zone); SQL: the database server's time zone (EBS dates carry none); o2csync converts its "
                 "cursor to it"}
          .default_to("UTC"),
      Setting<S>{"sap_client", T::text, &S::sap_client, "SAP: the client to read from (sap-client), e.g. 100"},
      Setting<S>{"connection", T::secret, &S::connection,
                 "SQL: the ODBC connection string, e.g. env:EBS_ODBC (\"Driver=...;Server=...;Uid=...;Pwd=...\"; it "
                 "holds the password, so it is a secret reference) (required)"},
      Setting<S>{"page_size", T::integer, &S::page_size,
                 "Records per request or fetch (0 = the system's usual page: NetSuite 1000, SAP 1000, Oracle 500, SQL 2000)"}
          .default_to("0")
          .range(0, 100000),
      Setting<S>{"max_concurrency", T::integer, &S::max_concurrency,
                 "Parallel requests (NetSuite's limit is shared by every integration of the account)"}
          .default_to("4")
          .range(1, 64),
      Setting<S>{"rate_per_second", T::number, &S::rate_per_second, "Request rate limit"}.default_to("10").range(0.1, 1000),
      Setting<S>{"timeout", T::duration, &S::timeout, "Timeout of one HTTP request"}.default_to("60s"),
      Setting<S>{"max_attempts", T::integer, &S::max_attempts, "Attempts per request before the run reports the source down"}
          .default_to("5")
          .range(1, 20),
      Setting<S>{"lookback", T::duration, &S::lookback,
                 "Overlap of each incremental window, for rows committed late with an earlier modstamp"}
          .default_to("5m"),
  };
  return table;
}

const SettingsTable<AuthConfig>& auth_settings() {
  using A = AuthConfig;
  static const SettingsTable<A> table{
      Setting<A>{"grant", T::choice, &A::grant,
                 "Salesforce: client_credentials or jwt_bearer; SAP, Oracle: basic (a communication / integration "
                 "user) or client_credentials (required)"}
          .one_of({"client_credentials", "jwt_bearer", "basic"}),
      Setting<A>{"client_id", T::secret, &A::client_id, "Salesforce: connected app consumer key; SAP, Oracle client_credentials: the client id"},
      Setting<A>{"client_secret", T::secret, &A::client_secret, "client_credentials: the consumer / client secret"},
      Setting<A>{"user", T::text, &A::user,
                 "Salesforce jwt_bearer: the integration user's username; SAP, Oracle basic: the user name"},
      Setting<A>{"password", T::secret, &A::password, "SAP, Oracle basic: the user's password"},
      Setting<A>{"token_url", T::url, &A::token_url, "SAP, Oracle client_credentials: the OAuth 2.0 token endpoint"},
      Setting<A>{"private_key", T::secret, &A::private_key, "Salesforce jwt_bearer: PEM RSA private key"},
      Setting<A>{"consumer_key", T::secret, &A::consumer_key, "NetSuite TBA: integration record consumer key"},
      Setting<A>{"consumer_secret", T::secret, &A::consumer_secret, "NetSuite TBA: consumer secret"},
      Setting<A>{"token_id", T::secret, &A::token_id, "NetSuite TBA: access token id"},
      Setting<A>{"token_secret", T::secret, &A::token_secret, "NetSuite TBA: access token secret"},
  };
  return table;
}

const SettingsTable<ObjectConfig>& object_settings() {
  using O = ObjectConfig;
  static const SettingsTable<O> table{
      Setting<O>{"mapping", T::path, &O::mapping, "Mapping file, relative to the folder of config.yaml"}.required(),
      Setting<O>{"every", T::duration, &O::every, "Sync interval"}.default_to("15m"),
  };
  return table;
}

const SettingsTable<ReconcileConfig>& reconcile_settings() {
  using R = ReconcileConfig;
  static const SettingsTable<R> table{
      Setting<R>{"amount_tolerance", T::decimal, &R::amount_tolerance,
                 "Largest amount difference still counted as equal, in each document's currency"}
          .default_to("0.01"),
      Setting<R>{"renewal_po_horizon", T::duration, &R::renewal_po_horizon,
                 "How long before a subscription ends a renewal order with a PO must exist"}
          .default_to("30d"),
      Setting<R>{"require_po", T::list, &R::require_po,
                 "Customers (ids or names) whose invoices need a PO, in addition to the account flag"},
  };
  return table;
}

const SettingsTable<ReportConfig>& report_settings() {
  using R = ReportConfig;
  static const SettingsTable<R> table{
      Setting<R>{"weekday", T::choice, &R::weekday, "Day the weekly report is produced"}
          .default_to("monday")
          .one_of({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}),
      Setting<R>{"time", T::time_of_day, &R::time, "Time of day, in timezone"}.default_to("07:00"),
      Setting<R>{"timezone", T::timezone, &R::timezone, "Time zone of weekday and time"}.default_to("UTC"),
      Setting<R>{"mail_to", T::email_list, &R::mail_to, "Who receives the report (empty: files only)"},
      Setting<R>{"out_dir", T::path, &R::out_dir, "Folder the report files are written to"}.default_to(
          "/var/lib/o2csync/reports"),
  };
  return table;
}

const SettingsTable<LogConfig>& log_settings() {
  using L = LogConfig;
  static const SettingsTable<L> table{
      Setting<L>{"level", T::choice, &L::level, "Least severe level logged"}.default_to("info").one_of(
          {"trace", "debug", "info", "warn", "error"}),
      Setting<L>{"format", T::choice, &L::format, "text (key=value lines for journald) or json (one object per line)"}
          .default_to("text")
          .one_of({"text", "json"}),
  };
  return table;
}

}  // namespace o2c::config
