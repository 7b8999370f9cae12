// sim/salesforce/salesforce_api.h
// The simulated Salesforce REST API: OAuth 2.0 token endpoint (client
// credentials, JWT bearer RS256, refresh), SOQL query/queryAll with
// nextRecordsUrl paging, describe, limits, Sforce-Limit-Info, and Salesforce's
// own error bodies. A pure request → reply handler over a SimCatalog; it never
// opens a socket (sim/server does) and never generates data (sim/dataset does).
// Parts: salesforce_oauth/jwt (tokens), soql_lexer/parser (SOQL → AST),
// soql_plan (names → columns, seek range), soql_exec/result_set (rows),
// salesforce_query/locators (paging), salesforce_json/records/describe (output).
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "core/time.h"
#include "sim/sim_http.h"
#include "sim/sim_table.h"

namespace o2c::sim::salesforce {

struct SalesforceOptions {
  std::string client_id = "o2c-demo-client";
  std::string client_secret = "o2c-demo-secret";
  std::string jwt_public_key_pem;  // RS256 key (PUBLIC KEY or CERTIFICATE PEM) for JWT bearer; empty = grant disabled
  std::string username = "integration@acme.example";
  std::string instance_url;          // "http://127.0.0.1:PORT", returned in token responses; empty = from Host
  int batch_size = 2000;             // records per query page
  long daily_api_limit = 5'000'000;  // total requests; past it → 403 REQUEST_LIMIT_EXCEEDED
  int session_seconds = 7200;        // access token lifetime
  // Added with the implementation (all defaulted, so older initialisers still compile):
  std::string login_url;               // accepted JWT `aud` and base of the identity URL; empty = instance_url
  std::string jwt_audience;            // a further accepted JWT `aud`, e.g. "https://login.salesforce.com"
  std::string refresh_token;           // accepted for grant_type=refresh_token; empty = grant disabled
  int max_query_locators = 10;         // open query cursors (Salesforce: 10 per user); the oldest is released
  int locator_idle_seconds = 15 * 60;  // a query cursor unused this long expires
};

class SalesforceApi {
 public:
  // `clock` drives token lifetime, JWT exp checks, locator expiry and the daily
  // limit window; null = the system clock. Throws o2c::Error(config) on an
  // unreadable jwt_public_key_pem.
  SalesforceApi(SalesforceOptions options, std::shared_ptr<const SimCatalog> catalog,
                std::shared_ptr<const Clock> clock = nullptr);
  ~SalesforceApi();
  SalesforceApi(const SalesforceApi&) = delete;
  SalesforceApi& operator=(const SalesforceApi&) = delete;

  // Handles /services/oauth2/* and /services/data/*. Thread-safe.
  SimReply handle(const SimRequest& request);
  // Salesforce's own reply for an injected fault: kind "429" (Salesforce answers
  // throttling as 403 REQUEST_LIMIT_EXCEEDED ConcurrentRequests) or "5xx".
  SimReply fault_reply(std::string_view kind) const;
  // Invalidates every issued access token (the "expire" fault): the next call
  // with one gets 401 INVALID_SESSION_ID.
  void expire_sessions();
  long api_calls() const;  // requests counted toward the daily limit

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace o2c::sim::salesforce
