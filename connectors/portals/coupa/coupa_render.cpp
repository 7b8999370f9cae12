// The invoice-header JSON of Coupa's REST API, from the e-invoice Document.
#include <boost/json.hpp>
#include <fmt/format.h>

#include "connectors/portals/coupa/coupa_portal.h"
#include "core/error.h"

namespace o2c::portals::coupa {

namespace json = boost::json;

json::object invoice_json(const einvoice::Document& doc, const Route& route) {
  if (route.supplier_ref.empty())
    throw Error(Error::Kind::data,
                fmt::format("invoice {}: no Coupa supplier number for customer {} (routing table column supplier_ref)",
                            doc.number, route.customer_id));
  if (doc.lines.empty()) throw Error(Error::Kind::data, fmt::format("invoice {} has no lines", doc.number));
  const einvoice::Totals totals = einvoice::compute_totals(doc);
  json::array lines;
  for (std::size_t i = 0; i < doc.lines.size(); ++i) {
    const einvoice::Line& l = doc.lines[i];
    json::object line{{"line-num", static_cast<std::int64_t>(i + 1)},
                      {"description", l.description.empty() ? l.name : l.name + " — " + l.description},
                      {"price", l.unit_price},
                      {"quantity", l.quantity},
                      {"total", l.net_amount.to_decimal()},
                      {"tax-rate", l.rate}};
    if (!doc.purchase_order.empty()) line["order-header-num"] = doc.purchase_order;
    if (!l.order_line_ref.empty()) line["order-line-num"] = l.order_line_ref;
    lines.push_back(std::move(line));
  }
  json::object out{{"invoice-number", doc.number},
                   {"invoice-date", to_iso8601(doc.issue_date)},
                   {"document-type", doc.type == einvoice::DocumentType::credit_note ? "Credit Note" : "Invoice"},
                   {"supplier", json::object{{"number", route.supplier_ref}}},
                   {"currency", json::object{{"code", std::string(doc.currency.code())}}},
                   {"line-level-taxation", false},
                   {"tax-amount", totals.tax.to_decimal()},
                   {"gross-total", totals.payable.to_decimal()},
                   {"invoice-lines", std::move(lines)}};
  if (!doc.preceding_invoice.empty()) out["original-invoice-number"] = doc.preceding_invoice;
  if (!doc.payment_terms.empty()) out["payment-term"] = json::object{{"code", doc.payment_terms}};
  if (!doc.note.empty()) out["supplier-note"] = doc.note;
  return out;
}

}  // namespace o2c::portals::coupa
