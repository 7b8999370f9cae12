#include "daemon/push/call_pool.h"

#include "core/error.h"

namespace o2c::push {

CallPool::CallPool(const std::map<std::string, int>& concurrency) {
  for (const auto& [portal, n] : concurrency) lanes_[portal].capacity = std::max(1, n);
  for (const auto& [portal, lane] : lanes_)
    for (int i = 0; i < lane.capacity; ++i) threads_.emplace_back([this, name = portal] { work(name); });
}

CallPool::~CallPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  for (auto& t : threads_) t.join();
}

bool CallPool::has_room(const std::string& portal) const {
  std::lock_guard lock(mutex_);
  const auto it = lanes_.find(portal);
  return it != lanes_.end() && it->second.busy + static_cast<int>(it->second.queue.size()) < it->second.capacity;
}

void CallPool::start(const std::string& portal, std::size_t task, std::function<portals::Answer()> call) {
  {
    std::lock_guard lock(mutex_);
    lanes_.at(portal).queue.emplace_back(task, std::move(call));
    ++in_flight_;
  }
  work_ready_.notify_all();
}

std::optional<CallResult> CallPool::next() {
  std::unique_lock lock(mutex_);
  if (in_flight_ == 0 && results_.empty()) return std::nullopt;
  result_ready_.wait(lock, [&] { return !results_.empty(); });
  CallResult r = std::move(results_.front());
  results_.pop_front();
  --in_flight_;
  return r;
}

std::size_t CallPool::in_flight() const {
  std::lock_guard lock(mutex_);
  return in_flight_;
}

void CallPool::work(const std::string& portal) {
  Lane& lane = lanes_.at(portal);
  while (true) {
    std::pair<std::size_t, std::function<portals::Answer()>> job;
    {
      std::unique_lock lock(mutex_);
      work_ready_.wait(lock, [&] { return stopping_ || !lane.queue.empty(); });
      if (lane.queue.empty()) return;  // stopping
      job = std::move(lane.queue.front());
      lane.queue.pop_front();
      ++lane.busy;
    }
    CallResult result{job.first, std::nullopt, ""};
    try {
      result.answer = job.second();
    } catch (const Error& e) {
      result.error = e.what();
    } catch (const std::exception& e) {
      result.error = std::string("unexpected: ") + e.what();
    }
    {
      std::lock_guard lock(mutex_);
      --lane.busy;
      results_.push_back(std::move(result));
    }
    result_ready_.notify_one();
  }
}

}  // namespace o2c::push
