#include "sim/salesforce/salesforce_locators.h"

#include <algorithm>

namespace o2c::sim::salesforce {

namespace {

// "01g" + 15 base-62 digits: the shape of a Salesforce query locator id.
std::string locator_id(std::uint64_t n) {
  static constexpr char kDigits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  std::string id(18, '0');
  id[0] = '0';
  id[1] = '1';
  id[2] = 'g';
  for (std::size_t i = id.size(); i-- > 3 && n > 0; n /= 62) id[i] = kDigits[n % 62];
  return id;
}

}  // namespace

LocatorStore::LocatorStore(std::size_t capacity, std::chrono::milliseconds idle)
    : capacity_(std::max<std::size_t>(capacity, 1)), idle_(idle) {}

void LocatorStore::drop_expired(Timestamp now) {
  std::erase_if(entries_, [&](const auto& e) { return now - e.second.last_used > idle_; });
}

std::string LocatorStore::open(OpenQuery query, Timestamp now) {
  std::lock_guard lock(mutex_);
  drop_expired(now);
  while (entries_.size() >= capacity_) {
    const auto oldest = std::min_element(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) {
      return a.second.last_touch < b.second.last_touch;
    });
    entries_.erase(oldest);
  }
  std::string id = locator_id(++opened_);
  entries_.emplace(id, Entry{std::move(query), now, ++touches_});
  return id;
}

std::optional<OpenQuery> LocatorStore::find(std::string_view locator_id, Timestamp now) {
  std::lock_guard lock(mutex_);
  drop_expired(now);
  const auto it = entries_.find(std::string(locator_id));
  if (it == entries_.end()) return std::nullopt;
  it->second.last_used = now;
  it->second.last_touch = ++touches_;
  return it->second.query;
}

std::size_t LocatorStore::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace o2c::sim::salesforce
