// connectors/oracle/oracle_verdict.h — what an answer of the Fusion REST API
// means (internal to the oracle module): the Verdict the HTTP client acts on,
// and the detail of an error body, plain text (framework versions 1-3) or
// application/vnd.oracle.adf.error+json (4 on).
#pragma once

#include <string>
#include <string_view>

#include "connectors/http/http.h"
#include "connectors/oracle/oracle_records.h"

namespace o2c::oracle {

struct OracleError {
  std::string detail;   // the first o:errorDetails detail, else the title, else the text body
  std::string code;     // its o:errorCode, "" when absent
};
OracleError oracle_error(const http::Response& response);

// Status only: 2xx ok (retry when the body is not JSON: a login or
// maintenance page); 408, 429 and 5xx retry (Retry-After honoured by the
// client); 401 refresh_auth for a bearer token, fail for Basic (the same
// password would fail again); everything else fail.
http::Verdict oracle_verdict(const http::Response& response, bool bearer);

// oracle_verdict, then on ok the body is cut into `page`; a body that is not
// a usable answer turns ok into retry. `problem` says what was wrong whenever
// the verdict is not ok.
http::Verdict classify_collection_answer(const http::Response& response, bool bearer, std::string_view id_field,
                                         std::string_view cursor_field, CollectionPage& page, std::string& problem);

// What came back, for an error message: "HTTP 400: <detail>",
// "got text/html (HTTP 200): <title>Maintenance</title>...".
std::string describe_answer(const http::Response& response);

}  // namespace o2c::oracle
