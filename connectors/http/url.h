// connectors/http/url.h — building URLs without string-pasting mistakes:
// RFC 3986 percent-encoding, query strings, and splitting a URL into the parts
// OAuth 1.0a signs (Boost.URL underneath).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace o2c::http {

// RFC 3986 unreserved characters (A-Z a-z 0-9 - . _ ~) stay; everything else is %XX (upper-case hex).
std::string percent_encode(std::string_view text);
// '+' is kept as '+'. Throws o2c::Error(data) on a malformed escape ("%zz", "%4").
std::string percent_decode(std::string_view text);

using QueryParams = std::vector<std::pair<std::string, std::string>>;
// "a=1&b=x%20y" from decoded pairs, in order.
std::string encode_query(const QueryParams& params);
// base (scheme://host[:port][/path], a trailing '/' is dropped) + path + "?" + query.
// `path` must be empty or start with '/' (else Error(internal)); it is used as
// given (already encoded). Query params are appended with '&' when `path`
// already carries a query. Throws Error(config) naming `base` when it is not
// an absolute http(s) URL.
std::string make_url(std::string_view base, std::string_view path, const QueryParams& params = {});

struct UrlParts {
  std::string scheme;        // lower-case
  std::string host;          // lower-case
  int port = 0;              // 0 = default for the scheme (also when written explicitly)
  std::string path;          // still encoded, "/" when empty
  QueryParams query;         // decoded as application/x-www-form-urlencoded ('+' = space), RFC 5849 §3.4.1.3.1
  int effective_port() const;  // port, or 80/443
  std::string host_port() const;  // "host:port" with the effective port, for messages
  // scheme://host[:port]path, the port only when not the scheme default (OAuth 1.0a base string URI).
  std::string base_uri() const;
};
// Throws o2c::Error(config) naming the URL on anything that is not an absolute http(s) URL.
UrlParts split_url(std::string_view url);

}  // namespace o2c::http
