// tests/unit/connectors/salesforce/fake_org.cpp — see fake_org.h.
#include "tests/unit/connectors/salesforce/fake_org.h"

#include <algorithm>

#include <fmt/format.h>

#include "connectors/http/url.h"
#include "core/time.h"

namespace o2c::salesforce::fake {
namespace {

const std::string kDataPath = "/services/data/v59.0/";

std::string query_param(const std::string& target, std::string_view name) {
  const std::size_t q = target.find('?');
  std::string_view rest = q == std::string::npos ? std::string_view{} : std::string_view(target).substr(q + 1);
  while (!rest.empty()) {
    const std::string_view part = rest.substr(0, rest.find('&'));
    rest = part.size() == rest.size() ? std::string_view{} : rest.substr(part.size() + 1);
    const std::size_t eq = part.find('=');
    if (part.substr(0, eq) == name) return eq == std::string_view::npos ? "" : http::percent_decode(part.substr(eq + 1));
  }
  return "";
}

}  // namespace

std::string record_json(const FakeRecord& r) {
  return fmt::format(R"({{"attributes":{{"type":"Order","url":"{}sobjects/Order/{}"}},"Id":"{}","OrderNumber":"N-{}",)"
                     R"("TotalAmount":1200.10,"SystemModstamp":"{}"}})",
                     kDataPath, r.id, r.id, r.id.substr(r.id.size() - 3), r.modstamp);
}

void FakeOrg::add(std::string id, std::string modstamp) {
  std::lock_guard lock(mutex_);
  records_.push_back({std::move(id), std::move(modstamp)});
  std::sort(records_.begin(), records_.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
}

std::vector<std::string> FakeOrg::soql() const {
  std::lock_guard lock(mutex_);
  return soql_;
}
int FakeOrg::tokens_issued() const {
  std::lock_guard lock(mutex_);
  return tokens_;
}
int FakeOrg::query_requests() const {
  std::lock_guard lock(mutex_);
  return query_requests_;
}
void FakeOrg::expire_tokens() {
  std::lock_guard lock(mutex_);
  valid_tokens_.clear();
}
void FakeOrg::forget_locators() {
  std::lock_guard lock(mutex_);
  results_.assign(results_.size(), {});
}

test::HttpTestReply FakeOrg::json(int status, std::string body) const {
  test::HttpTestReply reply = test::HttpTestReply::json(status, std::move(body));
  reply.headers.emplace_back("Sforce-Limit-Info", limit_info);
  return reply;
}

test::HttpTestReply FakeOrg::handle(const test::HttpTestRequest& request) {
  if (intercept)
    if (auto reply = intercept(request)) return *reply;
  std::lock_guard lock(mutex_);
  const std::string path = request.path();
  if (request.method == "POST" && path == "/services/oauth2/token") return token();
  ++query_requests_;
  const std::string auth = request.header("authorization");
  if (auth.rfind("Bearer ", 0) != 0 || !valid_tokens_.contains(auth.substr(7)))
    return json(401, R"([{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}])");
  if (path == kDataPath + "query" || path == kDataPath + "queryAll")
    return query(query_param(request.target, "q"), path.ends_with("queryAll"));
  if (path.rfind(kDataPath + "query/", 0) == 0 || path.rfind(kDataPath + "queryAll/", 0) == 0) return locator(path);
  return json(404, R"([{"message":"The requested resource does not exist","errorCode":"NOT_FOUND"}])");
}

test::HttpTestReply FakeOrg::token() {
  const std::string token = fmt::format("00Dtoken{}", ++tokens_);
  valid_tokens_.insert(token);
  return test::HttpTestReply::json(
      200, fmt::format(R"({{"access_token":"{}","instance_url":"{}","id":"x","token_type":"Bearer",)"
                       R"("issued_at":"1767225600000","signature":"s"}})",
                       token, instance_url));
}

test::HttpTestReply FakeOrg::query(const std::string& soql, bool /*all*/) {
  soql_.push_back(soql);
  std::string after;
  if (const auto at = soql.find("Id > '"); at != std::string::npos)
    after = soql.substr(at + 6, soql.find('\'', at + 6) - at - 6);
  std::optional<Timestamp> since;
  if (const auto at = soql.find("SystemModstamp >= "); at != std::string::npos)
    since = parse_timestamp(soql.substr(at + 18, soql.find(' ', at + 18) - at - 18));
  std::vector<FakeRecord> result;
  for (const auto& r : records_)
    if (r.id > after && (!since || parse_timestamp(r.modstamp) >= *since)) result.push_back(r);
  results_.push_back(std::move(result));
  return batch(fmt::format("01gL{}", results_.size() - 1), 0, results_.back().size());
}

test::HttpTestReply FakeOrg::locator(const std::string& path) {
  const std::size_t name = path.rfind('/') + 1, dash = path.rfind('-');
  const std::string id = path.substr(name, dash - name);
  const std::size_t index = std::stoul(id.substr(4)), offset = std::stoul(path.substr(dash + 1));
  if (index >= results_.size() || results_[index].empty())
    return json(404, R"([{"message":"invalid query locator","errorCode":"INVALID_QUERY_LOCATOR"}])");
  return batch(id, offset, results_[index].size());
}

test::HttpTestReply FakeOrg::batch(const std::string& locator, std::size_t offset, std::size_t total) {
  const auto& rows = results_[std::stoul(locator.substr(4))];
  const std::size_t end = std::min(rows.size(), offset + batch_size_);
  std::string records;
  for (std::size_t i = offset; i < end; ++i) records += (i > offset ? "," : "") + record_json(rows[i]);
  const bool done = end >= rows.size();
  return json(200, fmt::format(R"({{"totalSize":{},"done":{},{}"records":[{}]}})", total + total_size_extra, done,
                               done ? "" : fmt::format(R"("nextRecordsUrl":"{}query/{}-{}",)", kDataPath, locator, end),
                               records));
}

}  // namespace o2c::salesforce::fake
