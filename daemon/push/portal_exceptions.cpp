// daemon/push/portal_exceptions.cpp — the exceptions the outbox raises:
// PORTAL_REJECTED for a refused submission, PORTAL_NOT_SUBMITTED for an
// invoice that could not be made into a valid document, or that its portal
// has not accepted `accept_within` after its date. Keyed by the invoice, so
// re-runs find the same exception.
#include <unordered_map>

#include <fmt/format.h>

#include "daemon/push/push.h"

namespace o2c::push {

namespace {

using schema::ExceptionItem;
using schema::ExceptionKind;
using schema::Submission;
using schema::SubmissionState;

ExceptionItem item_of(const Submission& s, ExceptionKind kind, std::string rule,
                      const std::unordered_map<std::string, const schema::Customer*>& customers) {
  ExceptionItem item;
  item.kind = kind;
  item.rule = std::move(rule);
  item.customer_id = s.customer_id;
  item.invoice_id = s.key.invoice_id;
  item.invoice_number = s.invoice_number;
  item.amount = s.amount;
  item.reference_date = s.issue_date;
  if (const auto it = customers.find(s.key.invoice_source + "\x1f" + s.customer_id); it != customers.end())
    item.customer_name = it->second->name;
  item.evidence.push_back({"portal", s.key.portal});
  item.evidence.push_back({"submission_state", to_string(s.state)});
  return item;
}

}  // namespace

std::vector<ExceptionItem> portal_exceptions(const std::vector<Submission>& submissions,
                                             const std::vector<schema::Customer>& customers,
                                             std::chrono::seconds accept_within, Timestamp now) {
  std::unordered_map<std::string, const schema::Customer*> by_key;
  for (const auto& c : customers) by_key.emplace(c.meta.source + "\x1f" + c.meta.external_id, &c);
  std::vector<ExceptionItem> out;
  const Date today = to_date(now);
  for (const Submission& s : submissions) {
    if (s.state == SubmissionState::rejected) {
      ExceptionItem item = item_of(s, ExceptionKind::portal_rejected, "push.portal_rejected", by_key);
      item.evidence.push_back({"portal_ref", s.portal_ref});
      item.evidence.push_back({"portal_status", s.portal_status});
      item.evidence.push_back({"reason", s.reason});
      out.push_back(std::move(item));
      continue;
    }
    if (s.state == SubmissionState::held) {
      if (s.rule == "PO_REQUIRED") continue;  // reconcile's PO rule reports it as PO_MISSING
      ExceptionItem item = item_of(s, ExceptionKind::portal_not_submitted, "push.cannot_make_document", by_key);
      item.evidence.push_back({"failed_rule", s.rule});
      item.evidence.push_back({"reason", s.reason});
      out.push_back(std::move(item));
      continue;
    }
    if (schema::is_final(s.state) || !s.issue_date) continue;
    const int age = days_between(*s.issue_date, today);
    const auto limit = std::chrono::duration_cast<std::chrono::days>(accept_within).count();
    if (age <= limit) continue;
    ExceptionItem item = item_of(s, ExceptionKind::portal_not_submitted, "push.not_accepted_in_time", by_key);
    item.evidence.push_back({"days_since_invoice_date", std::to_string(age)});
    item.evidence.push_back({"accept_within_days", std::to_string(limit)});
    item.evidence.push_back({"attempts", std::to_string(s.attempts)});
    if (!s.reason.empty()) item.evidence.push_back({"last_answer", s.reason});
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace o2c::push
