// connectors/sap/sap.h
// sap — the SAP S/4HANA source connector: turns a mapping's QuerySpec (an
// OData service path, an entity set, fields, expand, where, id and cursor)
// and a Cursor into OData requests against the A2X APIs —
//   GET {url}{service}/{object}?sap-client=..&$format=json&$select=..
//       &$filter=(<where>) and <cursor> ge datetimeoffset'..' and <id> gt '<last id>'
//       &$orderby=<id> asc&$top=<page_size>&$inlinecount=allpages[&$expand=..]
// (V4: bare timestamps, $count=true, IEEE754Compatible=true) — follows the
// server's __next / @odata.nextLink exactly as sent, only on the same origin
// and never twice, verifies the announced count, ascending ids and the
// envelope of every answer, and cuts each answer into raw records (the exact
// JSON text of each entity; /Date(ms±hhmm)/ and Edm.Decimal strings are left
// to the mapper, read exactly). Owns the OData text, the checks and the
// pass/keyset cursor of connectors/source.h. Never stores, never maps fields;
// HTTP, retries (429/503 with Retry-After) and OAuth 2.0 go through
// connectors/http. Called by daemon/ through connectors::Source.
//
// Parts: sap_config.cpp (settings), sap_auth.cpp (HTTP Basic), sap_query.cpp
// ($filter, URLs, next links), sap_records.cpp (answer → RawRecords),
// sap_verdict.cpp (status / SAP error body → Verdict), sap_source.cpp (paging).
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "connectors/http/auth.h"
#include "connectors/http/http.h"
#include "connectors/source.h"
#include "core/secret.h"
#include "core/time.h"

namespace o2c::sap {

// The client defaults for SAP: 2 requests in flight (a communication
// arrangement's work processes are shared with every other integration).
http::ClientSettings sap_client_defaults();

struct SapSettings {
  std::string name;                  // configured source name ("erp"), for logs and errors
  std::string url;                   // the API host, e.g. https://my300000-api.s4hana.cloud.sap (may carry a proxy prefix)
  std::string sap_client;            // the client, e.g. "100"; "" = the system's default (no sap-client parameter)
  std::string odata_version = "auto";  // auto (per mapping: a service under /sap/opu/odata4/ is V4, else V2) | v2 | v4
  std::string grant = "basic";       // basic | client_credentials
  std::string user;                  // basic: the communication user
  Secret password;                   // basic
  http::OAuth2Settings oauth;        // client_credentials: token_url ("" = {url}/sap/bc/sec/oauth2/token),
                                     // client_id, client_secret; oauth.grant is set to client_credentials
  http::ClientSettings client = sap_client_defaults();
  int page_size = 1000;              // $top of each query (1..100000); the server may split it into pages via __next
  std::chrono::seconds lookback{300};  // a finished pass restarts this far before its high-water mark
  bool check_metadata = true;        // check each mapping against its service's $metadata before the first query
};

// Checks the settings and builds the source: one http::Client and one auth
// scheme (HTTP Basic or OAuth2Auth), shared by every stream opened from it.
// Throws Error(config) naming each invalid setting (never a secret). No request is made here.
std::shared_ptr<connectors::Source> make_sap_source(SapSettings settings, const Clock& clock);

}  // namespace o2c::sap
