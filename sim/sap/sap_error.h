// sim/sap/sap_error.h
// SAP Gateway's error replies (api-contracts §3.6): OData V2
// {"error":{"code":..,"message":{"lang":"en","value":..},"innererror":{..}}}
// and V4 {"error":{"code":..,"message":"..","target":..,"details":[],"innererror":{..}}}.
// ODataError carries one from deep inside the query engine to the handler.
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"
#include "sim/sim_http.h"

namespace o2c::sim::sap {

enum class ODataVersion { v2, v4 };

class ODataError : public Error {
 public:
  ODataError(int status, std::string code, const std::string& message, std::string target = {})
      : Error(Kind::data, message), status_(status), code_(std::move(code)), target_(std::move(target)) {}
  int status() const { return status_; }
  const std::string& code() const { return code_; }
  const std::string& target() const { return target_; }   // V4 "target": the query option or property

 private:
  int status_;
  std::string code_;
  std::string target_;
};

// Gateway message ids used by the simulator (the real ones where known, see api-contracts §3.6).
inline constexpr std::string_view kCodeSyntax = "/IWBEP/CM_MGW_RT/022";        // a system query option is malformed
inline constexpr std::string_view kCodeNotFound = "/IWBEP/CM_MGW_RT/020";      // resource not found for a segment
inline constexpr std::string_view kCodeNoService = "/IWFND/MED/170";           // no service for that name
inline constexpr std::string_view kCodeSkiptoken = "/IWBEP/CM_MGW_RT/151";     // $skiptoken not valid for the query
inline constexpr std::string_view kCodeMethod = "/IWBEP/CM_MGW_RT/021";        // operation not supported
inline constexpr std::string_view kCodeThrottled = "/IWFND/CM_CONSUMER/429";   // BTP API Management / Cloud front end
inline constexpr std::string_view kCodeInternal = "/IWBEP/CX_MGW_TECH_EXCEPTION";

inline constexpr std::string_view kJsonContentType = "application/json; charset=utf-8";

// The error body in the given protocol version (transaction id and timestamp
// are fixed texts: the simulator's replies are reproducible).
std::string error_body(ODataVersion version, std::string_view code, std::string_view message,
                       std::string_view target = {});
SimReply error_reply(ODataVersion version, int status, std::string_view code, std::string_view message,
                     std::string_view target = {});
SimReply error_reply(ODataVersion version, const ODataError& e);
SimReply json_reply(int status, std::string body);

}  // namespace o2c::sim::sap
