// tests/unit/connectors/netsuite/fake_account.h — a tiny scripted NetSuite
// account behind o2c_test_http_server: POST /services/rest/query/v1/suiteql
// over a table of rows (id, modified), reading back the keyset and modstamp
// conditions of the connector's own SuiteQL, enforcing the paging rules
// (limit 1..1000, offset a multiple of limit, offset + limit <= ceiling,
// Prefer: transient, the realm), with hooks for faults and moving rows.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "tests/support/http/http_test_server.h"

namespace o2c::netsuite::fake {

struct PageRequest {
  std::string query;
  long limit = 0;
  long offset = 0;
};

class FakeAccount {
 public:
  void add_rows(long first_id, long count, const std::string& modified = "2026-05-03 10:15:00");
  void remove(long id);
  test::HttpTestReply handle(const test::HttpTestRequest& request);

  std::vector<PageRequest> pages() const;     // every suiteql request answered 200, in arrival order

  std::string realm = "1234567_SB1";
  long ceiling = 100'000;
  std::chrono::milliseconds delay_after_first{0};   // hold answers for offset > 0 (to overlap requests)
  // Called first for every request; a reply returned replaces the normal answer.
  std::function<std::optional<test::HttpTestReply>(const test::HttpTestRequest&)> intercept;
  // Called after an answer for `offset` is computed (e.g. to delete a row while paging).
  std::function<void(long offset)> after_page;

 private:
  test::HttpTestReply error(int status, const std::string& code, const std::string& detail) const;
  test::HttpTestReply page(const std::string& query, long limit, long offset);

  mutable std::mutex mutex_;
  std::map<long, std::string> rows_;   // id → 'YYYY-MM-DD HH24:MI:SS'
  std::vector<PageRequest> pages_;
};

// The JSON text FakeAccount sends for a row.
std::string item_json(long id, const std::string& modified);

}  // namespace o2c::netsuite::fake
