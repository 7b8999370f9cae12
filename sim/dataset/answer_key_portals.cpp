// The portal part of the answer key (DATA.md "What a correct push reports").
#include "sim/dataset/answer_key_portals.h"

#include <fmt/format.h>

#include "sim/dataset/answer_key_row_check.h"

namespace o2c::sim::dataset {

namespace {

const SimTable& table_of(const SimCatalog& catalog, std::string_view name) {
  const auto t = catalog.table(name);
  if (!t) throw Error(Error::Kind::internal, fmt::format("answer key: no table '{}'", name));
  return *t;
}

std::string account_po_key(std::uint32_t account, const std::string& normalised) {
  return fmt::format("{}\x1f{}", account, normalised);
}

}  // namespace

PortalExpectations::PortalExpectations(const KeyRecords& records, const SimCatalog& netsuite,
                                       const PortalDirectory& portals)
    : r_(records),
      customers_(table_of(netsuite, "customer")),
      lines_(table_of(netsuite, "transactionline")),
      tax_items_(table_of(netsuite, "salestaxitem")),
      portals_(portals),
      customer_id_col_(Columns(customers_)["id"]),
      vat_col_(Columns(customers_)["vatregnumber"]),
      line_tax_col_(Columns(lines_)["taxcode"]),
      tax_item_code_col_(Columns(tax_items_)["itemid"]) {
  for (std::size_t o = 0; o < r_.orders.size(); ++o) {
    const KeyOrder& order = r_.orders[o];
    if (!order.valid || !order.is_signed || !order.has_po || order.account == kNone) continue;
    order_of_po_.try_emplace(account_po_key(order.account, normalised_po(r_.order_po(static_cast<std::uint32_t>(o)))),
                             static_cast<std::uint32_t>(o));
  }
}

// The invoice's PO in the spelling of a signed order of its account that
// equals it after normalisation, else as typed.
std::string PortalExpectations::sent_po(const KeyDocument& d, const std::string& invoice_po) const {
  if (invoice_po.empty() || d.account == kNone) return invoice_po;
  const auto it = order_of_po_.find(account_po_key(d.account, normalised_po(invoice_po)));
  return it == order_of_po_.end() ? invoice_po : r_.order_po(it->second);
}

// An AE line needs the buyer's VAT id (BR-AE-02): the tax code of the
// document's line says reverse charge and the customer has none.
bool PortalExpectations::reverse_charge_without_vat_id(const KeyDocument& d) const {
  const std::string id = cell_text(*r_.document_table, d.row, r_.doc_id_col);
  const auto line = lines_.find(id);
  if (!line) return false;
  const auto item = tax_items_.find(cell_text(lines_, *line, line_tax_col_));
  if (!item || cell_text(tax_items_, *item, tax_item_code_col_) != "EU-RC-0") return false;
  return cell_text(customers_, d.customer, vat_col_).empty();
}

void PortalExpectations::visit(const KeyDocument& d) {
  if (d.customer == kNone) return;
  const auto route = portals_.route(cell_text(customers_, d.customer, customer_id_col_));
  if (!route) return;
  const std::string po = sent_po(d, r_.doc_po(d.row));
  if (po.empty() && route->po_required) return;  // held: PO_MISSING, from the PO rule
  ExpectedException e;
  e.invoice_id = cell_text(*r_.document_table, d.row, r_.doc_id_col);
  e.invoice_number = cell_text(*r_.document_table, d.row, r_.doc_number_col);
  if (reverse_charge_without_vat_id(d)) {
    e.kind = "PORTAL_NOT_SUBMITTED";
    return out_.push_back(std::move(e));
  }
  const bool checks_po = route->kind != PortalKind::file;
  const bool refused = (checks_po && !po.empty() && !portals_.issued_po(route->customer_id, po)) ||
                       (route->kind == PortalKind::peppol && !route->registered);
  const auto decision = portals_.decision(e.invoice_number);
  if (refused || (decision && decision->rejected && route->kind != PortalKind::file)) {
    e.kind = "PORTAL_REJECTED";
    out_.push_back(std::move(e));
  }
}

}  // namespace o2c::sim::dataset
