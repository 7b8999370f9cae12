#include "sim/sap/sap_paging.h"

#include <charconv>

#include <fmt/format.h>

#include "sim/sap/sap_exec.h"

namespace o2c::sim::sap {

namespace {

[[noreturn]] void bad_token(std::string_view text, std::string_view why) {
  throw ODataError(400, std::string(kCodeSkiptoken),
                   fmt::format("The $skiptoken '{}' is not valid: {}", text.substr(0, 80), why), "$skiptoken");
}

std::optional<std::size_t> read_number(std::string_view& text, std::string_view until) {
  const std::size_t end = until.empty() ? text.size() : text.find(until);
  if (end == std::string_view::npos || end == 0) return std::nullopt;
  std::size_t n = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + end, n);
  if (ec != std::errc() || ptr != text.data() + end) return std::nullopt;
  text.remove_prefix(end + until.size());
  return n;
}

std::size_t page_limit(const QueryPlan& plan, std::size_t served, std::size_t page_size) {
  if (!plan.top) return page_size;
  return *plan.top > served ? std::min(page_size, *plan.top - served) : 0;
}

bool top_reached(const QueryPlan& plan, std::size_t served) { return plan.top && served >= *plan.top; }

}  // namespace

std::uint32_t query_digest(std::string_view identity) {
  std::uint32_t h = 2166136261u;   // FNV-1a
  for (const char c : identity) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

std::string encode_skiptoken(const Skiptoken& t) {
  return fmt::format("'{}'+{}/{}&q={:08x}", t.position, t.served, t.total ? std::to_string(*t.total) : "*", t.query);
}

std::optional<Skiptoken> decode_skiptoken(std::string_view text) {
  Skiptoken t;
  if (!text.starts_with('\'')) return std::nullopt;
  text.remove_prefix(1);
  const auto position = read_number(text, "'+");
  const auto served = position ? read_number(text, "/") : std::nullopt;
  if (!served) return std::nullopt;
  if (text.starts_with("*&q=")) {
    text.remove_prefix(4);
  } else {
    t.total = read_number(text, "&q=");
    if (!t.total) return std::nullopt;
  }
  std::uint32_t digest = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), digest, 16);
  if (text.size() != 8 || ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  t.position = *position;
  t.served = *served;
  t.query = digest;
  return t;
}

PageOut Pager::page(const QueryPlan& plan, const std::optional<std::string>& skiptoken, std::size_t page_size) {
  std::optional<Skiptoken> from;
  if (skiptoken) {
    from = decode_skiptoken(*skiptoken);
    if (!from) bad_token(*skiptoken, "it was not issued by this service");
    if (from->query != query_digest(plan.identity))
      bad_token(*skiptoken, "it belongs to another query (a different entity set, $filter, $orderby, $top or $skip)");
  }
  const std::size_t served = from ? from->served : 0;
  PageOut out = plan.natural_order ? natural_page(plan, from, page_limit(plan, served, page_size))
                                   : sorted_page(plan, from, page_limit(plan, served, page_size));
  if (plan.count) out.total = from && from->total ? from->total : std::optional<std::size_t>(counts_.count(plan));
  if (out.next) {
    out.next->served = served + out.rows.size();
    out.next->total = out.total;
    out.next->query = query_digest(plan.identity);
    if (top_reached(plan, out.next->served)) out.next.reset();
  }
  return out;
}

PageOut Pager::natural_page(const QueryPlan& plan, const std::optional<Skiptoken>& from, std::size_t limit) {
  std::size_t position;
  if (from) {
    position = next_match(plan, from->position);
  } else {
    position = next_match(plan, plan.seek.begin);
    for (std::size_t skipped = 0; skipped < plan.skip && position < plan.seek.end; ++skipped)
      position = next_match(plan, position + 1);
  }
  PageOut out;
  while (out.rows.size() < limit && position < plan.seek.end) {
    out.rows.push_back(position);
    position = next_match(plan, position + 1);
  }
  if (position < plan.seek.end && limit > 0) out.next = Skiptoken{position, 0, std::nullopt, 0};
  return out;
}

PageOut Pager::sorted_page(const QueryPlan& plan, const std::optional<Skiptoken>& from, std::size_t limit) {
  const Rows rows = sorted(plan);
  std::size_t index = from ? from->position : plan.skip;
  PageOut out;
  for (; out.rows.size() < limit && index < rows->size(); ++index) out.rows.push_back((*rows)[index]);
  if (index < rows->size() && limit > 0) out.next = Skiptoken{index, 0, std::nullopt, 0};
  return out;
}

Pager::Rows Pager::sorted(const QueryPlan& plan) {
  {
    std::lock_guard lock(mutex_);
    for (auto it = lru_.begin(); it != lru_.end(); ++it) {
      if (it->identity != plan.identity || it->table != plan.table.get() || it->table_size != plan.table->size())
        continue;
      lru_.splice(lru_.begin(), lru_, it);
      return lru_.front().rows;
    }
  }
  auto rows = std::make_shared<const std::vector<std::uint32_t>>(sorted_matches(plan));
  std::lock_guard lock(mutex_);
  ++sorts_;
  lru_.push_front(Entry{plan.identity, plan.table.get(), plan.table->size(), rows});
  if (lru_.size() > capacity_) lru_.pop_back();
  return rows;
}

long Pager::sorts() const {
  std::lock_guard lock(mutex_);
  return sorts_;
}

}  // namespace o2c::sim::sap
