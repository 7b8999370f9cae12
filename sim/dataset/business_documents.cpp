// NetSuite documents (invoices, credit memos, payments) of the orders.
#include <chrono>

#include <fmt/format.h>

#include "sim/dataset/business.h"
#include "sim/dataset/business_layout.h"
#include "sim/dataset/name_pools.h"

namespace o2c::sim::dataset {

namespace {

constexpr std::chrono::days kDocumentHistory{400};
constexpr std::chrono::hours kDocumentLead{2};
constexpr std::chrono::seconds kDocumentWindow{400LL * 86400 - 3 * 3600};
constexpr std::chrono::seconds kLateDelay{90};

// The same PO as the AR clerk may type it: equal after normalisation.
std::string retyped_po(const std::string& po, std::uint64_t draw) {
  std::string out = po;
  switch (draw % 10) {
    case 6:
      for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      return out;
    case 7:
      for (char& c : out) c = c == '-' ? ' ' : c;
      return out + " ";
    case 8:
      std::erase(out, '-');
      return out;
    case 9:
      for (char& c : out) c = c == '-' ? '/' : static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      return out;
    default: return out;
  }
}

// A different PO after normalisation: the last two digits swapped, or the last one changed.
std::string mistyped_po(std::string po) {
  std::size_t last = po.find_last_of("0123456789");
  if (last == std::string::npos) return po + "1";
  std::size_t before = last == 0 ? std::string::npos : po.find_last_of("0123456789", last - 1);
  if (before != std::string::npos && po[before] != po[last]) {
    std::swap(po[before], po[last]);
  } else {
    po[last] = static_cast<char>('0' + (po[last] - '0' + 1) % 10);
  }
  return po;
}

}  // namespace

DocType doc_type(DocRole role) {
  if (role == DocRole::credit_netted) return DocType::credit_memo;
  if (role == DocRole::payment) return DocType::payment;
  return DocType::invoice;
}

SimTime Business::doc_created_at(std::size_t r) const {
  return spread(now_ - kDocumentHistory + kDocumentLead, kDocumentWindow, r, documents());
}

SimTime Business::doc_created(const DocRef& d) const { return d.late ? now_ - kLateDelay : doc_created_at(d.row); }

SimTime Business::doc_modstamp(const DocRef& d) const {
  if (d.late) return now_ - kLateDelay;
  return doc_created_at(run_last_row(d.row, documents(), kDocumentRuns, draws_)) + kRunStampDelay;
}

SimDate Business::doc_date(const DocRef& d) const {
  if (d.role == DocRole::payment && !d.late && d.row > 0) {
    const SimDate invoiced = doc_date(document(d.row - 1));
    const auto delay = std::chrono::days(14 + static_cast<int>(draws_.below(Stream::doc_payment_delay, d.row, 31)));
    return std::min(today_, invoiced + delay);
  }
  return std::chrono::floor<std::chrono::days>(doc_created(d));
}

std::optional<SimDate> Business::doc_due_date(const DocRef& d) const {
  if (doc_type(d.role) != DocType::invoice) return std::nullopt;
  return doc_date(d) + std::chrono::days(30);
}

BusinessCurrency Business::doc_currency(const DocRef& d) const {
  const BusinessCurrency own = order_currency(d.order);
  if (d.role != DocRole::invoice_other_currency) return own;
  return own == BusinessCurrency::eur ? BusinessCurrency::usd : BusinessCurrency::eur;
}

std::int64_t Business::doc_net_cents(const DocRef& d) const {
  const std::int64_t amount = amount_cents(d.order);
  switch (d.role) {
    case DocRole::invoice_netted: return amount + amount * 10 / 100;
    case DocRole::credit_netted: return -(amount * 10 / 100);
    case DocRole::invoice_part1: return amount * 40 / 100;
    case DocRole::invoice_part2: return amount * 30 / 100;
    case DocRole::invoice_over_extra: return amount * 15 / 100;
    case DocRole::invoice_mismatch: {
      const std::uint64_t draw = draws_(Stream::doc_amount_shift, d.row);
      const std::int64_t shift = amount * static_cast<std::int64_t>(1 + draw % 5) / 100;
      return (draw / 5) % 2 == 0 ? amount + shift : amount - shift;
    }
    case DocRole::orphan_po:
    case DocRole::orphan_ref: {
      const std::uint64_t draw = draws_(Stream::doc_amount_shift, d.row);
      return static_cast<std::int64_t>((300 + draw % 5000) * 100 + (draw / 5000) % 100);
    }
    case DocRole::payment:
      return d.late || d.row == 0 ? amount : doc_total_cents(document(d.row - 1));
    default: return amount;
  }
}

bool Business::doc_paid(const DocRef& d) const {
  if (d.late || d.row + 1 >= documents()) return false;
  return static_cast<DocRole>(doc_role_[d.row + 1]) == DocRole::payment && doc_order_[d.row + 1] == doc_order_[d.row];
}

std::optional<std::string> Business::doc_po(const DocRef& d) const {
  switch (d.role) {
    case DocRole::invoice_no_po:
    case DocRole::payment: return std::nullopt;
    case DocRole::orphan_po:
    case DocRole::orphan_ref: {
      const int year = static_cast<int>(std::chrono::year_month_day{doc_date(d)}.year());
      return fmt::format("PO-{}-{:06}-X", year, d.order + 1);
    }
    default: break;
  }
  auto po = po_number(d.order);
  if (!po) return std::nullopt;
  if (d.role == DocRole::invoice_wrong_po) return mistyped_po(std::move(*po));
  if (d.late || d.role == DocRole::credit_netted) return po;
  return retyped_po(*po, draws_(Stream::doc_po_variant, d.row));
}

std::optional<std::string> Business::doc_order_ref(const DocRef& d) const {
  switch (d.role) {
    case DocRole::invoice_unreferenced:
    case DocRole::orphan_po:
    case DocRole::payment: return std::nullopt;
    case DocRole::orphan_ref: return phantom_order_id(d.row);
    default: return order_id(d.order);
  }
}

std::string Business::doc_memo(const DocRef& d) const {
  if (d.role == DocRole::payment && !d.late && d.row > 0) return fmt::format("Remittance INV{}", doc_number(d.row - 1));
  return std::string(invoice_memo(draws_(Stream::doc_memo, d.row)));
}

}  // namespace o2c::sim::dataset
