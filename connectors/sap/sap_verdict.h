// connectors/sap/sap_verdict.h — what an answer of the SAP OData API means
// (internal to the sap module): the Verdict the HTTP client acts on and the
// code and message of SAP's error body (V2 message.value, V4 message).
#pragma once

#include <string>
#include <string_view>

#include "connectors/http/http.h"
#include "connectors/sap/sap_records.h"

namespace o2c::sap {

struct SapError {
  std::string code;      // "/IWBEP/CM_MGW_RT/022", "" when the body is not an SAP error
  std::string message;
};
// {"error":{"code":..,"message":{"lang":..,"value":..}}} or {"error":{"code":..,"message":".."}}.
SapError sap_error(std::string_view body);

// Status only: 2xx ok (retry when not JSON); 401 refresh_auth with a Bearer
// token (once; then fail), fail with Basic; 408, 429 and 5xx retry (the
// client honours Retry-After); everything else fail.
http::Verdict sap_verdict(const http::Response& response, bool bearer);

// The whole check of a collection answer: sap_verdict, then on ok the body is
// cut into `page`; a body that is not a usable answer (an error in a 200, a
// truncated or HTML page) turns ok into retry. `problem` says what was wrong
// whenever the verdict is not ok.
http::Verdict classify_page_answer(const http::Response& response, Protocol protocol, const RecordKeys& keys,
                                   bool bearer, ODataPage& page, std::string& problem);

// What came back, for an error message: "HTTP 400 /IWBEP/CM_MGW_RT/022: Invalid $filter: ...",
// "got text/html (HTTP 200): <title>Logon</title>...".
std::string describe_answer(const http::Response& response);

}  // namespace o2c::sap
