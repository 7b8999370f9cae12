// connectors/netsuite/netsuite_config.cpp — checks of NetSuiteSettings (all
// problems at once) and the two spellings of an account id: the realm
// (1234567_SB1) and the host name (1234567-sb1).
#include "connectors/netsuite/netsuite_config.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "connectors/http/url.h"
#include "connectors/netsuite/netsuite_timezone.h"
#include "core/error.h"
#include "core/text.h"

namespace o2c::netsuite {
namespace {

bool is_account_id(std::string_view account) {
  return !account.empty() && std::all_of(account.begin(), account.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-';
  });
}

std::string normalized_url(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  constexpr std::string_view kRest = "/services/rest";  // admins often paste the REST root
  if (url.ends_with(kRest)) url.resize(url.size() - kRest.size());
  return url;
}

}  // namespace

http::ClientSettings netsuite_client_defaults() {
  http::ClientSettings client;
  client.max_concurrency = 2;
  return client;
}

std::string netsuite_realm(std::string_view account) {
  std::string realm = to_upper_ascii(account);
  std::replace(realm.begin(), realm.end(), '-', '_');
  return realm;
}

std::string netsuite_default_url(std::string_view account) {
  std::string host = to_lower_ascii(account);
  std::replace(host.begin(), host.end(), '_', '-');
  return fmt::format("https://{}.suitetalk.api.netsuite.com", host);
}

NetSuiteSettings check_settings(NetSuiteSettings s) {
  std::vector<std::string> problems;
  if (s.name.empty()) s.name = "netsuite";
  if (!is_account_id(s.account))
    problems.push_back(fmt::format("account: '{}' is not a NetSuite account id such as 1234567 or 1234567_SB1",
                                   s.account));
  s.url = normalized_url(s.url.empty() && is_account_id(s.account) ? netsuite_default_url(s.account) : s.url);
  if (!s.url.empty()) {
    try {
      http::split_url(s.url);
    } catch (const Error& e) {
      problems.push_back(fmt::format("url: {}", e.what()));
    }
  }
  const std::pair<const Secret*, const char*> secrets[] = {{&s.consumer_key, "consumer_key"},
                                                           {&s.consumer_secret, "consumer_secret"},
                                                           {&s.token_id, "token_id"},
                                                           {&s.token_secret, "token_secret"}};
  for (const auto& [secret, name] : secrets)
    if (secret->empty()) problems.push_back(fmt::format("auth.{}: missing", name));
  if (s.page_size < 1 || s.page_size > 1000)
    problems.push_back(fmt::format("page_size: {} is outside 1..1000 (SuiteQL limit)", s.page_size));
  if (s.result_ceiling < s.page_size)
    problems.push_back(fmt::format("result_ceiling: {} is below page_size {}", s.result_ceiling, s.page_size));
  if (s.client.max_concurrency < 1) problems.push_back("max_concurrency: must be at least 1");
  if (s.client.max_attempts < 1) problems.push_back("max_attempts: must be at least 1");
  if (s.lookback.count() < 0) problems.push_back("lookback: must not be negative");
  try {
    (void)AccountTimeZone(s.timezone);
  } catch (const Error& e) {
    problems.push_back(e.what());
  }
  s.client.source = s.name;

  if (!problems.empty()) {
    const std::string prefix = fmt::format("netsuite source {}: ", s.name);
    throw Error(Error::Kind::config, prefix + fmt::format("{}", fmt::join(problems, "\n" + prefix)),
                ErrorContext::of_source(s.name));
  }
  return s;
}

}  // namespace o2c::netsuite
