#include "sim/salesforce/soql_result_set.h"

#include <algorithm>
#include <limits>

#include "sim/salesforce/soql_exec.h"

namespace o2c::sim::salesforce::soql {

namespace {

constexpr std::size_t kMaxResumePoints = 512;

// The position of the match `skip` matches after the one at `position`.
std::size_t skip_matches(const QueryPlan& plan, std::size_t position, std::size_t skip) {
  if (plan.seek_exact) return std::min(position + skip, plan.seek.end);
  for (; skip > 0 && position < plan.seek.end; --skip) position = next_match(plan, position + 1);
  return position;
}

}  // namespace

ResultSet::ResultSet(std::shared_ptr<const QueryPlan> plan) : plan_(std::move(plan)) {
  const QueryPlan& p = *plan_;
  if (!p.natural_order && !p.count_only) {
    sorted_ = sorted_matches(p);
    total_ = sorted_.size();
    return;
  }
  const std::size_t cap = p.limit && *p.limit <= std::numeric_limits<std::size_t>::max() - p.offset
                              ? p.offset + *p.limit
                              : std::numeric_limits<std::size_t>::max();
  const std::size_t matching = count_matches(p, cap);
  total_ = matching - std::min(matching, p.offset);
  if (p.count_only) return;
  resume_at_[0] = skip_matches(p, next_match(p, p.seek.begin), p.offset);
}

ResultSet::Batch ResultSet::fetch(std::size_t offset, std::size_t max_rows) {
  if (plan_->count_only) return Batch{{}, true};
  if (plan_->natural_order) return fetch_streaming(offset, max_rows);
  Batch batch;
  const std::size_t begin = std::min(offset, sorted_.size());
  const std::size_t end = std::min(sorted_.size() - begin, max_rows) + begin;
  batch.rows.assign(sorted_.begin() + static_cast<std::ptrdiff_t>(begin),
                    sorted_.begin() + static_cast<std::ptrdiff_t>(end));
  batch.done = end >= sorted_.size();
  return batch;
}

ResultSet::Batch ResultSet::fetch_streaming(std::size_t offset, std::size_t max_rows) {
  const QueryPlan& p = *plan_;
  std::lock_guard lock(mutex_);
  auto known = std::prev(resume_at_.upper_bound(offset));  // resume_at_ always holds offset 0
  std::size_t position = skip_matches(p, known->second, offset - known->first);
  Batch batch;
  const std::size_t wanted = offset < total_ ? std::min(max_rows, total_ - offset) : 0;
  while (batch.rows.size() < wanted && position < p.seek.end) {
    batch.rows.push_back(position);
    position = next_match(p, position + 1);
  }
  const std::size_t served = offset + batch.rows.size();
  batch.done = served >= total_ || position >= p.seek.end;
  if (!batch.done) {
    resume_at_[served] = position;
    if (resume_at_.size() > kMaxResumePoints) resume_at_.erase(std::next(resume_at_.begin()));
  }
  return batch;
}

}  // namespace o2c::sim::salesforce::soql
