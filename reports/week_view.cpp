#include "reports/week_view.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace o2c::reports {

namespace {

using schema::ExceptionKind;
using schema::StoredException;

std::size_t rank_of(ExceptionKind kind) {
  const auto& order = kinds_in_report_order();
  return static_cast<std::size_t>(std::find(order.begin(), order.end(), kind) - order.begin());
}

int age_in_days(const StoredException& e, Date as_of) {
  const Date from = e.item.reference_date ? *e.item.reference_date : to_date(e.first_seen);
  return days_between(from, as_of);
}

void sort_open(std::vector<ExceptionRow>& rows) {
  std::sort(rows.begin(), rows.end(), [](const ExceptionRow& a, const ExceptionRow& b) {
    const auto key = [](const ExceptionRow& r) {
      return std::make_tuple(rank_of(r.stored->item.kind), -r.age_days, customer_label(r.stored->item),
                             std::cref(r.stored->id));
    };
    return key(a) < key(b);
  });
}

void count(const ExceptionRow& row, WeekSummary& s, std::map<std::size_t, KindCounts>& kinds,
           std::map<std::size_t, std::map<std::string, Money>>& at_stake) {
  const schema::ExceptionItem& item = row.stored->item;
  KindCounts& k = kinds[rank_of(item.kind)];
  k.kind = item.kind;
  if (row.standing == Standing::resolved_this_week) {
    ++s.resolved_this_week;
    ++k.resolved_this_week;
    return;
  }
  ++s.open;
  ++k.open;
  if (row.standing == Standing::new_this_week)
    ++s.new_this_week, ++k.new_this_week;
  else
    ++s.still_open;
  if (row.acknowledged) ++s.acknowledged, ++k.acknowledged;
  if (item.amount) {
    const std::string code(item.amount->currency().code());
    auto [it, inserted] = at_stake[rank_of(item.kind)].try_emplace(code, *item.amount);
    if (!inserted) it->second += *item.amount;
  }
}

}  // namespace

const std::vector<ExceptionKind>& kinds_in_report_order() {
  static const std::vector<ExceptionKind> order = [] {
    std::vector<ExceptionKind> kinds;
    for (const auto& k : schema::all_exception_kinds()) kinds.push_back(k.kind);
    std::stable_sort(kinds.begin(), kinds.end(), [](ExceptionKind a, ExceptionKind b) {
      return schema::info(a).severity > schema::info(b).severity;
    });
    return kinds;
  }();
  return order;
}

std::string customer_label(const schema::ExceptionItem& item) {
  if (!item.customer_name.empty()) return item.customer_name;
  if (!item.customer_id.empty()) return item.customer_id;
  return item.record_key;
}

Standing standing_in(const StoredException& e, const IsoWeek& week) {
  if (e.first_seen >= week.end()) return Standing::outside_week;
  if (e.state == schema::ExceptionState::resolved) {
    if (!e.resolved_at || *e.resolved_at < week.start()) return Standing::outside_week;
    if (*e.resolved_at < week.end()) return Standing::resolved_this_week;
    // resolved after the week: it was open at the week's end
  }
  return e.first_seen >= week.start() ? Standing::new_this_week : Standing::still_open;
}

WeekView build_week_view(const ReportInput& input) {
  WeekView view;
  const Timestamp last_moment = input.week.end() - std::chrono::milliseconds{1};
  view.as_of = to_date(std::min(input.generated_at, last_moment));
  std::map<std::size_t, KindCounts> kinds;
  std::map<std::size_t, std::map<std::string, Money>> at_stake;
  for (const auto& e : input.exceptions) {
    ExceptionRow row{&e, standing_in(e, input.week), e.state == schema::ExceptionState::acknowledged,
                     age_in_days(e, view.as_of)};
    if (row.standing == Standing::outside_week) continue;
    count(row, view.summary, kinds, at_stake);
    (row.standing == Standing::resolved_this_week ? view.resolved : view.open).push_back(row);
  }
  sort_open(view.open);
  std::sort(view.resolved.begin(), view.resolved.end(), [](const ExceptionRow& a, const ExceptionRow& b) {
    return std::tie(*a.stored->resolved_at, a.stored->id) < std::tie(*b.stored->resolved_at, b.stored->id);
  });
  for (auto& [rank, k] : kinds) {
    for (auto& [code, sum] : at_stake[rank]) k.at_stake.push_back(sum);
    view.summary.kinds.push_back(std::move(k));
  }
  return view;
}

WeekSummary summarise(const ReportInput& input) { return build_week_view(input).summary; }

}  // namespace o2c::reports
