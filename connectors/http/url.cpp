#include "connectors/http/url.h"

#include <charconv>

#include <boost/url/encode.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/pct_string_view.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <boost/url/url_view.hpp>
#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"

namespace o2c::http {

namespace {

// The URL as it may appear in a message: user:password@ cut out.
std::string printable_url(std::string_view url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::string(url);
  const auto authority = scheme_end + 3;
  const auto authority_end = url.find_first_of("/?#", authority);
  const auto at = url.substr(0, authority_end).rfind('@');
  if (at == std::string_view::npos || at < authority) return std::string(url);
  return std::string(url.substr(0, authority)) + "***@" + std::string(url.substr(at + 1));
}

[[noreturn]] void bad_url(std::string_view url, std::string_view why) {
  throw Error(Error::Kind::config, fmt::format("'{}' is not a usable URL: {}", printable_url(url), why));
}

int default_port(std::string_view scheme) { return scheme == "https" ? 443 : 80; }

}  // namespace

std::string percent_encode(std::string_view text) {
  return boost::urls::encode(text, boost::urls::unreserved_chars);
}

std::string percent_decode(std::string_view text) {
  auto checked = boost::urls::make_pct_string_view(text);
  if (!checked)
    throw Error(Error::Kind::data, fmt::format("malformed percent-encoding in '{}': {}", text,
                                               checked.error().message()));
  return checked->decode();
}

std::string encode_query(const QueryParams& params) {
  std::string out;
  for (const auto& [name, value] : params) {
    if (!out.empty()) out += '&';
    out += percent_encode(name);
    out += '=';
    out += percent_encode(value);
  }
  return out;
}

std::string make_url(std::string_view base, std::string_view path, const QueryParams& params) {
  (void)split_url(base);   // refuses anything but an absolute http(s) URL
  if (!path.empty() && path.front() != '/')
    throw Error(Error::Kind::internal, fmt::format("URL path '{}' does not start with '/'", path));
  std::string url(base);
  while (!url.empty() && url.back() == '/') url.pop_back();
  url += path;
  if (!params.empty()) {
    url += (path.find('?') == std::string_view::npos) ? '?' : '&';
    url += encode_query(params);
  }
  return url;
}

int UrlParts::effective_port() const { return port != 0 ? port : default_port(scheme); }

std::string UrlParts::host_port() const { return fmt::format("{}:{}", host, effective_port()); }

std::string UrlParts::base_uri() const {
  std::string uri = scheme + "://" + host;
  if (port != 0) uri += fmt::format(":{}", port);
  return uri + path;
}

UrlParts split_url(std::string_view url) {
  auto parsed = boost::urls::parse_absolute_uri(url);
  if (!parsed) bad_url(url, parsed.error().message());
  const boost::urls::url_view& view = *parsed;
  UrlParts parts;
  parts.scheme = to_lower_ascii(view.scheme());
  if (parts.scheme != "http" && parts.scheme != "https") bad_url(url, "the scheme must be http or https");
  if (!view.has_authority() || view.encoded_host().empty()) bad_url(url, "it has no host");
  if (view.has_userinfo()) bad_url(url, "credentials in the URL are not allowed; configure auth instead");
  parts.host = to_lower_ascii(view.encoded_host_address());
  if (view.host_type() == boost::urls::host_type::ipv6) parts.host = "[" + parts.host + "]";
  if (view.has_port()) {
    const std::string_view text = view.port();
    int port = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), port);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || port < 1 || port > 65535)
      bad_url(url, "the port is not a number between 1 and 65535");
    parts.port = (port == default_port(parts.scheme)) ? 0 : port;
  }
  parts.path = std::string(view.encoded_path());
  if (parts.path.empty()) parts.path = "/";
  for (const auto& param : view.params()) parts.query.emplace_back(param.key, param.value);
  return parts;
}

}  // namespace o2c::http
