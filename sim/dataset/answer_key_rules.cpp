// The four reconciliation rules of DATA.md, applied plainly to the records
// read by answer_key_records.cpp, and the answer key's JSON.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include <boost/json.hpp>

#include "core/money.h"
#include "sim/dataset/answer_key.h"
#include "sim/dataset/answer_key_portals.h"
#include "sim/dataset/answer_key_records.h"

namespace o2c::sim::dataset {

namespace {

std::int64_t tolerance_minor(const std::string& currency) {
  return parse_minor_units(kAmountTolerance, Currency::parse(currency).exponent());
}

// What rule 2 needs to know about the documents linked to one order.
struct OrderTotals {
  std::int64_t net = 0;
  std::uint32_t documents = 0;
  std::uint32_t exact = 0;             // invoices for exactly the order amount
  std::uint32_t first_exact = kNone;   // the row of the first such invoice seen
  bool other_currency = false;
};

struct ExactInvoice {
  std::uint32_t order = 0;
  std::int32_t trandate = kNoDate;
  std::uint64_t id_number = 0;
  std::uint32_t row = 0;
  auto operator<=>(const ExactInvoice&) const = default;
};

// One exception found by a rule, by rows; texts are read when it is reported.
struct Finding {
  std::string_view kind;
  std::uint32_t order = kNone;      // Order row
  std::uint32_t document = kNone;   // transaction row (invoice kinds)
};

class Rules {
 public:
  Rules(KeyReader& reader, SimDate today, PortalExpectations* portals)
      : portals_(portals),
        reader_(reader),
        r_(reader.records()),
        today_(static_cast<std::int32_t>(today.time_since_epoch().count())),
        totals_(r_.orders.size()) {
    for (const auto& c : r_.currencies) tolerance_.push_back(tolerance_minor(c));
  }

  std::vector<Finding> run() {
    reader_.for_each_document([this](const KeyDocument& d) {
      link_by_reference(d);
      if (portals_) portals_->visit(d);
    });
    link_by_po_and_amount();
    for (std::size_t o = 0; o < r_.orders.size(); ++o) check_order_invoicing(static_cast<std::uint32_t>(o));
    check_renewals();
    return std::move(out_);
  }

 private:
  PortalExpectations* portals_;

  const KeyOrder* signed_order(std::uint32_t row) const {
    if (row >= r_.orders.size() || !r_.orders[row].valid || !r_.orders[row].is_signed) return nullptr;
    return &r_.orders[row];
  }

  // Rule 1, first part: custbody_o2c_sf_order names a signed order. Documents
  // without a reference wait for the second part.
  void link_by_reference(const KeyDocument& d) {
    if (d.referenced == kNone && d.has_po && d.account != kNone) return pending_.push_back(d);
    const std::uint32_t order = signed_order(d.referenced) ? d.referenced : kNone;
    link(d, order);
  }

  // Rule 1, second part: no reference; same customer, normalised PO and
  // amount, to a signed order with nothing linked yet; documents taken in
  // (trandate, id) order.
  void link_by_po_and_amount() {
    std::map<std::pair<std::uint32_t, std::string>, std::vector<std::uint32_t>> candidates;  // (account, PO) → orders
    std::set<std::uint32_t> accounts;
    for (const KeyDocument& d : pending_) {
      candidates.try_emplace({d.account, normalised_po(r_.doc_po(d.row))});
      accounts.insert(d.account);
    }
    for (std::size_t o = 0; o < r_.orders.size(); ++o) {
      const KeyOrder& order = r_.orders[o];
      if (!signed_order(static_cast<std::uint32_t>(o)) || !order.has_po || !accounts.count(order.account)) continue;
      const auto it = candidates.find({order.account, normalised_po(r_.order_po(static_cast<std::uint32_t>(o)))});
      if (it != candidates.end()) it->second.push_back(static_cast<std::uint32_t>(o));
    }
    std::sort(pending_.begin(), pending_.end(), [](const KeyDocument& a, const KeyDocument& b) {
      return std::tie(a.trandate, a.id_number) < std::tie(b.trandate, b.id_number);
    });
    for (const KeyDocument& d : pending_) {
      std::uint32_t best = kNone;
      for (const std::uint32_t o : candidates.at({d.account, normalised_po(r_.doc_po(d.row))})) {
        const KeyOrder& order = r_.orders[o];
        if (totals_[o].documents > 0 || order.currency != d.currency) continue;
        if (std::llabs(order.amount - d.amount) > tolerance_[order.currency]) continue;
        if (best == kNone || earlier_start(o, best)) best = o;
      }
      link(d, best);
    }
  }

  // Among candidate orders: the earliest EffectiveDate (none last), then Id.
  bool earlier_start(std::uint32_t a, std::uint32_t b) const {
    const KeyOrder& x = r_.orders[a];
    const KeyOrder& y = r_.orders[b];
    if ((x.effective == kNoDate) != (y.effective == kNoDate)) return y.effective == kNoDate;
    if (x.effective != y.effective) return x.effective < y.effective;
    return cell_text(*r_.order_table, a, r_.order_id_col) < cell_text(*r_.order_table, b, r_.order_id_col);
  }

