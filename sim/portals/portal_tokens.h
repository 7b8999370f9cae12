// sim/portals/portal_tokens.h — OAuth 2.0 access tokens a portal issued
// (Coupa, PISTE for Chorus Pro): random, with the scopes granted, expiring on
// the clock; the `expire` fault drops them all. Also the token bucket that
// stands for a portal's request rate limit. Thread-safe.
#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/time.h"

namespace o2c::sim::portals {

class TokenStore {
 public:
  explicit TokenStore(std::chrono::seconds lifetime) : lifetime_(lifetime) {}
  std::chrono::seconds lifetime() const { return lifetime_; }
  // A new token carrying `scope` (space-separated) and `owner` (e.g. the Coupa instance).
  std::string issue(std::string scope, std::string owner, Timestamp now);
  struct Grant {
    std::string scope, owner;
  };
  // The grant of a live token, or nullopt (unknown, expired, or dropped).
  std::optional<Grant> check(const std::string& token, Timestamp now) const;
  void expire_all();

 private:
  struct Entry {
    Grant grant;
    Timestamp expires;
  };
  std::chrono::seconds lifetime_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> tokens_;
};

// True when `scope` (space-separated) holds `wanted`.
bool has_scope(const std::string& scope, std::string_view wanted);

// `rate` requests per second with bursts of `burst`, on the clock's time.
class RateBucket {
 public:
  RateBucket(double rate, double burst) : rate_(rate), burst_(burst), tokens_(burst) {}
  // Takes one request; nullopt when allowed, else the seconds until one is (Retry-After).
  std::optional<int> take(Timestamp now);

 private:
  double rate_, burst_, tokens_;
  std::optional<Timestamp> last_;
  std::mutex mutex_;
};

}  // namespace o2c::sim::portals
