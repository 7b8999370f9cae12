// sim/salesforce/salesforce_error.h
// Salesforce's error replies: the REST API's JSON array
// `[{"message":"...","errorCode":"..."}]` and the OAuth endpoint's
// `{"error":"...","error_description":"..."}`. ApiError carries a REST error
// from deep inside the SOQL engine to the request handler.
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"
#include "sim/sim_http.h"

namespace o2c::sim::salesforce {

class ApiError : public Error {
 public:
  ApiError(int status, std::string error_code, const std::string& message)
      : Error(Kind::data, message), status_(status), error_code_(std::move(error_code)) {}
  int status() const { return status_; }
  const std::string& error_code() const { return error_code_; }

 private:
  int status_;
  std::string error_code_;
};

// A SOQL problem at a 1-based character position of the query text.
[[noreturn]] void throw_malformed(std::string_view problem, std::size_t position);
[[noreturn]] void throw_unexpected_token(std::string_view token, std::size_t position);

inline constexpr std::string_view kJsonContentType = "application/json;charset=UTF-8";

SimReply json_reply(int status, std::string body);
// REST error: status + `[{"message":..,"errorCode":..}]`.
SimReply rest_error(int status, std::string_view error_code, std::string_view message);
SimReply rest_error(const ApiError& e);
// OAuth token endpoint error: status + `{"error":..,"error_description":..}`.
SimReply oauth_error(int status, std::string_view error, std::string_view description);

}  // namespace o2c::sim::salesforce