  // Records the link (order kNone: none) for rule 2 and applies rule 3.
  void link(const KeyDocument& d, std::uint32_t order) {
    check_invoice(d, order);
    if (order == kNone) return;
    OrderTotals& t = totals_[order];
    t.net += d.amount;
    ++t.documents;
    if (d.currency != r_.orders[order].currency) t.other_currency = true;
    if (d.credit_memo || d.amount != r_.orders[order].amount) return;
    if (++t.exact == 1) {
      t.first_exact = d.row;
      return;
    }
    if (t.exact == 2) exact_invoices_.push_back(read_back(order, t.first_exact));
    exact_invoices_.push_back({order, d.trandate, d.id_number, d.row});
  }

  // The sort key of an earlier document, read back from its row.
  ExactInvoice read_back(std::uint32_t order, std::uint32_t row) const {
    const SimValue date = r_.document_table->value(row, r_.doc_date_col);
    const auto* day = std::get_if<SimDate>(&date);
    const std::uint64_t id = numeric_id(cell_text(*r_.document_table, row, r_.doc_id_col));
    return {order, day ? static_cast<std::int32_t>(day->time_since_epoch().count()) : kNoDate, id, row};
  }

  // Rule 3.
  void check_invoice(const KeyDocument& d, std::uint32_t order) {
    if (order == kNone) out_.push_back({"INVOICE_WITHOUT_ORDER", order, d.row});
    if (!d.has_po && r_.requires_po_of(d.account)) out_.push_back({"PO_MISSING", order, d.row});
    if (order != kNone && d.has_po && r_.orders[order].has_po &&
        normalised_po(r_.doc_po(d.row)) != normalised_po(r_.order_po(order)))
      out_.push_back({"PO_MISMATCH", order, d.row});
  }

  // Rule 2.
  void check_order_invoicing(std::uint32_t o) {
    const KeyOrder* order = signed_order(o);
    if (!order) return;
    const OrderTotals& t = totals_[o];
    const std::int64_t tolerance = tolerance_[order->currency];
    if (t.documents == 0) return out_.push_back({"ORDER_NOT_INVOICED", o, kNone});
    if (t.other_currency) return out_.push_back({"CURRENCY_MISMATCH", o, kNone});
    if (t.exact >= 2) return report_duplicates(o);
    if (t.documents == 1) {
      if (std::llabs(t.net - order->amount) > tolerance) out_.push_back({"AMOUNT_MISMATCH", o, kNone});
    } else if (t.net < order->amount - tolerance) {
      out_.push_back({"ORDER_PARTIALLY_INVOICED", o, kNone});
    } else if (t.net > order->amount + tolerance) {
      out_.push_back({"ORDER_OVER_INVOICED", o, kNone});
    }
  }

  // Every exact invoice of the order after the first in (trandate, id) order.
  void report_duplicates(std::uint32_t o) {
    if (!sorted_) std::sort(exact_invoices_.begin(), exact_invoices_.end()), sorted_ = true;
    const auto by_order = [](const ExactInvoice& e, std::uint32_t order) { return e.order < order; };
    auto it = std::lower_bound(exact_invoices_.begin(), exact_invoices_.end(), o, by_order);
    for (++it; it != exact_invoices_.end() && it->order == o; ++it)
      out_.push_back({"DUPLICATE_INVOICE", o, it->row});
  }

  // Rule 4.
  void check_renewals() {
    std::unordered_map<std::uint32_t, std::int32_t> latest_start;  // account → latest EffectiveDate of a signed order
    for (std::size_t o = 0; o < r_.orders.size(); ++o) {
      const KeyOrder* order = signed_order(static_cast<std::uint32_t>(o));
      if (!order || order->effective == kNoDate || order->account == kNone) continue;
      auto [it, fresh] = latest_start.try_emplace(order->account, order->effective);
      if (!fresh) it->second = std::max(it->second, order->effective);
    }
    for (std::size_t o = 0; o < r_.orders.size(); ++o) {
      const KeyOrder* order = signed_order(static_cast<std::uint32_t>(o));
      if (!order || order->end == kNoDate || order->end < today_ || order->end > today_ + kRenewalHorizonDays) continue;
      if (!r_.requires_po_of(order->account)) continue;
      const auto it = latest_start.find(order->account);
      if (it == latest_start.end() || it->second < order->end)
        out_.push_back({"PO_NEEDED_FOR_RENEWAL", static_cast<std::uint32_t>(o), kNone});
    }
  }

