// tests/unit/connectors/netsuite/fake_account.cpp — see fake_account.h.
#include "tests/unit/connectors/netsuite/fake_account.h"

#include <algorithm>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "core/time.h"

namespace o2c::netsuite::fake {
namespace {

long query_number(const std::string& target, const std::string& name) {
  const std::size_t at = target.find(name + "=");
  if (at == std::string::npos) return -1;
  return std::stol(target.substr(at + name.size() + 1));
}

}  // namespace

std::string item_json(long id, const std::string& modified) {
  return fmt::format(R"({{"links":[],"o2c_id":"{}","o2c_modified":"{}","tranid":"INV{}","foreigntotal":"1200.10"}})",
                     id, modified, id);
}

void FakeAccount::add_rows(long first_id, long count, const std::string& modified) {
  std::lock_guard lock(mutex_);
  for (long id = first_id; id < first_id + count; ++id) rows_[id] = modified;
}

void FakeAccount::remove(long id) {
  std::lock_guard lock(mutex_);
  rows_.erase(id);
}

std::vector<PageRequest> FakeAccount::pages() const {
  std::lock_guard lock(mutex_);
  return pages_;
}

test::HttpTestReply FakeAccount::error(int status, const std::string& code, const std::string& detail) const {
  return test::HttpTestReply::json(
      status, fmt::format(R"({{"type":"https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html","title":"Error",)"
                          R"("status":{},"o:errorDetails":[{{"detail":"{}","o:errorCode":"{}"}}]}})",
                          status, detail, code));
}

test::HttpTestReply FakeAccount::handle(const test::HttpTestRequest& request) {
  if (intercept)
    if (auto reply = intercept(request)) return *reply;
  if (request.method != "POST" || request.path() != "/services/rest/query/v1/suiteql")
    return error(404, "NONEXISTENT_ID", "no such resource");
  if (request.header("authorization").rfind(fmt::format("OAuth realm=\"{}\"", realm), 0) != 0)
    return error(401, "INVALID_LOGIN", "Invalid login attempt.");
  if (request.header("prefer") != "transient") return error(400, "INVALID_HEADER", "Prefer: transient is required");
  const long limit = query_number(request.target, "limit"), offset = query_number(request.target, "offset");
  if (limit < 1 || limit > 1000 || offset < 0 || offset % limit != 0 || offset + limit > ceiling)
    return error(400, "INVALID_PARAMETER", "limit/offset outside the 100000-result ceiling or not a multiple");
  const std::string query = std::string(boost::json::parse(request.body).at("q").as_string());
  test::HttpTestReply reply = page(query, limit, offset);
  if (after_page) after_page(offset);
  if (offset > 0) reply.delay = delay_after_first;
  return reply;
}

test::HttpTestReply FakeAccount::page(const std::string& query, long limit, long offset) {
  std::lock_guard lock(mutex_);
  pages_.push_back({query, limit, offset});
  long after = -1;
  if (const auto at = query.find("t.id > "); at != std::string::npos) after = std::stol(query.substr(at + 7));
  std::optional<Timestamp> since;
  if (const auto at = query.find("TO_DATE('"); at != std::string::npos) since = parse_timestamp(query.substr(at + 9, 19));
  std::vector<std::pair<long, std::string>> result;
  for (const auto& [id, modified] : rows_)
    if (id > after && (!since || parse_timestamp(modified) >= *since)) result.emplace_back(id, modified);
  const long total = static_cast<long>(result.size());
  std::string items;
  long count = 0;
  for (long i = offset; i < std::min(total, offset + limit); ++i, ++count) {
    const auto& [id, modified] = result[static_cast<std::size_t>(i)];
    items += (count ? "," : "") + item_json(id, modified);
  }
  const bool more = offset + count < total;
  return test::HttpTestReply::json(
      200, fmt::format(R"({{"links":[{{"rel":"self","href":"x"}}],"count":{},"hasMore":{},"offset":{},)"
                       R"("totalResults":{},"items":[{}]}})",
                       count, more, offset, total, items));
}

}  // namespace o2c::netsuite::fake
