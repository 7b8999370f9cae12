#include "sim/portals/ariba/ariba_invoices.h"

#include <charconv>

#include <fmt/format.h>

#include "sim/portals/portal_xml.h"

namespace o2c::sim::portals::ariba {

namespace {

std::string_view invoice_status(Stage s) {
  switch (s) {
    case Stage::pending: return "processing";
    case Stage::accepted: return "reconciled";
    case Stage::rejected: return "rejected";
    case Stage::paid: return "paid";
  }
  return "processing";
}

}  // namespace

// The reason an invoice is refused (code 400), or "" to accept it.
std::string AribaInvoices::decide(const Envelope& e, const InvoiceFields& f, int& code) const {
  code = 400;
  const auto buyer = directory_->find_buyer(PortalKind::ariba, e.to.identity);
  if (!buyer)
    return fmt::format("Unknown buyer: {} has no trading relationship with {} on the Ariba Network", e.to.identity,
                       e.sender.identity);
  if (f.number.empty()) return "InvoiceDetailRequestHeader has no invoiceID";
  if (f.operation != "new" && !f.operation.empty())
    return fmt::format("operation '{}' is not accepted for a new invoice", f.operation);
  if (f.money_without_currency || f.currency.empty()) return "Money without currency: every amount needs its currency";
  if (f.purchase_orders.empty() && buyer->po_required)
    return fmt::format("{} requires a purchase order reference (OrderReference orderID) on every invoice", buyer->customer_name);
  for (const std::string& po : f.purchase_orders)
    if (!directory_->issued_po(buyer->customer_id, po))
      return fmt::format("Invalid order reference: order {} was not issued by {} to this supplier", po, e.to.identity);
  code = 201;
  return {};
}

std::string AribaInvoices::receive(const Envelope& e, Timestamp now) {
  const InvoiceFields f = read_invoice(e.request);
  std::lock_guard lock(mutex_);
  if (const auto it = answers_.find(e.payload_id); it != answers_.end()) {
    ledger_->resent(PortalKind::ariba, number_of_payload_[e.payload_id]);
    return it->second;
  }
  int code = 0;
  std::string reason = decide(e, f, code);
  const std::string key = e.to.identity + "/" + f.number;
  if (code == 201 && by_number_.contains(key)) {
    code = 400;
    reason = fmt::format("INVOICE_DUPLICATE: invoice number {} has already been used for this customer", f.number);
    ledger_->refused_duplicate(PortalKind::ariba, f.number);
  }
  std::string answer;
  if (code == 201) {
    by_number_[key] = invoices_.size();
    invoices_.push_back(Invoice{e.payload_id, f.number, e.to.identity, 0, ""});
    ledger_->delivered(PortalKind::ariba, f.number, "sent");
    answer = response(201, status_text(201), fmt::format("Invoice {} accepted for processing", f.number), now);
  } else {
    answer = response(code, status_text(code), reason, now);
  }
  answers_[e.payload_id] = answer;
  number_of_payload_[e.payload_id] = f.number;
  return answer;
}

void AribaInvoices::poll_all(const std::string& supplier, Timestamp now) {
  for (Invoice& inv : invoices_) {
    const auto decision = directory_->decision(inv.number);
    const Stage stage = stage_at(decision, inv.polls++, portal_.polls);
    const std::string type(invoice_status(stage));
    if (type == inv.reported) continue;
    inv.reported = type;
    const std::string comments = stage == Stage::rejected && decision ? decision->reason : "";
    queue_.push_back(StatusUpdate{new_payload_id(now), inv.payload_id, type, comments, inv.buyer, supplier, now});
    ledger_->set_status(PortalKind::ariba, inv.number, type, comments);
  }
}

std::string AribaInvoices::pending(const Envelope& e, int max_messages, Timestamp now) {
  const pugi::xml_node request = e.request;
  int wanted = 100;
  if (const char* m = request.attribute("maxMessages").value(); *m) {
    const std::string_view text = m;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), wanted);
    if (ec != std::errc{} || end != text.data() + text.size() || wanted < 1) wanted = 100;
  }
  wanted = std::min(wanted, max_messages);
  const auto acknowledged = try_parse_timestamp(request.attribute("lastReceivedTimestamp").value());
  std::lock_guard lock(mutex_);
  if (acknowledged)
    std::erase_if(queue_, [&](const StatusUpdate& u) { return u.timestamp <= *acknowledged; });
  poll_all(e.sender.identity, now);
  std::vector<StatusUpdate> out;
  for (const StatusUpdate& u : queue_) {
    if (static_cast<int>(out.size()) == wanted) break;
    out.push_back(u);
  }
  return pending_response(out, now);
}

}  // namespace o2c::sim::portals::ariba
