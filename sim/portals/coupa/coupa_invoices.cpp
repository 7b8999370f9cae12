#include "sim/portals/coupa/coupa_invoices.h"

#include <charconv>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "core/money.h"
#include "sim/portals/coupa/coupa_api.h"

namespace o2c::sim::portals::coupa {

namespace json = boost::json;

namespace {

constexpr long kFirstId = 5001;
constexpr std::size_t kMaxLimit = 50;

// A JSON string, or a number's text (amounts may come either way); "" otherwise.
std::string scalar_text(const json::value* v) {
  if (!v) return {};
  if (v->is_string()) return std::string(v->get_string());
  if (v->is_int64() || v->is_uint64() || v->is_double()) return json::serialize(*v);
  return {};
}

std::string member_text(const json::object& o, std::string_view key) { return scalar_text(o.if_contains(key)); }

std::string nested_text(const json::object& o, std::string_view key, std::string_view inner) {
  const json::value* v = o.if_contains(key);
  return v && v->is_object() ? member_text(v->get_object(), inner) : std::string();
}

// "12", "-3.50", "1E3" (a JSON number's text).
bool is_decimal(std::string_view s) {
  if (s.starts_with('-')) s.remove_prefix(1);
  bool digit = false, dot = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') digit = true;
    else if (c == '.' && !dot) dot = true;
    else if ((c == 'e' || c == 'E') && digit && i + 1 < s.size()) return is_decimal(s.substr(i + 1)) && s[i + 1] != '.';
    else return false;
  }
  return digit;
}

std::string status_word(Stage s) {
  switch (s) {
    case Stage::pending: return "pending_approval";
    case Stage::accepted:
    case Stage::paid: return "approved";
    case Stage::rejected: return "disputed";
  }
  return "pending_approval";
}

std::optional<std::size_t> parse_count(const std::optional<std::string>& text, std::size_t fallback) {
  if (!text) return fallback;
  std::size_t v = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
  if (ec != std::errc{} || end != text->data() + text->size() || text->empty()) return std::nullopt;
  return v;
}

}  // namespace

std::string CoupaInvoices::validate(const PortalBuyer& buyer, const json::object& header, int& status) const {
  status = 422;
  if (member_text(header, "invoice-number").empty()) return "Invoice number can't be blank";
  const std::string supplier = nested_text(header, "supplier", "number");
  if (supplier.empty()) return "Supplier can't be blank";
  if (supplier != buyer.supplier_ref)
    return fmt::format("Supplier number '{}' is not a supplier of {}", supplier, buyer.buyer_id);
  if (member_text(header, "invoice-date").empty()) return "Invoice date can't be blank";
  const std::string currency = nested_text(header, "currency", "code");
  if (currency.empty()) return "Currency can't be blank";
  if (!Currency::is_known(currency)) return fmt::format("Currency '{}' is not a valid currency code", currency);
  const json::value* lines = header.if_contains("invoice-lines");
  if (!lines || !lines->is_array() || lines->get_array().empty()) return "Invoice lines can't be blank";
  bool any_po = false;
  for (const json::value& line : lines->get_array()) {
    if (!line.is_object()) return "Invoice lines must be invoice-line objects";
    const json::object& l = line.get_object();
    for (std::string_view amount : {"price", "quantity"})
      if (!is_decimal(member_text(l, amount)))
        return fmt::format("Invoice line {}: {} is not a number", member_text(l, "line-num"), amount);
    const std::string po = member_text(l, "order-header-num");
    if (po.empty()) continue;
    any_po = true;
    if (!directory_->issued_po(buyer.customer_id, po)) {
      status = 417;
      return fmt::format("Invalid order reference: order header {} does not belong to supplier {}", po, supplier);
    }
  }
  if (!any_po && buyer.po_required) return "Order header num can't be blank: this customer only accepts PO-backed invoices";
  status = 0;
  return {};
}