  KeyReader& reader_;
  const KeyRecords& r_;
  std::int32_t today_;
  std::vector<std::int64_t> tolerance_;      // per currency number
  std::vector<OrderTotals> totals_;          // per Order row
  std::vector<KeyDocument> pending_;         // no reference: linked by PO and amount
  std::vector<ExactInvoice> exact_invoices_;  // of orders with two or more, sorted by order, trandate, id
  bool sorted_ = false;
  std::vector<Finding> out_;
};

ExpectedException report(const KeyRecords& r, const Finding& f) {
  ExpectedException e;
  e.kind = std::string(f.kind);
  if (f.order != kNone) e.order_id = cell_text(*r.order_table, f.order, r.order_id_col);
  if (f.document == kNone) {
    e.order_number = cell_text(*r.order_table, f.order, r.order_number_col);
  } else {
    e.invoice_id = cell_text(*r.document_table, f.document, r.doc_id_col);
    e.invoice_number = cell_text(*r.document_table, f.document, r.doc_number_col);
  }
  return e;
}

}  // namespace

bool listed_before(const ExpectedException& a, const ExpectedException& b) {
  if (a.kind != b.kind) return a.kind < b.kind;
  if (a.kind == "DATA_INVALID") return std::tie(a.source, a.object, a.record_id) < std::tie(b.source, b.object, b.record_id);
  return a.keyed_by_invoice() ? a.invoice_id < b.invoice_id : a.order_id < b.order_id;
}

namespace {

std::string iso_seconds(SimTime t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss<std::chrono::milliseconds> hms{t - day};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), hms.hours().count(),
                     hms.minutes().count(), hms.seconds().count());
}

}  // namespace

std::string normalised_po(std::string_view po) {
  std::string out;
  for (const char c : po) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) out.push_back(c);
    else if (c >= 'a' && c <= 'z') out.push_back(static_cast<char>(c - 'a' + 'A'));
  }
  return out;
}

bool ExpectedException::keyed_by_invoice() const {
  return kind == "INVOICE_WITHOUT_ORDER" || kind == "DUPLICATE_INVOICE" || kind == "PO_MISSING" ||
         kind == "PO_MISMATCH" || kind == "PORTAL_REJECTED" || kind == "PORTAL_NOT_SUBMITTED";
}

std::string ExpectedException::key() const {
  if (kind == "DATA_INVALID") return source + "/" + object + "/" + record_id;
  return keyed_by_invoice() ? invoice_id : order_id;
}

std::vector<ExpectedException> apply_rules(KeyReader& reader, SimDate today, const SimCatalog& netsuite,
                                           const PortalDirectory* portals) {
  std::optional<PortalExpectations> expected;
  if (portals) expected.emplace(reader.records(), netsuite, *portals);
  const std::vector<Finding> found = Rules(reader, today, expected ? &*expected : nullptr).run();
  const KeyRecords& records = reader.records();
  std::vector<ExpectedException> out;
  out.reserve(found.size() + records.invalid.size());
  for (const Finding& f : found) out.push_back(report(records, f));
  if (expected)
    for (auto& e : expected->take()) out.push_back(std::move(e));
  out.insert(out.end(), records.invalid.begin(), records.invalid.end());
  std::sort(out.begin(), out.end(), listed_before);
  return out;
}

std::vector<ExpectedException> compute_answer_key(const SimCatalog& salesforce, const SimCatalog& netsuite, SimTime now,
                                                  const PortalDirectory* portals) {
  KeyReader reader(salesforce, netsuite, portals);
  return apply_rules(reader, std::chrono::floor<std::chrono::days>(now), netsuite, portals);
}

std::string answer_key_json(const AnswerKeyHeader& header, const std::vector<ExpectedException>& exceptions) {
  boost::json::object counts;
  for (const auto kind : kAnswerKeyKinds) counts[kind] = 0;
  std::string items;  // written item by item: a million orders give ~100,000 exceptions
  for (const auto& e : exceptions) {
    counts[e.kind] = counts[e.kind].as_int64() + 1;
    boost::json::object item;
    item["kind"] = e.kind;
    if (e.kind == "DATA_INVALID") {
      item["source"] = e.source;
      item["object"] = e.object;
      item["record_id"] = e.record_id;
    } else if (e.keyed_by_invoice()) {
      item["invoice_id"] = e.invoice_id;
      item["invoice_number"] = e.invoice_number;
      if (!e.order_id.empty()) item["order_id"] = e.order_id;
    } else {
      item["order_id"] = e.order_id;
      item["order_number"] = e.order_number;
    }
    items += items.empty() ? "" : ",";
    items += boost::json::serialize(item);
  }
  boost::json::object root;
  root["seed"] = header.seed;
  root["orders"] = header.orders;
  root["now"] = iso_seconds(header.now);
  root["amount_tolerance"] = kAmountTolerance;
  root["renewal_horizon_days"] = kRenewalHorizonDays;
  root["counts"] = std::move(counts);
  std::string json = boost::json::serialize(root);
  json.pop_back();  // the closing brace: the exception list goes before it
  return json + ",\"exceptions\":[" + items + "]}";
}

}  // namespace o2c::sim::dataset
