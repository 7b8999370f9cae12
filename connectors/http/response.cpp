// Header helpers, Response accessors, the default classification and Retry-After parsing.
#include <charconv>
#include <sstream>

#include <date/date.h>

#include "connectors/http/http.h"
#include "core/text.h"

namespace o2c::http {

namespace {


// HTTP-date (RFC 9110 §5.6.7): IMF-fixdate, or the obsolete RFC 850 and asctime forms.
std::optional<std::chrono::system_clock::time_point> parse_http_date(std::string_view text) {
  static constexpr const char* kFormats[] = {"%a, %d %b %Y %H:%M:%S GMT", "%A, %d-%b-%y %H:%M:%S GMT",
                                             "%a %b %e %H:%M:%S %Y"};
  for (const char* format : kFormats) {
    std::istringstream in{std::string(text)};
    date::sys_seconds when;
    in >> date::parse(format, when);
    if (in.fail()) continue;
    in >> std::ws;
    if (in.peek() != std::char_traits<char>::eof()) continue;   // trailing garbage
    return when;
  }
  return std::nullopt;
}

}  // namespace

void set_header(Request& request, std::string_view name, std::string value) {
  std::erase_if(request.headers, [&](const Header& h) { return iequals_ascii(h.name, name); });
  request.headers.push_back({std::string(name), std::move(value)});
}

std::string_view Response::header(std::string_view name) const {
  for (const auto& h : headers)
    if (iequals_ascii(h.name, name)) return h.value;
  return {};
}

bool Response::is_json() const {
  std::string type = to_lower_ascii(trim(header("content-type")));
  type = std::string(trim(type.substr(0, type.find(';'))));
  if (type == "application/json") return true;
  return type.starts_with("application/") && type.ends_with("+json");
}

std::string Response::excerpt() const {
  constexpr std::size_t kMax = 200;
  std::string out = body.substr(0, kMax);
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  if (body.size() > kMax) out += "...";
  return out;
}

Verdict default_verdict(const Response& response) {
  const int s = response.status;
  if (s >= 200 && s < 300) return Verdict::ok;
  if (s == 401) return Verdict::refresh_auth;
  if (s == 408 || s == 429 || (s >= 500 && s < 600)) return Verdict::retry;
  return Verdict::fail;
}

std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value,
                                                           std::chrono::system_clock::time_point now) {
  const std::string_view text = trim(value);
  if (text.empty()) return std::nullopt;
  if (text.find_first_not_of("0123456789") == std::string_view::npos) {
    constexpr std::int64_t kMaxSeconds = 10LL * 365 * 24 * 3600;   // saturate absurd values
    std::int64_t seconds = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
    if (ec == std::errc::result_out_of_range || seconds > kMaxSeconds) seconds = kMaxSeconds;
    else if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return std::chrono::seconds{seconds};
  }
  const auto when = parse_http_date(text);
  if (!when) return std::nullopt;
  if (*when <= now) return std::chrono::milliseconds{0};
  return std::chrono::ceil<std::chrono::milliseconds>(*when - now);
}

}  // namespace o2c::http
