// connectors/salesforce/salesforce.h
// salesforce — the Salesforce source connector: turns a mapping's QuerySpec
// and a Cursor into SOQL over the REST API (/query or /queryAll), follows
// nextRecordsUrl batch by batch, and cuts each answer into raw records (the
// exact JSON text of each record). Owns the SOQL text, the checks on every
// answer (status, errorCode, JSON envelope, totalSize), the Sforce-Limit-Info
// budget and the pass/keyset cursor. Never stores, never maps fields; all
// HTTP and OAuth 2.0 go through connectors/http. Called by daemon/ through
// connectors::Source.
//
// Parts: salesforce_config.cpp (settings → checked settings),
// salesforce_query.cpp (SOQL and URL text), salesforce_records.cpp (answer →
// RawRecords), salesforce_verdict.cpp (status/errorCode → Verdict, limits),
// salesforce_source.cpp (paging, cursor, errors).
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "connectors/http/auth.h"
#include "connectors/http/http.h"
#include "connectors/source.h"
#include "core/time.h"

namespace o2c::salesforce {

struct SalesforceSettings {
  std::string name;                          // configured source name ("crm"), for logs and errors
  std::string instance_url;                  // https://acme.my.salesforce.com; the token's instance_url wins when given
  std::string login_url;                     // token endpoint host; "" = instance_url
  std::string api_version = "59.0";          // REST API version, "NN.N"
  http::OAuth2Settings auth;                 // token_url "" = {login_url}/services/oauth2/token
  http::ClientSettings client;               // concurrency, rate, timeout, attempts (client.source = name)
  std::chrono::seconds lookback{300};        // a finished pass restarts this far before its high-water mark
  double api_usage_threshold = 0.9;          // stop a stream before Sforce-Limit-Info usage would cross this share
};

// Checks the settings and builds the source: one http::Client and one
// OAuth2Auth, shared by every stream opened from it. Throws Error(config)
// naming the setting on anything invalid. No request is made here.
std::shared_ptr<connectors::Source> make_salesforce_source(SalesforceSettings settings, const Clock& clock);

}  // namespace o2c::salesforce
