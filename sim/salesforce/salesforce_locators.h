// sim/salesforce/salesforce_locators.h
// Open query cursors ("query locators", ids "01g..."), each holding the
// executed query so nextRecordsUrl follow-ups resume where the last batch
// ended. Bounded: at most `capacity` open (the least recently used is
// released, as Salesforce releases a user's oldest cursor) and each expires
// after `idle` without use. Thread-safe.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/time.h"
#include "sim/salesforce/soql_result_set.h"

namespace o2c::sim::salesforce {

struct OpenQuery {
  std::shared_ptr<soql::ResultSet> results;
  bool all_rows = false;  // opened by queryAll
  std::size_t batch_size = 2000;
};

class LocatorStore {
 public:
  LocatorStore(std::size_t capacity, std::chrono::milliseconds idle);

  std::string open(OpenQuery query, Timestamp now);                           // → locator id
  std::optional<OpenQuery> find(std::string_view locator_id, Timestamp now);  // refreshes its idle time
  std::size_t size() const;

 private:
  struct Entry {
    OpenQuery query;
    Timestamp last_used;
    std::uint64_t last_touch = 0;  // recency order, also among equal timestamps
  };
  void drop_expired(Timestamp now);

  const std::size_t capacity_;
  const std::chrono::milliseconds idle_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::uint64_t opened_ = 0;
  std::uint64_t touches_ = 0;
};

}  // namespace o2c::sim::salesforce