SimReply CoupaInvoices::create(const PortalBuyer& buyer, const std::string& body, Timestamp now) {
  json::error_code ec;
  const json::value doc = json::parse(body, ec);
  if (ec) return coupa_error(400, "invoice-header", fmt::format("The request body is not valid JSON: {}", ec.message()));
  if (!doc.is_object()) return coupa_error(400, "invoice-header", "The request body must be an invoice-header object");
  const json::object& header = doc.get_object();
  const std::string number = member_text(header, "invoice-number");
  const std::string supplier = nested_text(header, "supplier", "number");
  std::lock_guard lock(mutex_);
  const std::string key = fmt::format("{}/{}/{}", buyer.buyer_id, supplier, number);
  if (!number.empty() && supplier == buyer.supplier_ref && by_number_.contains(key)) {
    ledger_->refused_duplicate(PortalKind::coupa, number);
    return coupa_error(422, "invoice-header", "Invoice number has already been used");
  }
  int status = 0;
  if (const std::string problem = validate(buyer, header, status); !problem.empty())
    return coupa_error(status, "invoice-header", problem);
  Invoice inv;
  inv.id = kFirstId + static_cast<long>(invoices_.size());
  inv.instance = buyer.buyer_id;
  inv.number = number;
  inv.supplier = supplier;
  inv.date = member_text(header, "invoice-date");
  inv.currency = nested_text(header, "currency", "code");
  inv.document_type = member_text(header, "document-type").empty() ? "Invoice" : member_text(header, "document-type");
  inv.created_at = to_iso8601_seconds(now);
  inv.lines = header.at("invoice-lines");
  if (const json::value* tax = header.if_contains("tax-amount")) inv.tax = *tax;
  invoices_.push_back(std::move(inv));
  by_number_[key] = invoices_.back().id;
  ledger_->delivered(PortalKind::coupa, number, "pending_approval");
  Invoice& created = invoices_.back();
  json::object shown = show(created);
  --created.polls;   // the create answer is not a status request
  return json_reply(201, json::serialize(shown));
}

json::object CoupaInvoices::show(Invoice& inv) {
  const auto decision = directory_->decision(inv.number);
  const Stage stage = stage_at(decision, inv.polls++, portal_.polls);
  json::object out{{"id", inv.id},
                   {"created-at", inv.created_at},
                   {"updated-at", inv.created_at},
                   {"invoice-number", inv.number},
                   {"invoice-date", inv.date},
                   {"document-type", inv.document_type},
                   {"status", status_word(stage)},
                   {"paid", stage == Stage::paid},
                   {"supplier", json::object{{"number", inv.supplier}}},
                   {"currency", json::object{{"code", inv.currency}}},
                   {"invoice-lines", inv.lines}};
  if (!inv.tax.is_null()) out["tax-amount"] = inv.tax;
  std::string reason;
  if (stage == Stage::rejected && decision) {
    reason = decision->reason;
    out["dispute-reason"] = json::object{{"code", "REJECTED"}, {"description", reason}};
    out["comments"] = reason;
  }
  ledger_->set_status(PortalKind::coupa, inv.number, stage == Stage::paid ? "approved (paid)" : status_word(stage),
                      reason);
  return out;
}

SimReply CoupaInvoices::list(const PortalBuyer& buyer, const Params& params) {
  std::optional<std::string> number, supplier, status;
  for (const auto& [k, v] : params) {
    if (k == "invoice-number" || k == "invoice_number") number = v;
    else if (k == "supplier[number]") supplier = v;
    else if (k == "status") status = v;
    else if (k != "offset" && k != "limit" && k != "return_object" && k != "order_by")
      return coupa_error(400, "invoice-header", fmt::format("Unknown argument '{}'", k));
  }
  const auto offset = parse_count(param(params, "offset"), 0);
  const auto limit = parse_count(param(params, "limit"), kMaxLimit);
  if (!offset || !limit) return coupa_error(400, "invoice-header", "offset and limit must be whole numbers");
  std::lock_guard lock(mutex_);
  json::array out;
  std::size_t skipped = 0;
  for (Invoice& inv : invoices_) {
    if (inv.instance != buyer.buyer_id || (number && inv.number != *number) || (supplier && inv.supplier != *supplier))
      continue;
    if (status) {
      const long polls = inv.polls;
      if (status_word(stage_at(directory_->decision(inv.number), polls, portal_.polls)) != *status) continue;
    }
    if (skipped++ < *offset) continue;
    if (out.size() == std::min(*limit, kMaxLimit)) break;
    out.push_back(show(inv));
  }
  return json_reply(200, json::serialize(out));
}

SimReply CoupaInvoices::get(const PortalBuyer& buyer, std::string_view id_text) {
  long id = 0;
  const auto [end, ec] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
  std::lock_guard lock(mutex_);
  const bool parsed = ec == std::errc{} && end == id_text.data() + id_text.size();
  if (!parsed || id < kFirstId || id >= kFirstId + static_cast<long>(invoices_.size()) ||
      invoices_[static_cast<std::size_t>(id - kFirstId)].instance != buyer.buyer_id)
    return coupa_error(404, "invoice-header", fmt::format("Invoice {} not found", id_text));
  return json_reply(200, json::serialize(show(invoices_[static_cast<std::size_t>(id - kFirstId)])));
}

}  // namespace o2c::sim::portals::coupa
