// daemon/push/push_plan.cpp — which invoices are due for a portal, and their
// submissions made: held when a pre-flight check fails (re-checked every run,
// released when the data is fixed), pending with the key and the payload
// stored before any attempt.
#include <fstream>

#include <fmt/format.h>

#include "core/error.h"
#include "core/log.h"
#include "daemon/push/push.h"

namespace o2c::push {

namespace {

using schema::Submission;
using schema::SubmissionState;

schema::SubmissionKey key_of(const schema::Invoice& invoice, const std::string& portal) {
  return {invoice.meta.source, invoice.meta.object, invoice.meta.external_id, portal};
}

std::string key_text(const schema::SubmissionKey& k) {
  return fmt::format("{}\x1f{}\x1f{}\x1f{}", k.invoice_source, k.invoice_object, k.invoice_id, k.portal);
}

bool in_window(const schema::Invoice& invoice, const PushSettings& settings) {
  if (invoice.meta.deleted || !invoice.issue_date || !settings.since) return false;
  return *invoice.issue_date >= *settings.since;
}

}  // namespace

PushRun::PushRun(store::Store& store, std::map<std::string, PortalHandle> portals, const RoutingTable& routing,
                 const PushSettings& settings, const Clock& clock, PushOptions options)
    : store_(store),
      portals_(std::move(portals)),
      routing_(routing),
      settings_(settings),
      clock_(clock),
      options_(options) {}

const PortalHandle* PushRun::handle_of(const std::string& portal) const {
  const auto it = portals_.find(portal);
  return it == portals_.end() || !it->second.portal ? nullptr : &it->second;
}

void PushRun::plan(const InvoiceBook& book, PushStats& stats) {
  std::unordered_map<std::string, Submission> existing;
  for (auto& s : store_.submissions({})) existing.emplace(key_text(s.key), std::move(s));
  for (const schema::Invoice& invoice : book.invoices()) {
    if (!in_window(invoice, settings_)) continue;
    const portals::Route* route = routing_.find(invoice.customer_id);
    if (!route) continue;
    const PortalHandle* handle = handle_of(route->portal);
    if (!handle) continue;  // the configuration refuses routes to unknown portals
    ++stats.due;
    const auto it = existing.find(key_text(key_of(invoice, route->portal)));
    plan_one(invoice, *route, *handle, book, it == existing.end() ? nullptr : &it->second, stats);
  }
}

void PushRun::plan_one(const schema::Invoice& invoice, const portals::Route& route, const PortalHandle& handle,
                       const InvoiceBook& book, const Submission* existing, PushStats& stats) {
  if (existing && existing->state != SubmissionState::held) return;  // made once: its state machine goes on
  const Timestamp now = clock_.now();
  Built built = build_document(invoice, book, route, settings_, handle.profile, handle.with_pdf);
  Submission s = existing ? *existing : Submission{};
  s.key = key_of(invoice, route.portal);
  s.invoice_number = invoice.number;
  s.customer_id = invoice.customer_id;
  s.amount = invoice.amount;
  s.issue_date = invoice.issue_date;
  s.updated = now;
  if (!existing) s.created = now;
  if (built.document) {
    try {
      s.idempotency_key = handle.portal->new_key(invoice.number, now);
      const portals::Payload payload = handle.portal->render(*built.document, route, s.idempotency_key, now);
      s.payload_format = payload.format, s.payload_content_type = payload.content_type;
      s.payload_file_name = payload.file_name, s.payload = payload.body;
    } catch (const Error& e) {
      built = {std::nullopt, "O2C-RENDER", fmt::format("the {} document cannot be made: {}", route.portal, e.what()), ""};
    }
  }
  if (!built.document) {
    s.state = SubmissionState::held;
    s.rule = built.rule, s.reason = built.reason;
    s.idempotency_key.clear(), s.payload.clear(), s.payload_format.clear();
    s.payload_content_type.clear(), s.payload_file_name.clear();
    ++stats.held;
    if (options_.dry_run) return plan_lines_.push_back(fmt::format("hold {} for {}: {}", invoice.number, route.portal, s.reason));
    if (!existing) store_.create_submission(s, fmt::format("{}: {}", s.rule, s.reason));
    else if (existing->reason != s.reason) store_.transition_submission(s, SubmissionState::held, "held", s.reason);
    return;
  }
  s.state = SubmissionState::pending;
  s.rule.clear(), s.reason.clear();
  if (options_.dry_run)
    return plan_lines_.push_back(fmt::format("send {} to {} as {} ({} bytes, PO '{}')", invoice.number, route.portal,
                                             s.payload_format, s.payload.size(), built.po));
  const bool stored = existing ? store_.transition_submission(s, SubmissionState::held, "released",
                                                               "the checks pass now: " + s.payload_format)
                               : store_.create_submission(s, fmt::format("{} {} bytes, key {}", s.payload_format,
                                                                         s.payload.size(), s.idempotency_key));
  if (!stored) return;  // another instance made or moved it first
  ++(existing ? stats.released : stats.created);
  keep_copy(s);
}

void PushRun::keep_copy(const Submission& s) const {
  if (settings_.copy_dir.empty()) return;
  const std::filesystem::path dir = settings_.copy_dir / s.key.portal;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  std::ofstream out(dir / s.payload_file_name, std::ios::binary | std::ios::trunc);
  out << s.payload;
  if (!out) logger("push")->warn("copy not written portal={} file={}", s.key.portal, (dir / s.payload_file_name).string());
}

}  // namespace o2c::push
