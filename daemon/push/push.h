// daemon/push/push.h
// push — delivers approved invoices to customer portals exactly once
// (DESIGN.md "Exactly-once push"). Owns which invoices go where (the routing
// table), the pre-flight checks, turning a stored invoice with its lines and
// customer into an e-invoice document (einvoice/), and the run that drives
// each submission through the outbox state machine of the store:
//   plan: invoice due for a portal → held (a check failed) or pending (key and
//         payload rendered and stored, before any attempt)
//   resolve: sending (outcome unknown: crash, lost answer) → ask the portal
//         (lookup), or resend where the portal dedupes on the key
//   send: pending → sending (stored first) → submitted | accepted | rejected
//   poll: submitted → accepted | rejected | paid
// and the exceptions the outbox raises (PORTAL_REJECTED, PORTAL_NOT_SUBMITTED).
// Never resends a submission whose outcome is unknown without asking first.
// Called by daemon/ (`o2csync push`, the demo, `run`).
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "connectors/portals/portal.h"
#include "core/time.h"
#include "einvoice/einvoice.h"
#include "schema/exception_item.h"
#include "schema/model.h"
#include "schema/submission.h"
#include "store/store.h"

namespace o2c::push {

// What every document carries about the seller and how pushes are bounded.
struct PushSettings {
  einvoice::Party seller;
  std::optional<einvoice::PaymentMeans> payment;
  std::string payment_terms;
  std::string exemption_reason = "Exempt from VAT";  // BT-120 of exempt (E) lines
  std::optional<Date> since;                          // invoices issued before are never pushed
  std::chrono::seconds accept_within{5 * 86400};      // then PORTAL_NOT_SUBMITTED
  std::filesystem::path copy_dir;                     // a copy of every payload made ("" = none)
};

// Routes by ERP customer external id.
class RoutingTable {
 public:
  RoutingTable() = default;
  explicit RoutingTable(std::vector<portals::Route> routes);
  const portals::Route* find(std::string_view customer_id) const;
  const std::vector<portals::Route>& routes() const { return routes_; }

 private:
  std::vector<portals::Route> routes_;
  std::unordered_map<std::string, std::size_t> by_customer_;
};

// The stored records an e-invoice is built from, indexed.
class InvoiceBook {
 public:
  InvoiceBook(std::vector<schema::Customer> customers, std::vector<schema::Order> orders,
              std::vector<schema::Invoice> invoices, std::vector<schema::InvoiceLine> lines);
  const std::vector<schema::Invoice>& invoices() const { return invoices_; }
  const schema::Customer* erp_customer(const schema::Invoice& invoice) const;
  const schema::Customer* crm_account(const schema::Invoice& invoice) const;
  const schema::Order* referenced_order(const schema::Invoice& invoice) const;
  // The PO of a signed order of the invoice's CRM account that equals `po`
  // after normalisation (the buyer's own spelling), or nullptr.
  const schema::Order* order_with_po(const schema::Invoice& invoice, std::string_view po) const;
  // The invoice's lines in line-number order (a line that could not be read
  // is missing: the lines then do not add up to the invoice, and it is held).
  std::vector<const schema::InvoiceLine*> lines_of(const schema::Invoice& invoice) const;

 private:
  static std::string key(std::string_view source, std::string_view id);

