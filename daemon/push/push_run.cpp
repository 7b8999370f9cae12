// daemon/push/push_run.cpp — one pass over the outbox: plan, resolve the
// submissions whose outcome is unknown, send the pending ones, poll the
// submitted ones. A submission is stored as `sending` before its portal call
// starts; what the portal answers is stored after. A call that fails or
// answers nothing readable leaves it `sending`: the next pass asks the portal.
#include <algorithm>

#include <fmt/format.h>

#include "core/error.h"
#include "core/log.h"
#include "daemon/push/call_pool.h"
#include "daemon/push/push.h"

namespace o2c::push {

namespace {

using portals::Outcome;
using schema::Submission;
using schema::SubmissionState;

// pending again after a retry answer: Retry-After, else 30 s doubling per attempt, at most 1 h.
Timestamp retry_at(Timestamp now, const portals::Answer& a, int attempts) {
  if (a.retry_after) return now + std::chrono::duration_cast<std::chrono::milliseconds>(*a.retry_after);
  const int doublings = std::clamp(attempts - 1, 0, 7);
  return now + std::min<std::chrono::milliseconds>(std::chrono::seconds(30) * (1 << doublings), std::chrono::hours(1));
}

// Round-robin over portals, so that one portal's backlog never starves another's.
std::vector<Submission> interleaved(std::vector<Submission> list) {
  std::map<std::string, std::vector<Submission>> by_portal;
  for (auto& s : list) by_portal[s.key.portal].push_back(std::move(s));
  std::vector<Submission> out;
  for (std::size_t i = 0;; ++i) {
    bool any = false;
    for (auto& [portal, items] : by_portal)
      if (i < items.size()) out.push_back(std::move(items[i])), any = true;
    if (!any) return out;
  }
}

}  // namespace

PushStats PushRun::run() {
  PushStats stats;
  auto log = logger("push");
  InvoiceBook book(store_.customers(), store_.orders(), store_.invoices(), store_.invoice_lines());
  plan(book, stats);
  if (options_.dry_run) return stats;
  resolve_unknown(stats);
  send_pending(stats);
  poll_status(stats);
  log->info("push done due={} created={} held={} released={} sent={} submitted={} accepted={} rejected={} paid={} "
            "unknown={} retried={} looked_up={} polled={} errors={}",
            stats.due, stats.created, stats.held, stats.released, stats.sent, stats.submitted, stats.accepted,
            stats.rejected, stats.paid, stats.unknown, stats.retried, stats.looked_up, stats.polled, stats.errors);
  return stats;
}

portals::SubmissionRef PushRun::ref_of(const Submission& s) const {
  portals::SubmissionRef ref;
  ref.invoice_number = s.invoice_number;
  ref.issue_date = s.issue_date.value_or(Date{});
  ref.idempotency_key = s.idempotency_key;
  ref.portal_ref = s.portal_ref;
  if (const portals::Route* r = routing_.find(s.customer_id)) ref.route = *r;
  ref.route.portal = s.key.portal;
  ref.route.customer_id = s.customer_id;
  return ref;
}

void PushRun::apply(Submission s, SubmissionState expected, const portals::Answer& a, const std::string& event,
                    PushStats& stats) {
  const Timestamp now = clock_.now();
  s.updated = now;
  if (!a.portal_ref.empty()) s.portal_ref = a.portal_ref;
  if (!a.status.empty()) s.portal_status = a.status;
  std::string what = std::string(portals::to_string(a.outcome));
  switch (a.outcome) {
    case Outcome::submitted: s.state = SubmissionState::submitted, ++stats.submitted; break;
    case Outcome::accepted: s.state = SubmissionState::accepted, ++stats.accepted; break;
    case Outcome::paid: s.state = SubmissionState::paid, ++stats.paid; break;
    case Outcome::rejected:
      s.state = SubmissionState::rejected, s.reason = a.reason, ++stats.rejected;
      logger("push")->warn("rejected portal={} invoice={} reason={}", s.key.portal, s.invoice_number, a.reason);
      break;
    case Outcome::retry:
      s.state = SubmissionState::pending, s.reason = a.reason, s.next_attempt = retry_at(now, a, s.attempts);
      ++stats.retried;
      logger("push")->warn("retry later portal={} invoice={} attempt={} reason={}", s.key.portal, s.invoice_number,
                           s.attempts, a.reason);
      break;
    case Outcome::not_found:
      s.state = SubmissionState::pending, s.next_attempt.reset();
      what = "not found at the portal: safe to send";
      break;
    case Outcome::unknown:  // stays as it is; asked again next time
      ++stats.unknown;
      logger("push")->warn("outcome unknown portal={} invoice={} event={} reason={}", s.key.portal, s.invoice_number,
                           event, a.reason);
      return;
  }
  const std::string detail = fmt::format("{}{}{}", what, a.portal_ref.empty() ? "" : " ref " + a.portal_ref,
                                         a.reason.empty() ? "" : ": " + a.reason);
  if (!store_.transition_submission(s, expected, event, detail))
    logger("push")->warn("submission moved meanwhile submission={} expected={}", s.key.to_text(), to_string(expected));
}

void PushRun::resolve_unknown(PushStats& stats) {
  std::vector<Submission> sending = store_.submissions({.state = SubmissionState::sending, .portal = ""});
  for (Submission& s : sending) {
    const PortalHandle* h = handle_of(s.key.portal);
    if (!h) continue;
    Submission pending = s;
    pending.state = SubmissionState::pending;
    pending.updated = clock_.now();
    if (h->portal->resend_is_idempotent()) {  // the portal dedupes on the stored key: the same payload again
      store_.transition_submission(pending, SubmissionState::sending, "resend", "the portal dedupes on the key");
      continue;
    }
    try {
      ++stats.looked_up;
      apply(s, SubmissionState::sending, h->portal->lookup(ref_of(s)), "lookup", stats);
    } catch (const Error& e) {
      ++stats.errors;
      logger("push")->error("lookup failed portal={} invoice={} error={}", s.key.portal, s.invoice_number, e.what());
    }
  }
}

void PushRun::send_pending(PushStats& stats) {
  const Timestamp now = clock_.now();
  std::vector<Submission> due;
  for (auto& s : store_.submissions({.state = SubmissionState::pending, .portal = ""}))
    if ((!s.next_attempt || *s.next_attempt <= now) && handle_of(s.key.portal)) due.push_back(std::move(s));
  due = interleaved(std::move(due));
  std::map<std::string, int> lanes;
  for (const auto& [name, h] : portals_) lanes[name] = h.concurrency;
  CallPool pool(lanes);
  std::vector<Submission> started(due.size());
  const auto finish = [&](const CallResult& r) {
    const Submission& s = started[r.task];
    if (r.answer) return apply(s, SubmissionState::sending, *r.answer, "answer", stats);
    ++stats.unknown, ++stats.errors;  // may have reached the portal: left sending, looked up next time
    logger("push")->error("send failed portal={} invoice={} error={}", s.key.portal, s.invoice_number, r.error);
  };
  for (std::size_t i = 0; i < due.size(); ++i) {
    const std::string& portal = due[i].key.portal;
    while (!pool.has_room(portal))
      if (auto r = pool.next()) finish(*r);
    Submission s = due[i];
    s.state = SubmissionState::sending;
    s.attempts += 1;
    s.updated = clock_.now();
    if (!s.first_sent) s.first_sent = s.updated;
    s.next_attempt.reset();
    if (!store_.transition_submission(s, SubmissionState::pending, "sending", fmt::format("attempt {}", s.attempts)))
      continue;  // another instance took it
    started[i] = s;
    ++stats.sent;
    portals::Portal* p = portals_.at(portal).portal;
    pool.start(portal, i, [p, ref = ref_of(s), payload = portals::Payload{s.payload_format, s.payload_content_type,
                                                                         s.payload_file_name, s.payload}] {
      return p->submit(ref, payload);
    });
  }
  while (auto r = pool.next()) finish(*r);
}

void PushRun::poll_status(PushStats& stats) {
  // Submitted ones every pass; accepted ones, for the payment, every few hours.
  constexpr auto kPaidPollInterval = std::chrono::hours(6);
  const Timestamp now = clock_.now();
  std::vector<Submission> open;
  for (auto state : {SubmissionState::submitted, SubmissionState::accepted})
    for (auto& s : store_.submissions({.state = state, .portal = ""}))
      if (handle_of(s.key.portal) && (state == SubmissionState::submitted || now - s.updated >= kPaidPollInterval))
        open.push_back(std::move(s));
  open = interleaved(std::move(open));
  std::map<std::string, int> lanes;
  for (const auto& [name, h] : portals_) lanes[name] = h.concurrency;
  for (int round = 0; round < options_.status_polls; ++round) {
    CallPool pool(lanes);
    std::vector<Submission> asked(open.size());
    const auto finish = [&](const CallResult& r) {
      const Submission& s = asked[r.task];
      if (!r.answer) {
        ++stats.errors;
        return logger("push")->warn("status failed portal={} invoice={} error={}", s.key.portal, s.invoice_number, r.error);
      }
      const Outcome o = r.answer->outcome;
      const bool moves = (o == Outcome::accepted && s.state != SubmissionState::accepted) || o == Outcome::rejected ||
                         o == Outcome::paid;
      if (moves) apply(s, s.state, *r.answer, "status", stats);
    };
    for (std::size_t i = 0; i < open.size(); ++i) {
      while (!pool.has_room(open[i].key.portal))
        if (auto r = pool.next()) finish(*r);
      asked[i] = open[i];
      ++stats.polled;
      portals::Portal* p = portals_.at(open[i].key.portal).portal;
      pool.start(open[i].key.portal, i, [p, ref = ref_of(open[i])] { return p->status(ref); });
    }
    while (auto r = pool.next()) finish(*r);
    open = store_.submissions({.state = SubmissionState::submitted, .portal = ""});
    std::erase_if(open, [&](const Submission& s) { return !handle_of(s.key.portal); });
  }
}

}  // namespace o2c::push
