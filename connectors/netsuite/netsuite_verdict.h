// connectors/netsuite/netsuite_verdict.h — what an answer of the SuiteTalk
// REST API means (internal to the netsuite module): the Verdict the HTTP
// client acts on and the error code in a NetSuite error body.
#pragma once

#include <string>
#include <string_view>

#include "connectors/http/http.h"
#include "connectors/netsuite/netsuite_records.h"

namespace o2c::netsuite {

struct NetSuiteError {
  std::string code;      // o:errorCode of the first o:errorDetails entry, "" when absent
  std::string detail;
};
// {"type":..,"title":..,"status":N,"o:errorDetails":[{"detail":..,"o:errorCode":..}]} → first detail.
NetSuiteError netsuite_error(std::string_view body);

// Status and error code only: 2xx ok (retry when the body is not JSON); 429,
// CONCURRENCY_LIMIT_EXCEEDED, 408 and 5xx retry; everything else (401
// INVALID_LOGIN, 400 with a query problem, ...) fail.
http::Verdict netsuite_verdict(const http::Response& response);

// The whole check of a SuiteQL answer: netsuite_verdict, then on ok the body
// is cut into `page` (modstamps read in `zone`); a body that is not a usable
// answer turns ok into retry. `problem` says what was wrong whenever the
// verdict is not ok.
http::Verdict classify_suiteql_answer(const http::Response& response, const AccountTimeZone& zone, SuiteqlPage& page,
                                      std::string& problem);

// What came back, for an error message: "HTTP 400 INVALID_PARAMETER: ...",
// "got text/html (HTTP 200): <title>Maintenance</title>...".
std::string describe_answer(const http::Response& response);

}  // namespace o2c::netsuite
