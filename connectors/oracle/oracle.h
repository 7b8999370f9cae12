// connectors/oracle/oracle.h
// oracle — the Oracle Fusion Cloud ERP source connector (ADF REST, e.g.
// /fscmRestApi/resources/11.13.18.05/receivablesInvoices): turns a mapping's
// QuerySpec and a Cursor into collection GETs
//   GET {url}{service}?onlyData=true&totalResults=true&limit=L&offset=K
//       &orderBy=<id>:asc&fields=<fields>&q=<filter>&expand=<children>
// with REST-Framework-Version: 2 (rowmatch q syntax), pages each query by
// the offsets and counts the server answers (never the limit it was asked
// for) while hasMore says so, starts a new query after the last id read
// (keyset) every window_rows rows and after rows moved under a query,
// verifies every page (totalResults, count, limit, offset, hasMore, ids
// strictly ascending — a page repeated because the server ignored offset,
// field pitfall #24, is an error naming it) and cuts each answer into raw
// records. Owns the q text, the checks and the pass/keyset cursor. Never
// stores, never maps fields; HTTP, Basic auth and OAuth 2.0 go through
// connectors/http. Called by daemon/ through connectors::Source.
//
// Parts: oracle_config.cpp (settings), oracle_auth.cpp (HTTP Basic),
// oracle_query.cpp (q, fields, expand, URL), oracle_records.cpp (answer →
// RawRecords), oracle_verdict.cpp (status → Verdict, error bodies),
// oracle_window.cpp (page checks), oracle_source.cpp (paging).
//
// The q filter: `<cursor> >= '<since>' and <id> > <last id> and (<where>)`,
// each part only when it applies. <since> is the UTC cursor cut to the whole
// second, written 2026-11-24T10:00:00+00:00 (never later than the cursor;
// the '+' goes out percent-encoded, field pitfall #49); <last id> is written
// as a number when it is all digits (Fusion keys are numbers), else as a
// quoted string with '' for a quote. <where> is the mapping's own rowmatch
// expression.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <variant>

#include "connectors/http/auth.h"
#include "connectors/http/client_clock.h"
#include "connectors/http/http.h"
#include "connectors/source.h"
#include "core/secret.h"
#include "core/time.h"

namespace o2c::oracle {

// The client defaults for Fusion: two requests in flight at most (pages are
// read one after the other; the second slot serves a token fetch).
http::ClientSettings oracle_client_defaults();

// HTTP Basic with an integration user (what every Oracle example uses).
struct OracleBasicAuth {
  std::string user;
  Secret password;
};

struct OracleSettings {
  std::string name;                          // configured source name ("erp"), for logs and errors
  std::string url;                           // the pod, e.g. https://acme.fa.us2.oraclecloud.com
  // Basic, or OAuth 2.0 from IDCS / OCI IAM (grant client_credentials: token_url, client_id, client_secret).
  std::variant<OracleBasicAuth, http::OAuth2Settings> auth;
  http::ClientSettings client = oracle_client_defaults();
  int page_size = 500;                       // limit asked for, 1..10000 (the server may answer a smaller one)
  long window_rows = 10'000;                 // rows one query pages through by offset before a keyset query follows
  std::chrono::seconds lookback{300};        // a finished pass restarts this far before its high-water mark
  int framework_version = 2;                 // REST-Framework-Version, 2..9 (the q text is rowmatch syntax)
};

// Checks the settings and builds the source: one http::Client and one auth
// scheme, shared by every stream opened from it. Throws Error(config) naming
// each invalid setting (never a secret). `client_clock` replaces the real
// time of backoff and Retry-After waits (tests); nullptr = real time.
std::shared_ptr<connectors::Source> make_oracle_source(OracleSettings settings, const Clock& clock,
                                                       http::ClientClock* client_clock = nullptr);

}  // namespace o2c::oracle
