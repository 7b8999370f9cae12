// The construction pass of Business: accounts' parents, each order's account
// and plan (which planted case, if any), follow-up renewal orders, and the
// documents of each order. Deterministic: every choice is a seeded draw.
#include <algorithm>
#include <limits>
#include <numeric>

#include <fmt/format.h>

#include "core/error.h"
#include "sim/dataset/business.h"
#include "sim/dataset/business_layout.h"

namespace o2c::sim::dataset {

namespace {

constexpr std::size_t kMaxOrders = 50'000'000;
constexpr std::chrono::days kRenewalWindow{45};          // follow-ups for EndDate in [today, today + 45]
constexpr std::chrono::days kGapFirst{5}, kGapLast{25};  // planted PO_NEEDED_FOR_RENEWAL EndDate

// How many orders each planted kind gets: ~percent % of orders, and at least
// 2 from 200 orders on.
std::size_t quota(std::size_t orders, std::size_t percent) {
  if (orders < 200) return orders * percent / 100;
  return std::max<std::size_t>(2, (orders * percent + 50) / 100);
}

}  // namespace

class PlanBuilder {
 public:
  explicit PlanBuilder(Business& b) : b_(b), draws_(b.draws()) {}

  void run(std::size_t orders) {
    build_accounts(std::max<std::size_t>(20, orders / 8));
    assign_accounts_and_status(orders);
    shuffle_orders();
    plant_renewal_gaps();
    plant_cases();
    plan_follow_ups();
    lay_out_documents();
  }

 private:
  void set_plan(std::size_t i, OrderPlan p) {
    b_.order_plan_[i] = static_cast<std::uint8_t>((b_.order_plan_[i] & ~Business::kPlanMask) | static_cast<std::uint8_t>(p));
  }
  bool signed_and_valid(std::size_t i) const {
    const OrderPlan p = b_.plan(i);
    return p != OrderPlan::draft && p != OrderPlan::deleted && !is_invalid_order(p);
  }

  void build_accounts(std::size_t count) {
    b_.account_parent_.assign(count, Business::kNoParent);
    for (std::size_t a = 1; a < count; ++a) {
      if (!draws_.chance(Stream::account_parent, a, 10)) continue;
      const std::size_t pick = draws_.below(Stream::account_parent_pick, a, a);
      const std::uint32_t root = b_.account_parent_[pick];  // parents are never children: one level
      b_.account_parent_[a] = root == Business::kNoParent ? static_cast<std::uint32_t>(pick) : root;
    }
  }

  void assign_accounts_and_status(std::size_t orders) {
    b_.order_account_.resize(orders);
    b_.order_plan_.assign(orders, static_cast<std::uint8_t>(OrderPlan::normal));
    for (std::size_t i = 0; i < orders; ++i) {
      b_.order_account_[i] = static_cast<std::uint32_t>(draws_.below(Stream::order_account, i, b_.accounts()));
      const auto status = draws_.below(Stream::order_status, i, 100);
      if (status < 4) set_plan(i, OrderPlan::draft);
      else if (status < 5) set_plan(i, OrderPlan::deleted);
    }
  }

  void shuffle_orders() {
    shuffled_.resize(b_.orders());
    std::iota(shuffled_.begin(), shuffled_.end(), 0U);
    for (std::size_t k = shuffled_.size(); k > 1; --k)
      std::swap(shuffled_[k - 1], shuffled_[draws_.below(Stream::planting_shuffle, k, k)]);
  }

  // Signed subscriptions ending 5-25 days after today, left without a follow-up.
  void plant_renewal_gaps() {
    std::size_t wanted = quota(b_.orders(), 1);
    const SimDate first = b_.today() + kGapFirst, last = b_.today() + kGapLast;
    for (const std::uint32_t i : shuffled_) {
      if (wanted == 0) break;
      if (b_.plan(i) != OrderPlan::normal || !b_.subscription(i)) continue;
      const SimDate end = *b_.end_date(i);
      if (end < first || end > last) continue;
      set_plan(i, OrderPlan::po_needed_for_renewal);
      --wanted;
    }
  }

  struct Quota {
    OrderPlan plan;
    std::size_t remaining;
    enum class Needs { nothing, po, requires_po } needs;
  };

