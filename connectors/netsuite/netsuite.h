// connectors/netsuite/netsuite.h
// netsuite — the NetSuite source connector: turns a mapping's QuerySpec and a
// Cursor into SuiteQL (POST /services/rest/query/v1/suiteql), pages each
// query by offset up to the 100,000-row ceiling and then by id keyset,
// fetches the pages of a window concurrently (bounded by max_concurrency)
// and hands them out in order, verifies every window (counts, id order) and
// re-reads one sequentially when rows moved under it, and cuts each answer
// into raw records. Owns the SuiteQL text, the checks on every answer and the
// pass/keyset cursor. Never stores, never maps fields; HTTP and OAuth 1.0a
// TBA go through connectors/http. Called by daemon/ through connectors::Source.
//
// Parts: netsuite_config.cpp (settings, account → realm and host),
// netsuite_timezone.cpp (UTC cursor ↔ the account's wall-clock time),
// netsuite_query.cpp (SuiteQL, request body and URL), netsuite_records.cpp
// (answer → RawRecords), netsuite_verdict.cpp (status/errorCode → Verdict),
// netsuite_window.cpp (window plan and checks), netsuite_source.cpp (paging).
//
// Time zone: NetSuite reads TO_DATE literals and writes TO_CHAR text as wall
// time in the integration user's time zone (settings.timezone). The cursor
// stays UTC; the literal is its wall time there, never later than the cursor
// (DST fall-back), and o2c_modified is read back from that zone.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "connectors/http/http.h"
#include "connectors/source.h"
#include "core/secret.h"
#include "core/time.h"

namespace o2c::netsuite {

// The client defaults for NetSuite: at most 2 requests in flight (the
// account's concurrency limit is shared with every other integration).
http::ClientSettings netsuite_client_defaults();

struct NetSuiteSettings {
  std::string name;                          // configured source name ("erp"), for logs and errors
  std::string account;                       // account id as written, e.g. 1234567_SB1 (1234567-sb1 works too)
  std::string url;                           // REST base; "" = https://1234567-sb1.suitetalk.api.netsuite.com
  Secret consumer_key, consumer_secret;      // integration record
  Secret token_id, token_secret;             // access token of the integration user and role
  http::ClientSettings client = netsuite_client_defaults();  // client.max_concurrency = pages fetched at once
  int page_size = 1000;                      // SuiteQL limit, 1..1000
  long result_ceiling = 100'000;             // rows one query can page through (offset + limit <= ceiling)
  std::chrono::seconds lookback{300};        // a finished pass restarts this far before its high-water mark
  std::string timezone = "UTC";              // IANA zone NetSuite reads and writes wall times in (user preference)
};

// "1234567-sb1" or "1234567_sb1" → "1234567_SB1" (the OAuth realm NetSuite expects).
std::string netsuite_realm(std::string_view account);
// "1234567_SB1" → "https://1234567-sb1.suitetalk.api.netsuite.com".
std::string netsuite_default_url(std::string_view account);

// Checks the settings and builds the source: one http::Client and one
// OAuth1Auth (realm derived from the account), shared by every stream opened
// from it. Throws Error(config) naming each invalid setting (never a secret).
std::shared_ptr<connectors::Source> make_netsuite_source(NetSuiteSettings settings, const Clock& clock);

}  // namespace o2c::netsuite
