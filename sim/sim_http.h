// sim/sim_http.h
// The simulator's server-agnostic request/reply types. Each simulated system
// (salesforce/, netsuite/) is a pure handler `SimReply handle(const SimRequest&)`
// so it can be unit-tested without sockets; sim/server/ (Boost.Beast) turns
// real HTTP into these and back, and applies latency and fault injection.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace o2c::sim {

struct SimRequest {
  std::string method;                       // "GET", "POST"
  std::string target;                       // raw request target: path + "?" + query (still %-encoded)
  std::string host;                         // value of the Host header, e.g. "127.0.0.1:41234"
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;

  // First header with that (lower-case) name, or "" if absent.
  const std::string& header(const std::string& lower_name) const {
    static const std::string kEmpty;
    for (const auto& [k, v] : headers)
      if (k == lower_name) return v;
    return kEmpty;
  }
};

struct SimReply {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;  // e.g. {"Content-Type","application/json"}
  std::string body;
};

// Decodes %XX and, when plus_is_space, '+' (application/x-www-form-urlencoded).
std::string percent_decode(std::string_view s, bool plus_is_space);
// Splits "a=1&b=2" into decoded pairs, in order.
std::vector<std::pair<std::string, std::string>> parse_query_string(std::string_view qs, bool plus_is_space = true);

}  // namespace o2c::sim
