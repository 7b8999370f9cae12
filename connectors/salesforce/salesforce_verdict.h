// connectors/salesforce/salesforce_verdict.h — what an answer of the REST
// API means (internal to the salesforce module): the Verdict the HTTP client
// acts on, the error code in a Salesforce error body, and the API budget
// announced in Sforce-Limit-Info.
#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "connectors/http/http.h"
#include "connectors/salesforce/salesforce_records.h"
#include "core/time.h"

namespace o2c::salesforce {

struct ApiError {
  std::string code;      // "INVALID_SESSION_ID", "" when the body is not a Salesforce error
  std::string message;
};
// The first element of a [{"message":..,"errorCode":..}] body.
ApiError api_error(std::string_view body);

// Status and error code only: 2xx ok (retry when the body is not JSON);
// 401 refresh_auth unless the session can never be valid for the REST API;
// 403 REQUEST_LIMIT_EXCEEDED retry for ConcurrentRequests, fail for the daily
// TotalRequests limit; 408/429/5xx retry; everything else fail.
http::Verdict salesforce_verdict(const http::Response& response);

// The whole check of a /query answer: salesforce_verdict, then on ok the body
// is cut into `batch`; a body that is not a usable answer turns ok into retry.
// `problem` says what was wrong whenever the verdict is not ok.
http::Verdict classify_query_answer(const http::Response& response, const RecordKeys& keys, QueryBatch& batch,
                                    std::string& problem);

// What came back, for an error message: "got text/html: <!DOCTYPE html>...".
std::string describe_answer(const http::Response& response);

// True for the 403 that means the org's daily API requests are used up.
bool is_daily_limit_exhausted(const http::Response& response);

struct ApiUsage {
  long used = 0;
  long max = 0;
};
// "api-usage=18/5000; per-app-api-usage=17/250(appName=x)" → {18, 5000}.
std::optional<ApiUsage> parse_limit_info(std::string_view header);
// Whether one more request keeps usage within threshold × max (0 < threshold ≤ 1).
bool next_request_within(const ApiUsage& usage, double threshold);

// What the org last said about its daily API budget, shared by the streams
// of a source (thread-safe). Trusted for kFreshFor only: the allowance is a
// rolling 24 h window, so afterwards one request may probe again.
class ApiBudget {
 public:
  static constexpr std::chrono::minutes kFreshFor{10};
  explicit ApiBudget(double threshold) : threshold_(threshold) {}
  void note(const http::Response& response, Timestamp now);   // reads Sforce-Limit-Info, if any
  void mark_exhausted(Timestamp now);                         // after a 403 TotalRequests
  // Why the next request must not be sent, or "".
  std::string refusal(Timestamp now) const;

 private:
  bool fresh(Timestamp now) const { return seen_ && now - *seen_ <= kFreshFor; }
  double threshold_;
  mutable std::mutex mutex_;
  ApiUsage usage_;
  bool exhausted_ = false;
  std::optional<Timestamp> seen_;
};

}  // namespace o2c::salesforce
