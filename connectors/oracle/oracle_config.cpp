// connectors/oracle/oracle_config.cpp — checks of OracleSettings (all
// problems at once).
#include "connectors/oracle/oracle_config.h"

#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "connectors/http/url.h"
#include "core/error.h"

namespace o2c::oracle {
namespace {

void check_basic(const OracleBasicAuth& basic, std::vector<std::string>& problems) {
  if (basic.user.empty()) problems.push_back("auth.user: missing (the integration user of grant basic)");
  if (basic.user.find(':') != std::string::npos)
    problems.push_back("auth.user: a user name for HTTP Basic cannot contain ':'");
  if (basic.password.empty()) problems.push_back("auth.password: missing (grant basic)");
}

void check_oauth(const http::OAuth2Settings& oauth, std::vector<std::string>& problems) {
  if (oauth.grant != "client_credentials" && oauth.grant != "jwt_bearer")
    problems.push_back(fmt::format("auth.grant: '{}' is not basic, client_credentials or jwt_bearer", oauth.grant));
  if (oauth.token_url.empty()) {
    problems.push_back("auth.token_url: missing (the OAuth 2.0 token endpoint of the pod's identity domain)");
  } else {
    try {
      http::split_url(oauth.token_url);
    } catch (const Error& e) {
      problems.push_back(fmt::format("auth.token_url: {}", e.what()));
    }
  }
  if (oauth.client_id.empty()) problems.push_back("auth.client_id: missing");
  if (oauth.grant == "client_credentials" && oauth.client_secret.empty())
    problems.push_back("auth.client_secret: missing");
}

}  // namespace

http::ClientSettings oracle_client_defaults() {
  http::ClientSettings client;
  client.max_concurrency = 2;
  return client;
}

std::string pod_url(std::string url) {
  for (const std::string_view root : {"/fscmRestApi", "/crmRestApi", "/hcmRestApi"})
    if (const auto at = url.find(root); at != std::string::npos) url.resize(at);
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

OracleSettings check_settings(OracleSettings s) {
  std::vector<std::string> problems;
  if (s.name.empty()) s.name = "oracle";
  s.url = pod_url(s.url);
  if (s.url.empty()) {
    problems.push_back("url: missing (the Fusion pod, e.g. https://acme.fa.us2.oraclecloud.com)");
  } else {
    try {
      http::split_url(s.url);
    } catch (const Error& e) {
      problems.push_back(fmt::format("url: {}", e.what()));
    }
  }
  if (const auto* basic = std::get_if<OracleBasicAuth>(&s.auth)) check_basic(*basic, problems);
  else check_oauth(std::get<http::OAuth2Settings>(s.auth), problems);
  if (s.page_size < 1 || s.page_size > 10'000)
    problems.push_back(fmt::format("page_size: {} is outside 1..10000", s.page_size));
  if (s.window_rows < s.page_size)
    problems.push_back(fmt::format("window_rows: {} is below page_size {}", s.window_rows, s.page_size));
  if (s.framework_version == 1)
    problems.push_back("framework_version: 1 reads q as query-by-example, which cannot say 'since the cursor and "
                       "after the last id'; use 2 or later");
  else if (s.framework_version < 2 || s.framework_version > 9)
    problems.push_back(fmt::format("framework_version: {} is outside 2..9", s.framework_version));
  if (s.client.max_concurrency < 1) problems.push_back("max_concurrency: must be at least 1");
  if (s.client.max_attempts < 1) problems.push_back("max_attempts: must be at least 1");
  if (s.lookback.count() < 0) problems.push_back("lookback: must not be negative");
  s.client.source = s.name;

  if (!problems.empty()) {
    const std::string prefix = fmt::format("oracle source {}: ", s.name);
    throw Error(Error::Kind::config, prefix + fmt::format("{}", fmt::join(problems, "\n" + prefix)),
                ErrorContext::of_source(s.name));
  }
  return s;
}

}  // namespace o2c::oracle