  std::vector<Quota> quotas() const {
    const std::size_t n = b_.orders(), each = quota(n, 1);
    std::vector<Quota> q{
        {OrderPlan::not_invoiced, each, Quota::Needs::nothing},
        {OrderPlan::partially_invoiced, each, Quota::Needs::nothing},
        {OrderPlan::over_invoiced, each, Quota::Needs::nothing},
        {OrderPlan::amount_mismatch, each, Quota::Needs::nothing},
        {OrderPlan::currency_mismatch, each, Quota::Needs::nothing},
        {OrderPlan::duplicate_invoice, each, Quota::Needs::nothing},
        {OrderPlan::po_missing, each, Quota::Needs::requires_po},
        {OrderPlan::po_mismatch, each, Quota::Needs::po},
        {OrderPlan::orphan_po_host, (each + 1) / 2, Quota::Needs::nothing},
        {OrderPlan::orphan_ref_host, each / 2, Quota::Needs::nothing},
        {OrderPlan::normal_unreferenced, quota(n, 3), Quota::Needs::po},
        {OrderPlan::normal_netted, each, Quota::Needs::nothing},
    };
    const OrderPlan invalid[] = {OrderPlan::invalid_amount_text, OrderPlan::invalid_amount_bool,
                                 OrderPlan::invalid_currency,    OrderPlan::invalid_no_account,
                                 OrderPlan::invalid_po_utf8,     OrderPlan::invalid_invoice_total};
    for (std::size_t k = 0; k < std::size(invalid); ++k)
      q.push_back({invalid[k], each / 6 + (k < each % 6 ? 1 : 0), Quota::Needs::nothing});
    return q;
  }

  bool eligible(const Quota& q, std::size_t i) const {
    switch (q.needs) {
      case Quota::Needs::po: return b_.has_po(i);
      case Quota::Needs::requires_po: return b_.requires_po(b_.order_account(i));
      case Quota::Needs::nothing: break;
    }
    return true;
  }

  // Walks the shuffled orders and hands each normal one to the next kind (round
  // robin) that still wants orders and accepts it.
  void plant_cases() {
    std::vector<Quota> q = quotas();
    std::size_t left = 0, turn = 0;
    for (const auto& k : q) left += k.remaining;
    for (const std::uint32_t i : shuffled_) {
      if (left == 0) break;
      if (b_.plan(i) != OrderPlan::normal) continue;
      for (std::size_t k = 0; k < q.size(); ++k) {
        Quota& candidate = q[(turn + k) % q.size()];
        if (candidate.remaining == 0 || !eligible(candidate, i)) continue;
        set_plan(i, candidate.plan);
        --candidate.remaining;
        --left;
        turn = (turn + k + 1) % q.size();
        break;
      }
    }
  }

  void plan_follow_ups();
  void keep_gaps_open(const std::vector<std::uint32_t>& needs);
  void lay_out_documents();