  std::vector<schema::Customer> customers_;
  std::vector<schema::Order> orders_;
  std::vector<schema::Invoice> invoices_;
  std::vector<schema::InvoiceLine> lines_;
  std::unordered_map<std::string, std::size_t> customer_by_key_;      // source + external id
  std::unordered_map<std::string, std::size_t> crm_by_id_;            // CRM account external id
  std::unordered_map<std::string, std::size_t> order_by_id_;          // external id (any source)
  std::unordered_map<std::string, std::size_t> order_by_account_po_;  // CRM account + normalised PO
  std::unordered_multimap<std::string, std::size_t> lines_by_invoice_;  // source + invoice id
};

// A document, or why none can be made.
struct Built {
  std::optional<einvoice::Document> document;
  std::string rule;      // "PO_REQUIRED", "NO_LINES", "BR-AE-02", "O2C-TOTAL", ...
  std::string reason;    // in words an AR clerk can act on
  std::string po;        // the PO the document carries ("" = none)
};

// The PO an invoice is sent with: its own, in its order's spelling when the
// two are equal after normalisation (README "Portals").
std::string po_to_send(const schema::Invoice& invoice, const InvoiceBook& book);

// The e-invoice of a stored invoice for `route`, checked for `profile`.
Built build_document(const schema::Invoice& invoice, const InvoiceBook& book, const portals::Route& route,
                     const PushSettings& settings, einvoice::Profile profile, bool with_pdf);

// Counters of one push run, for its log line and `o2csync push` output.
struct PushStats {
  long due = 0;            // invoices routed to a portal and in the push window
  long created = 0;        // new submissions made pending
  long held = 0;           // held now (pre-flight failed), new or still
  long released = 0;       // held before, pending now
  long sent = 0;           // attempts
  long submitted = 0, accepted = 0, rejected = 0, paid = 0;
  long unknown = 0;        // outcome not known: left in sending, resolved by lookup next time
  long retried = 0;        // refused for now (429 ...): pending again later
  long looked_up = 0;      // sending submissions resolved by asking the portal
  long polled = 0;         // status requests
  long errors = 0;         // portal unreachable / other failures (logged)
};

// A configured portal as the run uses it.
struct PortalHandle {
  portals::Portal* portal = nullptr;
  einvoice::Profile profile = einvoice::Profile::en16931_ubl;  // the rules its documents must pass
  bool with_pdf = false;
  int concurrency = 4;      // submissions in flight at once
};

struct PushOptions {
  bool dry_run = false;    // plan and render, report what would be sent; store and send nothing
  int status_polls = 1;    // status requests per submitted submission in one run
};

// One pass over the outbox. `portals` by configured name (the routing
// table's `portal`). Every change of a submission's state is stored before
// the portal is called for it; portal calls run `concurrency` at a time per
// portal, store writes on the calling thread only.
class PushRun {
 public:
  PushRun(store::Store& store, std::map<std::string, PortalHandle> portals, const RoutingTable& routing,
          const PushSettings& settings, const Clock& clock, PushOptions options = {});
  PushStats run();
  // What a dry run would do, one line per submission ("would send INV100001 to coupa as ubl").
  const std::vector<std::string>& plan_lines() const { return plan_lines_; }

 private:
  void plan(const InvoiceBook& book, PushStats& stats);
  void plan_one(const schema::Invoice& invoice, const portals::Route& route, const PortalHandle& handle,
                const InvoiceBook& book, const schema::Submission* existing, PushStats& stats);
  void resolve_unknown(PushStats& stats);
  void send_pending(PushStats& stats);
  void poll_status(PushStats& stats);
  // Stores what the portal answered for a submission in `expected` state.
  void apply(schema::Submission s, schema::SubmissionState expected, const portals::Answer& answer,
             const std::string& event, PushStats& stats);
  portals::SubmissionRef ref_of(const schema::Submission& s) const;
  void keep_copy(const schema::Submission& s) const;
  const PortalHandle* handle_of(const std::string& portal) const;

  store::Store& store_;
  std::map<std::string, PortalHandle> portals_;
  const RoutingTable& routing_;
  const PushSettings& settings_;
  const Clock& clock_;
  PushOptions options_;
  std::vector<std::string> plan_lines_;
};

// The exceptions the outbox raises, for the reconciliation pass:
// PORTAL_REJECTED (rejected submissions), PORTAL_NOT_SUBMITTED (held by an
// e-invoice rule, or not accepted `accept_within` after the invoice date).
// Held for a missing PO raise nothing here: reconcile's PO rule reports
// PO_MISSING for the routes that require one.
std::vector<schema::ExceptionItem> portal_exceptions(const std::vector<schema::Submission>& submissions,
                                                     const std::vector<schema::Customer>& customers,
                                                     std::chrono::seconds accept_within, Timestamp now);

}  // namespace o2c::push
