// sim/sap/sap_api.h
// The simulated SAP S/4HANA OData API (api-contracts §3, erp-contract): the
// A2X services of sap_services.h under /sap/opu/odata/sap/<SERVICE>/ (OData
// V2: {"d":{"results":[..],"__count":"N","__next":".."}}, __metadata,
// /Date(ms)/ and /Date(ms+0000)/, Edm.Decimal as strings) and under
// /sap/opu/odata4/sap/<service>/srvd_a2x/sap/<name>/0001/ (OData V4:
// {"value":[..],"@odata.count":N,"@odata.nextLink":".."}, ISO timestamps);
// $metadata, the service document, entity by key, navigation, $count;
// $filter/$select/$expand/$orderby/$top/$skip/$inlinecount/$count and
// server-driven paging with $skiptoken (O(page) per next link); sap-client
// (an unknown client gets 401 as SAP's logon does); HTTP Basic and Bearer
// tokens from the OAuth 2.0 client-credentials endpoint; CSRF tokens
// (`x-csrf-token: Fetch`; a modifying request without a valid token gets 403
// `x-csrf-token: Required`); SAP's error bodies. A pure request → reply
// handler over a SimCatalog whose tables are named like the entity sets.
// Parts: sap_auth (credentials, sessions, CSRF), odata_filter ($filter and
// $orderby), sap_query (options → plan), sap_exec (filter, seek, sort),
// sap_paging ($skiptoken), sap_json / sap_metadata (bodies), sap_error.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "core/time.h"
#include "sim/sim_http.h"
#include "sim/sim_table.h"

namespace o2c::sim::sap {

enum class ServedVersions { v2, v4, both };

// Misbehaviour of real systems, for connector tests (field-pitfalls #19, #20, #51).
struct SapFaults {
  bool repeat_next_link = false;        // every next link carries the first page's $skiptoken: a paging loop
  long error_in_200_every = 0;          // every Nth collection request is answered HTTP 200 with an error body
  std::string next_link_base;           // next links point at this scheme://host:port instead of the Host
                                        // (a reverse proxy rewriting badly: a cross-origin next link)
};

struct SapOptions {
  std::string user = "O2C_COMM_USER";             // communication user (HTTP Basic)
  std::string password = "o2c-demo-password";
  std::string client_id = "o2c-demo-sap-client";  // OAuth 2.0 client credentials
  std::string client_secret = "o2c-demo-sap-secret";
  std::string token_path = "/sap/bc/sec/oauth2/token";
  std::string sap_client = "100";                 // the only client of the system (its default)
  std::string system_id = "S4H";
  int page_size = 1000;                           // server-driven paging: entities per page
  int token_seconds = 3600;                       // OAuth access token lifetime
  int csrf_seconds = 600;                         // CSRF token lifetime
  int datetimeoffset_offset_minutes = 0;          // Edm.DateTimeOffset written as /Date(ms+0120)/ / +02:00
  bool metadata_omit_decimal_scale = false;       // $metadata: Edm.Decimal without Scale
  std::map<std::string, ServedVersions> service_versions;  // V2 service name → paths served; absent = both
  SapFaults faults;
};

class SapApi {
 public:
  // `clock` drives token, session and CSRF lifetimes; nullptr = the system clock.
  SapApi(SapOptions options, std::shared_ptr<const SimCatalog> catalog, std::shared_ptr<const Clock> clock = nullptr);
  ~SapApi();
  SapApi(const SapApi&) = delete;
  SapApi& operator=(const SapApi&) = delete;

  // Handles /sap/opu/odata/..., /sap/opu/odata4/... and the token path. Thread-safe.
  // `request.host` builds the absolute URIs (__metadata, __next).
  SimReply handle(const SimRequest& request);
  // SAP's reply for an injected fault: "429" (429 Too Many Requests, Retry-After,
  // SAP's error JSON) or "5xx" (503 with an HTML page and Retry-After).
  SimReply fault_reply(std::string_view kind) const;
  // Invalidates every access token, session and CSRF token (the "expire" fault).
  void expire_sessions();
  const SapOptions& options() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace o2c::sim::sap