  Business& b_;
  const Draws& draws_;
  std::vector<std::uint32_t> shuffled_;
};

// Every signed subscription of a PO-requiring account that ends within 45 days
// gets a follow-up Renewal order, taken from the recent rows, in its account.
void PlanBuilder::plan_follow_ups() {
  const SimDate today = b_.today();
  std::vector<std::uint32_t> needs;
  for (std::size_t i = 0; i < b_.orders(); ++i) {
    if (!signed_and_valid(i) || b_.plan(i) == OrderPlan::po_needed_for_renewal || !b_.subscription(i)) continue;
    if (!b_.requires_po(b_.order_account(i))) continue;
    const SimDate end = *b_.end_date(i);
    if (end >= today && end <= today + kRenewalWindow) needs.push_back(static_cast<std::uint32_t>(i));
  }
  keep_gaps_open(needs);

  std::vector<std::uint32_t> recent;
  for (std::size_t i = b_.orders() - b_.orders() * 15 / 100; i < b_.orders(); ++i)
    if (b_.plan(i) == OrderPlan::normal) recent.push_back(static_cast<std::uint32_t>(i));
  for (std::size_t k = recent.size(); k > 1; --k)
    std::swap(recent[k - 1], recent[draws_.below(Stream::follow_up_shuffle, k, k)]);

  for (std::size_t k = 0; k < needs.size(); ++k) {
    const std::uint32_t q = needs[k];
    if (k >= recent.size()) {  // too few rows (tiny datasets): the subscription becomes a one-off order
      b_.order_plan_[q] |= Business::kForcedOneOff;
      continue;
    }
    set_plan(recent[k], OrderPlan::follow_up);
    b_.order_account_[recent[k]] = b_.order_account_[q];
    b_.follow_ups_.emplace_back(recent[k], q);
  }
  std::sort(b_.follow_ups_.begin(), b_.follow_ups_.end());
}

// A planted renewal gap must stay a gap: its account needs a PO and has no
// follow-up order starting on or after the gap's EndDate.
void PlanBuilder::keep_gaps_open(const std::vector<std::uint32_t>& needs) {
  using Days = SimDate::rep;
  std::vector<Days> latest_follow_up(b_.accounts(), std::numeric_limits<Days>::min());
  for (const std::uint32_t q : needs) {
    Days& latest = latest_follow_up[b_.order_account(q)];
    latest = std::max(latest, b_.end_date(q)->time_since_epoch().count());
  }
  const auto open_for = [&](std::size_t a, SimDate end) {
    return b_.requires_po(a) && latest_follow_up[a] < end.time_since_epoch().count();
  };
  for (std::size_t i = 0; i < b_.orders(); ++i) {
    if (b_.plan(i) != OrderPlan::po_needed_for_renewal) continue;
    const SimDate end = *b_.end_date(i);
    if (open_for(b_.order_account(i), end)) continue;
    const std::size_t start = draws_.below(Stream::renewal_account_pick, i, b_.accounts());
    bool moved = false;
    for (std::size_t k = 0; k < b_.accounts() && !moved; ++k) {
      const std::size_t a = (start + k) % b_.accounts();
      if (open_for(a, end)) {
        b_.order_account_[i] = static_cast<std::uint32_t>(a);
        moved = true;
      }
    }
    if (!moved) b_.order_plan_[i] = static_cast<std::uint8_t>(OrderPlan::normal) | Business::kForcedOneOff;
  }
}

void PlanBuilder::lay_out_documents() {
  b_.doc_order_.reserve(b_.orders() + b_.orders() / 4);
  b_.doc_role_.reserve(b_.orders() + b_.orders() / 4);
  const auto add = [&](std::size_t i, DocRole role) {
    b_.doc_order_.push_back(static_cast<std::uint32_t>(i));
    b_.doc_role_.push_back(static_cast<std::uint8_t>(role));
  };
  for (std::size_t i = 0; i < b_.orders(); ++i) {
    const OrderPlan p = b_.plan(i);
    bool payable = false;
    switch (p) {
      case OrderPlan::normal:
      case OrderPlan::follow_up:
      case OrderPlan::po_needed_for_renewal: add(i, DocRole::invoice_full), payable = true; break;
      case OrderPlan::normal_unreferenced: add(i, DocRole::invoice_unreferenced), payable = true; break;
      case OrderPlan::normal_netted: add(i, DocRole::invoice_netted), add(i, DocRole::credit_netted); break;
      case OrderPlan::partially_invoiced: add(i, DocRole::invoice_part1), add(i, DocRole::invoice_part2); break;
      case OrderPlan::over_invoiced: add(i, DocRole::invoice_full), add(i, DocRole::invoice_over_extra); break;
      case OrderPlan::amount_mismatch: add(i, DocRole::invoice_mismatch); break;
      case OrderPlan::currency_mismatch: add(i, DocRole::invoice_other_currency); break;
      case OrderPlan::duplicate_invoice: add(i, DocRole::invoice_full), add(i, DocRole::invoice_duplicate); break;
      case OrderPlan::po_missing: add(i, DocRole::invoice_no_po); break;
      case OrderPlan::po_mismatch: add(i, DocRole::invoice_wrong_po); break;
      case OrderPlan::orphan_po_host: add(i, DocRole::invoice_full), add(i, DocRole::orphan_po); break;
      case OrderPlan::orphan_ref_host: add(i, DocRole::invoice_full), add(i, DocRole::orphan_ref); break;
      case OrderPlan::invalid_amount_text:
      case OrderPlan::invalid_currency: add(i, DocRole::invoice_full); break;
      case OrderPlan::invalid_invoice_total: add(i, DocRole::invoice_bad_total); break;
      default: break;  // drafts, deleted, not invoiced, other invalid orders: no document
    }
    if (payable && draws_.chance(Stream::order_payment, i, 24)) add(i, DocRole::payment);
  }
}

Business::Business(std::uint64_t seed, std::size_t orders, SimTime now)
    : seed_(seed),
      draws_(seed),
      now_(std::chrono::floor<std::chrono::seconds>(now)),
      today_(std::chrono::floor<std::chrono::days>(now)),
      id_base_(14'776'336ULL * (1 + draws_.below(Stream::id_base, 0, 900))) {
  if (orders > kMaxOrders)
    throw Error(Error::Kind::config, fmt::format("--orders {} is too large (at most {})", orders, kMaxOrders));
  PlanBuilder(*this).run(orders);
}

}  // namespace o2c::sim::dataset
