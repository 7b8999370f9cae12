// daemon/page_queue.h — a small bounded queue between two pipeline stages of
// a sync run: in order, at most `capacity` items waiting, the producer's
// error delivered after the items it produced, and a way to stop both sides.
#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>

namespace o2c::daemon {

template <class T>
class PageQueue {
 public:
  explicit PageQueue(std::size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

  // Waits for room; false when the queue was stopped (the item is dropped).
  bool push(T item) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return stopped_ || items_.size() < capacity_; });
    if (stopped_) return false;
    items_.push_back(std::move(item));
    changed_.notify_all();
    return true;
  }
  // No more items will come; `error` (if any) is rethrown by pop() once the
  // items before it are taken.
  void finish(std::exception_ptr error = nullptr) {
    std::lock_guard lock(mutex_);
    finished_ = true;
    error_ = error;
    changed_.notify_all();
  }
  // The next item, or nullopt when finished (or stopped) and empty.
  std::optional<T> pop() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return stopped_ || !items_.empty() || finished_; });
    if (!items_.empty()) {
      T item = std::move(items_.front());
      items_.pop_front();
      changed_.notify_all();
      return item;
    }
    if (error_ && !stopped_) std::rethrow_exception(error_);
    return std::nullopt;
  }
  // Wakes and releases both sides: the consumer is gone.
  void stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    changed_.notify_all();
  }

 private:
  const std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<T> items_;
  std::exception_ptr error_;
  bool finished_ = false;
  bool stopped_ = false;
};

}  // namespace o2c::daemon
