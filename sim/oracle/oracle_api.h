// sim/oracle/oracle_api.h
// The simulated Oracle Fusion Cloud REST API (ADF REST framework): resource
// collections under /fscmRestApi/resources/11.13.18.05/<collection> (and
// /crmRestApi/...), each item by key, `describe`; the collection parameters
// limit (capped by the server), offset, totalResults, onlyData, fields,
// expand, orderBy and q in both syntaxes the REST-Framework-Version header
// selects (1: query-by-example, 2+: rowmatch expressions); Oracle's error
// bodies (plain text before framework version 4, JSON from 4 on); HTTP Basic
// auth and, optionally, OAuth 2.0 client-credentials bearer tokens. A pure
// request → reply handler over a SimCatalog, like sim/netsuite.
//
// Parts: oracle_resources (which resources exist, their attributes and
// describe), oracle_filter_* (the q parser of both syntaxes, binding and
// evaluation), oracle_collection (prepared collection queries: seeks on the
// natural order, lazily built checkpoints, a page cache), oracle_json
// (envelopes, items, errors), oracle_auth (Basic and bearer tokens).
#pragma once

#include <atomic>
#include <cstddef>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "sim/oracle/oracle_resources.h"
#include "sim/sim_http.h"
#include "sim/sim_table.h"

namespace o2c::sim::oracle {

struct OracleOptions {
  std::string user = "o2c.integration";             // HTTP Basic
  std::string password = "o2c-demo-password";
  // OAuth 2.0 client credentials (as IDCS / OCI IAM issue them); token_path
  // "" = no token endpoint, bearer tokens refused.
  std::string token_path;                           // e.g. "/oauth2/v1/token", served on the same port
  std::string client_id = "o2c-demo-oracle-client";
  std::string client_secret = "o2c-demo-oracle-secret";
  int token_lifetime_seconds = 3600;
  std::size_t max_page_size = 500;                  // a larger limit is cut to this (the answer says so)
  std::size_t default_page_size = 25;               // limit when the request has none
  int retry_after_seconds = 2;                      // Retry-After of the 429 fault reply
  // Field pitfall #24: an offset >= this is silently ignored (the rows of
  // offset 0 come back) while the answer still echoes the requested offset
  // and computes hasMore for it. The default honours every offset.
  std::size_t ignore_offset_from = std::numeric_limits<std::size_t>::max();
  std::size_t query_cache_entries = 16;             // prepared queries kept for paging
  std::vector<ResourceSpec> resources = fusion_resources();
};

// What the simulated server did, for tests that count the cost of paging.
struct OracleStats {
  long requests = 0;         // requests handled (auth failures included)
  long rows_examined = 0;    // table rows a filter or sort looked at
  long queries_prepared = 0; // collection queries parsed and planned (cache misses)
};

class OracleApi {
 public:
  // `clock` ages bearer tokens; nullptr = the system clock.
  OracleApi(OracleOptions options, std::shared_ptr<const SimCatalog> catalog,
            std::shared_ptr<const Clock> clock = nullptr);
  ~OracleApi();
  OracleApi(const OracleApi&) = delete;
  OracleApi& operator=(const OracleApi&) = delete;

  // Handles every request to the simulated pod. Thread-safe. `request.host`
  // makes the links' hrefs.
  SimReply handle(const SimRequest& request);
  // Oracle's own reply for an injected fault: "429" → 429 with Retry-After and
  // the JSON error body; "5xx" → 503 with an HTML maintenance page.
  SimReply fault_reply(std::string_view kind) const;
  // Invalidates every bearer token issued so far (the "expire" fault).
  void expire_tokens();
  OracleStats stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace o2c::sim::oracle
