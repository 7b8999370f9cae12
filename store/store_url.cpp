#include "store/store_url.h"

#include <libpq-fe.h>

#include <algorithm>
#include <memory>

#include "core/error.h"

namespace o2c::store {

namespace {

constexpr std::string_view kExpected =
    "expected sqlite:///absolute/path.db, sqlite://relative/path.db, sqlite::memory: or "
    "postgresql://user@host:port/dbname";

[[noreturn]] void bad_url(std::string_view url, std::string_view why) {
  throw Error(Error::Kind::config, fmt::format("store URL '{}': {}", redact_url(url), why));
}

// [begin, end) of the user-info part of "scheme://userinfo@host...", or npos.
std::pair<std::size_t, std::size_t> userinfo_range(std::string_view url) {
  const std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return {std::string_view::npos, 0};
  const std::size_t begin = scheme_end + 3;
  const std::size_t authority_end = url.find_first_of("/?#", begin);
  const std::string_view authority = url.substr(begin, authority_end == std::string_view::npos ? url.npos : authority_end - begin);
  const std::size_t at = authority.rfind('@');
  if (at == std::string_view::npos) return {std::string_view::npos, 0};
  return {begin, begin + at};
}

StoreLocation parse_sqlite(std::string_view url) {
  StoreLocation loc;
  loc.backend = Backend::sqlite;
  loc.display = std::string(url);
  if (url == "sqlite::memory:") {
    loc.sqlite_path = ":memory:";
  } else if (url.starts_with("sqlite://") && url.size() > 9) {
    loc.sqlite_path = std::string(url.substr(9));
  } else {
    bad_url(url, fmt::format("malformed SQLite URL; {}", kExpected));
  }
  if (loc.sqlite_path.find('"') != std::string::npos) bad_url(url, "a SQLite path must not contain '\"'");
  loc.connect = "db=\"" + loc.sqlite_path + "\"";
  return loc;
}

bool carries_into_soci(std::string_view value) {
  return value.find_first_of(" \t\r\n'\"\\") == std::string_view::npos;
}

// "5432" or, for several hosts, "5432,5433".
bool is_port_list(std::string_view text) {
  for (std::size_t begin = 0; begin <= text.size();) {
    const std::size_t end = std::min(text.find(',', begin), text.size());
    const std::string_view port = text.substr(begin, end - begin);
    if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string_view::npos ||
        std::stoi(std::string(port)) == 0 || std::stoi(std::string(port)) > 65535)
      return false;
    begin = end + 1;
  }
  return true;
}

using ConninfoOptions = std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)>;

// libpq parses the URI itself (percent-decoding, IPv6 hosts, query parameters).
ConninfoOptions parsed_conninfo(std::string_view url) {
  char* error = nullptr;
  ConninfoOptions options(PQconninfoParse(std::string(url).c_str(), &error), &PQconninfoFree);
  if (options) return options;
  std::string why = error ? error : "out of memory";
  PQfreemem(error);
  while (!why.empty() && why.back() == '\n') why.pop_back();
  const std::string redacted = redact_url(url);  // libpq quotes the URI in some messages
  for (auto at = why.find(url); at != std::string::npos; at = why.find(url, at + redacted.size()))
    why.replace(at, url.size(), redacted);
  bad_url(url, fmt::format("malformed PostgreSQL URL: {}", why));
}

StoreLocation parse_postgresql(std::string_view url) {
  if (const auto [begin, end] = userinfo_range(url); begin != std::string_view::npos &&
                                                      url.substr(begin, end - begin).find(':') != std::string_view::npos)
    bad_url(url, "a password does not belong in the URL (it would end up in config files and logs): "
                 "remove it and give it to libpq through PGPASSWORD or ~/.pgpass");
  const auto options = parsed_conninfo(url);
  StoreLocation loc;
  loc.backend = Backend::postgresql;
  loc.display = std::string(url);
  bool has_timeout = false, has_encoding = false, has_name = false;
  for (const PQconninfoOption* o = options.get(); o->keyword; ++o) {
    if (!o->val || !*o->val) continue;
    const std::string_view key = o->keyword;
    if (key == "password")
      bad_url(url, "a password does not belong in the URL: give it to libpq through PGPASSWORD or ~/.pgpass");
    if (key == "port" && !is_port_list(o->val))
      bad_url(url, fmt::format("'{}' is not a port number", o->val));
    if (!carries_into_soci(o->val))
      bad_url(url, fmt::format("the value of '{}' must not contain spaces, quotes or backslashes", key));
    has_timeout |= key == "connect_timeout";
    has_encoding |= key == "client_encoding";
    has_name |= key == "application_name";
    loc.connect += fmt::format("{}{}={}", loc.connect.empty() ? "" : " ", key, o->val);
  }
  // An unreachable host fails within 10 s instead of hanging on TCP retries.
  if (!has_timeout) loc.connect += " connect_timeout=10";
  if (!has_encoding) loc.connect += " client_encoding=UTF8";
  if (!has_name) loc.connect += " application_name=o2csync";
  return loc;
}

}  // namespace

StoreLocation parse_store_url(const std::string& url) {
  if (url.starts_with("sqlite:")) return parse_sqlite(url);
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) return parse_postgresql(url);
  if (url.empty()) throw Error(Error::Kind::config, fmt::format("store URL is empty; {}", kExpected));
  bad_url(url, fmt::format("unsupported kind of store; {}", kExpected));
}

std::string redact_url(std::string_view url) {
  std::string out(url);
  if (const auto [begin, end] = userinfo_range(url); begin != std::string_view::npos) {
    const std::size_t colon = out.find(':', begin);
    if (colon != std::string::npos && colon < end) out.replace(colon + 1, end - colon - 1, "***");
  }
  for (std::size_t at = out.find("password="); at != std::string::npos; at = out.find("password=", at + 1)) {
    const std::size_t value = at + 9;
    const std::size_t value_end = out.find_first_of("&# ", value);
    out.replace(value, (value_end == std::string::npos ? out.size() : value_end) - value, "***");
  }
  return out;
}

}  // namespace o2c::store
