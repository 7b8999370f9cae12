#include "sim/dataset/planted_cases.h"

#include <string>

#include "sim/dataset/portal_directory.h"

namespace o2c::sim::dataset {

namespace {

std::string_view order_kind(OrderPlan p) {
  switch (p) {
    case OrderPlan::not_invoiced: return "ORDER_NOT_INVOICED";
    case OrderPlan::partially_invoiced: return "ORDER_PARTIALLY_INVOICED";
    case OrderPlan::over_invoiced: return "ORDER_OVER_INVOICED";
    case OrderPlan::amount_mismatch: return "AMOUNT_MISMATCH";
    case OrderPlan::currency_mismatch: return "CURRENCY_MISMATCH";
    case OrderPlan::po_needed_for_renewal: return "PO_NEEDED_FOR_RENEWAL";
    default: return "";
  }
}

std::string_view document_kind(DocRole r) {
  switch (r) {
    case DocRole::invoice_duplicate: return "DUPLICATE_INVOICE";
    case DocRole::orphan_po:
    case DocRole::orphan_ref: return "INVOICE_WITHOUT_ORDER";
    case DocRole::invoice_no_po: return "PO_MISSING";
    case DocRole::invoice_wrong_po: return "PO_MISMATCH";
    default: return "";
  }
}

std::string normalised(std::string_view po) {
  std::string out;
  for (const char c : po) {
    if (static_cast<unsigned char>(c) >= 0x80 || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) out.push_back(c);
    else if (c >= 'a' && c <= 'z') out.push_back(static_cast<char>(c - 'a' + 'A'));
  }
  return out;
}

std::string trimmed(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  while (!s.empty() && s.front() == ' ') s.erase(0, 1);
  return s;
}

// The portal outcome the plan means for document row `r`: "" for none.
std::string_view portal_case(const Business& b, const PortalDirectory& dir, std::size_t r) {
  const DocRef d = b.document(r);
  if (d.role == DocRole::invoice_bad_total || doc_type(d.role) == DocType::payment) return "";
  const std::size_t a = b.order_account(d.order);
  const auto route = dir.route(std::to_string(b.customer_number(a)));
  if (!route) return "";
  // The PO goes out in its order's spelling when the order is in the store.
  std::string po = trimmed(b.doc_po(d).value_or(""));
  const auto own = b.po_number(d.order);
  if (!po.empty() && own && !is_invalid_order(b.plan(d.order)) && normalised(po) == normalised(*own)) po = *own;
  if (po.empty() && route->po_required) return "";  // PO_MISSING
  if (b.doc_vat(d) == VatTreatment::reverse_charge && b.account_vat_missing(a)) return "PORTAL_NOT_SUBMITTED";
  if (route->kind == PortalKind::file) return "";
  const bool refused = (!po.empty() && !dir.issued_po(route->customer_id, po)) ||
                       (route->kind == PortalKind::peppol && !route->registered);
  const std::string prefix = doc_type(d.role) == DocType::credit_memo ? "CM" : "INV";
  const auto decision = dir.decision(prefix + std::to_string(b.doc_number(r)));
  return refused || (decision && decision->rejected) ? "PORTAL_REJECTED" : "";
}

}  // namespace

std::vector<PlantedCase> planted_cases(const Business& b, const PortalDirectory* portals) {
  std::vector<PlantedCase> out;
  for (std::size_t i = 0; i < b.orders(); ++i) {
    const OrderPlan p = b.plan(i);
    if (const auto kind = order_kind(p); !kind.empty()) out.push_back({std::string(kind), b.order_id(i), false});
    if (is_invalid_order(p)) out.push_back({"DATA_INVALID", "salesforce/Order/" + b.order_id(i), false});
  }
  for (std::size_t r = 0; r < b.documents(); ++r) {
    const DocRef d = b.document(r);
    const std::string id = std::to_string(b.doc_number(r));
    if (const auto kind = document_kind(d.role); !kind.empty()) out.push_back({std::string(kind), id, false});
    if (d.role == DocRole::invoice_bad_total) {
      out.push_back({"DATA_INVALID", "netsuite/transaction/" + id, false});
      out.push_back({"ORDER_NOT_INVOICED", b.order_id(d.order), true});
    }
    if (is_invalid_order(b.plan(d.order))) out.push_back({"INVOICE_WITHOUT_ORDER", id, true});
    if (portals)
      if (const auto kind = portal_case(b, *portals, r); !kind.empty()) out.push_back({std::string(kind), id, false});
  }
  return out;
}

}  // namespace o2c::sim::dataset
