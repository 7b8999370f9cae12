// connectors/http/curl_transfer.h — one HTTP exchange through libcurl
// (internal to connectors/http): a pool of easy handles reused for
// keep-alive, the fixed safety options (TLS verification on, no redirects,
// timeouts, size cap), and what went wrong when no answer came back.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "connectors/http/http.h"

namespace o2c::http {

// Why an attempt got no HTTP answer.
struct TransportFailure {
  enum class Kind {
    retryable,        // refused, DNS, reset, timeout, partial transfer: try again
    retryable_unsent, // could not connect/resolve: nothing reached the server
    tls_untrusted,    // certificate not trusted / wrong host name: a config problem
    ca_file,          // the configured CA bundle cannot be read
    too_large,        // answer exceeds max_response_bytes
    unusable,         // the request itself cannot be sent (bad URL, protocol)
  };
  Kind kind = Kind::retryable;
  std::string cause;   // short, for messages: "connection refused"
  std::string hint;    // what to check
};

struct TransferOutcome {
  std::optional<Response> response;
  TransportFailure failure;   // meaningful when !response
};

class CurlTransfer {
 public:
  explicit CurlTransfer(const ClientSettings& settings);
  ~CurlTransfer();
  CurlTransfer(const CurlTransfer&) = delete;
  CurlTransfer& operator=(const CurlTransfer&) = delete;

  TransferOutcome perform(const Request& request);

 private:
  void* acquire_handle();
  void release_handle(void* handle);

  const ClientSettings& settings_;
  std::mutex mutex_;
  std::vector<void*> idle_;   // CURL* easy handles, each keeping its connections alive
};

}  // namespace o2c::http
