// tests/unit/connectors/salesforce/fake_org.h — a tiny scripted Salesforce
// org behind o2c_test_http_server: the client-credentials token endpoint,
// /query and /queryAll (reading back the keyset and modstamp conditions of
// the connector's own SOQL), query locators with nextRecordsUrl, tokens that
// can be expired, Sforce-Limit-Info, and an intercept hook for faults.
#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "tests/support/http/http_test_server.h"

namespace o2c::salesforce::fake {

struct FakeRecord {
  std::string id;
  std::string modstamp;   // ISO 8601 as Salesforce writes it
};

class FakeOrg {
 public:
  explicit FakeOrg(std::size_t batch_size) : batch_size_(batch_size) {}

  void add(std::string id, std::string modstamp);
  test::HttpTestReply handle(const test::HttpTestRequest& request);

  // Every SOQL received (decoded), in order.
  std::vector<std::string> soql() const;
  int tokens_issued() const;
  int query_requests() const;          // GETs on /query, /queryAll and locators
  void expire_tokens();                // every issued token answers 401 INVALID_SESSION_ID from now on
  void forget_locators();              // every locator answers 404 INVALID_QUERY_LOCATOR from now on

  std::string instance_url;            // sent back in the token answer
  std::string limit_info = "api-usage=10/15000";
  long total_size_extra = 0;           // added to totalSize (a server that miscounts)
  // Called first for every request; a reply returned replaces the normal answer.
  std::function<std::optional<test::HttpTestReply>(const test::HttpTestRequest&)> intercept;

 private:
  test::HttpTestReply token();
  test::HttpTestReply query(const std::string& soql, bool all);
  test::HttpTestReply locator(const std::string& path);
  test::HttpTestReply batch(const std::string& locator, std::size_t offset, std::size_t total);
  test::HttpTestReply json(int status, std::string body) const;

  std::size_t batch_size_;
  mutable std::mutex mutex_;
  std::vector<FakeRecord> records_;
  std::vector<std::string> soql_;
  std::set<std::string> valid_tokens_;
  int tokens_ = 0, query_requests_ = 0;
  std::vector<std::vector<FakeRecord>> results_;   // locator n → its result set
};

// The JSON text FakeOrg sends for a record.
std::string record_json(const FakeRecord& r);

}  // namespace o2c::salesforce::fake
