// connectors/salesforce/salesforce_config.cpp — checks of SalesforceSettings
// (all problems at once) and the defaults derived from the URLs.
#include "connectors/salesforce/salesforce_config.h"

#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "connectors/http/url.h"
#include "core/error.h"

namespace o2c::salesforce {
namespace {

std::string without_trailing_slash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

bool is_api_version(std::string_view v) {
  const std::size_t dot = v.find('.');
  if (dot == 0 || dot == std::string_view::npos || dot + 1 == v.size()) return false;
  for (std::size_t i = 0; i < v.size(); ++i)
    if (i != dot && (v[i] < '0' || v[i] > '9')) return false;
  return true;
}

void check_url(const std::string& url, std::string_view setting, std::vector<std::string>& problems) {
  try {
    http::split_url(url);
  } catch (const Error& e) {
    problems.push_back(fmt::format("{}: {}", setting, e.what()));
  }
}

}  // namespace

SalesforceSettings check_settings(SalesforceSettings s) {
  std::vector<std::string> problems;
  if (s.name.empty()) s.name = "salesforce";
  s.instance_url = without_trailing_slash(s.instance_url);
  if (s.instance_url.empty()) problems.push_back("url: missing (the org's My Domain or instance URL)");
  else check_url(s.instance_url, "url", problems);
  s.login_url = without_trailing_slash(s.login_url.empty() ? s.instance_url : s.login_url);
  if (!s.login_url.empty() && s.login_url != s.instance_url) check_url(s.login_url, "login_url", problems);
  if (!is_api_version(s.api_version))
    problems.push_back(fmt::format("api_version: '{}' is not a REST API version such as 59.0", s.api_version));

  if (s.auth.token_url.empty() && !s.login_url.empty()) s.auth.token_url = s.login_url + "/services/oauth2/token";
  if (s.auth.client_id.empty()) problems.push_back("auth.client_id: missing");
  if (s.auth.grant == "client_credentials") {
    if (s.auth.client_secret.empty()) problems.push_back("auth.client_secret: missing (grant client_credentials)");
  } else if (s.auth.grant == "jwt_bearer") {
    if (s.auth.user.empty()) problems.push_back("auth.user: missing (grant jwt_bearer)");
    if (s.auth.private_key_pem.empty()) problems.push_back("auth.private_key: missing (grant jwt_bearer)");
  } else {
    problems.push_back(fmt::format("auth.grant: '{}' is not client_credentials or jwt_bearer", s.auth.grant));
  }

  if (s.lookback.count() < 0) problems.push_back("lookback: must not be negative");
  if (!(s.api_usage_threshold > 0 && s.api_usage_threshold <= 1))
    problems.push_back(fmt::format("api_usage_threshold: {} is not a share in (0, 1]", s.api_usage_threshold));
  if (s.client.max_concurrency < 1) problems.push_back("max_concurrency: must be at least 1");
  if (s.client.max_attempts < 1) problems.push_back("max_attempts: must be at least 1");
  s.client.source = s.name;

  if (!problems.empty()) {
    const std::string prefix = fmt::format("salesforce source {}: ", s.name);
    throw Error(Error::Kind::config, prefix + fmt::format("{}", fmt::join(problems, "\n" + prefix)),
                ErrorContext::of_source(s.name));
  }
  return s;
}

}  // namespace o2c::salesforce
