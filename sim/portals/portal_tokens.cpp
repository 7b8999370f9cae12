#include "sim/portals/portal_tokens.h"

#include <cmath>

#include "core/text.h"
#include "sim/portals/portal_codec.h"

namespace o2c::sim::portals {

std::string TokenStore::issue(std::string scope, std::string owner, Timestamp now) {
  std::string token = random_hex(24);
  std::lock_guard lock(mutex_);
  std::erase_if(tokens_, [now](const auto& e) { return e.second.expires <= now; });
  tokens_[token] = Entry{Grant{std::move(scope), std::move(owner)}, now + lifetime_};
  return token;
}

std::optional<TokenStore::Grant> TokenStore::check(const std::string& token, Timestamp now) const {
  std::lock_guard lock(mutex_);
  const auto it = tokens_.find(token);
  if (token.empty() || it == tokens_.end() || it->second.expires <= now) return std::nullopt;
  return it->second.grant;
}

void TokenStore::expire_all() {
  std::lock_guard lock(mutex_);
  tokens_.clear();
}

bool has_scope(const std::string& scope, std::string_view wanted) {
  std::string_view rest = scope;
  while (!rest.empty()) {
    const auto space = rest.find(' ');
    if (trim(rest.substr(0, space)) == wanted) return true;
    if (space == std::string_view::npos) break;
    rest.remove_prefix(space + 1);
  }
  return false;
}

std::optional<int> RateBucket::take(Timestamp now) {
  std::lock_guard lock(mutex_);
  if (last_ && now > *last_) {
    const double seconds = std::chrono::duration<double>(now - *last_).count();
    tokens_ = std::min(burst_, tokens_ + seconds * rate_);
  }
  if (!last_ || now > *last_) last_ = now;
  if (tokens_ >= 1.0) {
    tokens_ -= 1.0;
    return std::nullopt;
  }
  return std::max(1, static_cast<int>(std::ceil((1.0 - tokens_) / rate_)));
}

}  // namespace o2c::sim::portals
