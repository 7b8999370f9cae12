// sim/netsuite/netsuite_api.h
// The simulated NetSuite SuiteTalk REST API: OAuth 1.0a TBA verified per RFC
// 5849 (HMAC-SHA256, realm = account id), SuiteQL POST with limit/offset
// paging, the 100,000-row ceiling, NetSuite's error bodies. A pure request →
// reply handler over a SimCatalog. The per-account concurrency limit is
// enforced by sim/server (it sees requests in flight) using max_concurrency().
// Parts: netsuite_oauth (TBA verification), netsuite_json (bodies),
// suiteql_* (lexer, parser, binder, evaluator, executor, page cache, the
// account's time zone).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/time.h"
#include "sim/sim_http.h"
#include "sim/sim_table.h"

namespace o2c::sim::netsuite {

struct NetSuiteOptions {
  std::string account = "1234567_SB1";  // realm; host form is 1234567-sb1
  std::string consumer_key = "o2c-demo-ck";
  std::string consumer_secret = "o2c-demo-cs";
  std::string token_id = "o2c-demo-tid";
  std::string token_secret = "o2c-demo-ts";
  int max_concurrency = 4;              // concurrent requests per account
  int timestamp_skew_seconds = 300;     // oauth_timestamp tolerance
  std::size_t query_cache_entries = 16; // prepared SuiteQL queries kept for paging
  std::string timezone = "UTC";         // IANA zone of TO_DATE / TO_CHAR wall times (suiteql_zone.h)
};

class NetSuiteApi {
 public:
  // `clock` checks oauth_timestamp and ages nonces; nullptr = the system clock.
  // Throws Error(config) when options.timezone is not a known IANA zone.
  NetSuiteApi(NetSuiteOptions options, std::shared_ptr<const SimCatalog> catalog,
              std::shared_ptr<const Clock> clock = nullptr);
  ~NetSuiteApi();
  NetSuiteApi(const NetSuiteApi&) = delete;
  NetSuiteApi& operator=(const NetSuiteApi&) = delete;

  // Handles /services/rest/*. Thread-safe. `request.host` is used to rebuild
  // the base string URI and the links' hrefs.
  SimReply handle(const SimRequest& request);
  // NetSuite's own reply for an injected fault, kind "429" (also used when the
  // server sees more than max_concurrency() requests in flight) or "5xx".
  SimReply fault_reply(std::string_view kind) const;
  int max_concurrency() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace o2c::sim::netsuite
