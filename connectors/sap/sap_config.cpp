// connectors/sap/sap_config.cpp — checks of SapSettings (all problems at once).
#include "connectors/sap/sap_config.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "connectors/http/url.h"
#include "core/error.h"
#include "core/text.h"

namespace o2c::sap {
namespace {

bool is_sap_client(std::string_view c) {
  return c.size() == 3 && std::all_of(c.begin(), c.end(), [](char x) { return x >= '0' && x <= '9'; });
}

void check_url(std::string& url, std::vector<std::string>& problems) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  if (url.empty()) {
    problems.push_back("url: missing (the S/4HANA API host, e.g. https://my300000-api.s4hana.cloud.sap)");
    return;
  }
  try {
    http::split_url(url);
  } catch (const Error& e) {
    problems.push_back(fmt::format("url: {}", e.what()));
    return;
  }
  if (url.find("/sap/opu/") != std::string::npos)
    problems.push_back(fmt::format("url: '{}' holds an OData service path; give the host only (each mapping names "
                                   "its service)", url));
}

void check_auth(SapSettings& s, std::vector<std::string>& problems) {
  if (s.grant == "basic") {
    if (s.user.empty()) problems.push_back("auth.user: missing (the communication user, grant basic)");
    if (s.password.empty()) problems.push_back("auth.password: missing (grant basic)");
  } else if (s.grant == "client_credentials") {
    s.oauth.grant = "client_credentials";
    if (s.oauth.token_url.empty() && !s.url.empty()) s.oauth.token_url = s.url + "/sap/bc/sec/oauth2/token";
    if (s.oauth.client_id.empty()) problems.push_back("auth.client_id: missing (grant client_credentials)");
    if (s.oauth.client_secret.empty()) problems.push_back("auth.client_secret: missing (grant client_credentials)");
    if (!s.oauth.token_url.empty()) {
      try {
        http::split_url(s.oauth.token_url);
      } catch (const Error& e) {
        problems.push_back(fmt::format("auth.token_url: {}", e.what()));
      }
    }
  } else {
    problems.push_back(fmt::format("auth.grant: '{}' is not basic or client_credentials{}", s.grant,
                                   suggestion_suffix(s.grant, {"basic", "client_credentials"})));
  }
}

}  // namespace

http::ClientSettings sap_client_defaults() {
  http::ClientSettings client;
  client.max_concurrency = 2;
  return client;
}

SapSettings check_settings(SapSettings s) {
  std::vector<std::string> problems;
  if (s.name.empty()) s.name = "sap";
  check_url(s.url, problems);
  if (!s.sap_client.empty() && !is_sap_client(s.sap_client))
    problems.push_back(fmt::format("sap_client: '{}' is not a client number such as 100", s.sap_client));
  if (s.odata_version != "auto" && s.odata_version != "v2" && s.odata_version != "v4")
    problems.push_back(fmt::format("odata_version: '{}' is not auto, v2 or v4", s.odata_version));
  check_auth(s, problems);
  if (s.page_size < 1 || s.page_size > 100'000)
    problems.push_back(fmt::format("page_size: {} is outside 1..100000", s.page_size));
  if (s.client.max_concurrency < 1) problems.push_back("max_concurrency: must be at least 1");
  if (s.client.max_attempts < 1) problems.push_back("max_attempts: must be at least 1");
  if (s.lookback.count() < 0) problems.push_back("lookback: must not be negative");
  s.client.source = s.name;
  if (!problems.empty()) {
    const std::string prefix = fmt::format("sap source {}: ", s.name);
    throw Error(Error::Kind::config, prefix + fmt::format("{}", fmt::join(problems, "\n" + prefix)),
                ErrorContext::of_source(s.name));
  }
  return s;
}

}  // namespace o2c::sap
