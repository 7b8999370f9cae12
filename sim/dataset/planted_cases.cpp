#include "sim/dataset/planted_cases.h"

#include <string>

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

}  // namespace

std::vector<PlantedCase> planted_cases(const Business& b) {
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
  }
  return out;
}

}  // namespace o2c::sim::dataset
