// daemon/push/call_pool.h — portal calls in flight, `concurrency` at a time
// per portal, on worker threads; their answers handed back to the one thread
// that writes the store (internal to push/).
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "connectors/portals/portal.h"

namespace o2c::push {

struct CallResult {
  std::size_t task = 0;                      // the caller's index
  std::optional<portals::Answer> answer;     // none when the call threw
  std::string error;                         // what it threw
};

class CallPool {
 public:
  // Starts the workers: `concurrency` threads for each portal name.
  explicit CallPool(const std::map<std::string, int>& concurrency);
  ~CallPool();
  CallPool(const CallPool&) = delete;
  CallPool& operator=(const CallPool&) = delete;

  // True when `portal` has fewer calls in flight than its concurrency.
  bool has_room(const std::string& portal) const;
  void start(const std::string& portal, std::size_t task, std::function<portals::Answer()> call);
  // Blocks until a started call finishes; nullopt when none is in flight.
  std::optional<CallResult> next();
  std::size_t in_flight() const;

 private:
  struct Lane {
    int capacity = 1;
    int busy = 0;
    std::deque<std::pair<std::size_t, std::function<portals::Answer()>>> queue;
  };
  void work(const std::string& portal);

  mutable std::mutex mutex_;
  std::condition_variable work_ready_, result_ready_;
  std::map<std::string, Lane> lanes_;
  std::deque<CallResult> results_;
  std::size_t in_flight_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace o2c::push
