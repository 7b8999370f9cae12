// The vendor-portal side of the business: routes, buyer ids, issued POs and
// buyer decisions (DATA.md "Portals").
#include "sim/dataset/portal_directory.h"

#include <algorithm>
#include <array>
#include <charconv>

#include <fmt/format.h>

#include "sim/dataset/dataset_core.h"

namespace o2c::sim {

using dataset::Business;
using dataset::Country;
using dataset::DocType;
using dataset::Stream;

namespace {

constexpr unsigned kRejectPercent = 3;

// The check digit of a GS1 GLN (13 digits).
char gln_digit(std::string_view twelve) {
  int sum = 0;
  for (std::size_t i = 0; i < twelve.size(); ++i) sum += (twelve[i] - '0') * (i % 2 == 0 ? 1 : 3);
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

char luhn_digit(std::string_view digits) {
  int sum = 0;
  bool twice = true;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it, twice = !twice) {
    int d = *it - '0';
    if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

constexpr std::array<std::string_view, 4> kRejectReasons{
    "Prices do not match the contract", "Goods or services not received", "Invoice addressed to the wrong entity",
    "Payment terms differ from the purchase order"};

std::optional<std::uint64_t> parse_digits(std::string_view s) {
  std::uint64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

}  // namespace

std::string_view portal_name(PortalKind kind) {
  switch (kind) {
    case PortalKind::none: return "";
    case PortalKind::coupa: return "coupa";
    case PortalKind::ariba: return "ariba";
    case PortalKind::chorus: return "chorus";
    case PortalKind::peppol: return "peppol";
    case PortalKind::file: return "file";
  }
  return "";
}

std::optional<PortalKind> parse_portal_kind(std::string_view name) {
  for (PortalKind k : {PortalKind::coupa, PortalKind::ariba, PortalKind::chorus, PortalKind::peppol, PortalKind::file})
    if (portal_name(k) == name) return k;
  return std::nullopt;
}

PortalDirectory::PortalDirectory(std::shared_ptr<const dataset::DatasetCore> core) : core_(std::move(core)) {
  const Business& b = core_->business;
  for (std::size_t a = 3; a < b.accounts() && unregistered_account_ == SIZE_MAX; ++a)
    if (b.portal_kind(a) == PortalKind::peppol && a != Business::kVatMissingAccount) unregistered_account_ = a;
  for (std::size_t r = 0; r < b.documents() && forced_rejects_.size() < 2; ++r) {
    const dataset::DocRef d = b.document(r);
    const std::size_t a = b.order_account(d.order);
    const PortalKind kind = b.portal_kind(a);
    if (d.role == dataset::DocRole::invoice_full && b.plan(d.order) == dataset::OrderPlan::normal &&
        kind != PortalKind::none && kind != PortalKind::file && a != Business::kVatMissingAccount &&
        a != unregistered_account_)
      forced_rejects_.push_back(r);
  }
  for (std::size_t a = 0; a < core_->business.accounts(); ++a)
    if (auto r = route_of_account(a); r && !r->buyer_id.empty())
      account_of_buyer_.emplace(fmt::format("{}/{}", portal_name(r->kind), r->buyer_id), a);
}

std::optional<PortalBuyer> PortalDirectory::route_of_account(std::size_t a) const {
  const Business& b = core_->business;
  const PortalKind kind = b.portal_kind(a);
  if (kind == PortalKind::none) return std::nullopt;
  const std::uint64_t detail = b.draws()(Stream::account_portal_detail, a);
  const std::uint64_t n = b.customer_number(a);
  PortalBuyer out;
  out.kind = kind;
  out.customer_id = std::to_string(n);
  out.customer_name = b.account_name(a);
  out.po_required = b.requires_po(a);
  switch (kind) {
    case PortalKind::coupa:
      out.buyer_id = fmt::format("coupa-{}", n);
      out.supplier_ref = fmt::format("S{:05}", 10'000 + detail % 90'000);
      break;
    case PortalKind::ariba: out.buyer_id = fmt::format("AN01{:09}", 100'000'000 + n * 7 % 900'000'000); break;
    case PortalKind::chorus: {
      const std::string body = fmt::format("1{:08}0001", 10'000'000 + n * 9973 % 90'000'000);  // 13 digits
      out.buyer_id = body + luhn_digit(body);
      if (detail % 2 == 0) out.service_code = fmt::format("SERV-{:03}", detail / 2 % 1000);
      break;
    }
    case PortalKind::peppol: {
      const std::string vat = b.account_vat_id(a);
      if (b.country(a) == Country::de && !vat.empty() && detail % 2 == 0) {
        out.buyer_scheme = "9930";
        out.buyer_id = vat;
      } else if (b.country(a) == Country::fr) {
        out.buyer_scheme = "0009";
        const std::string body = b.account_siren(a) + "0001";
        out.buyer_id = body + luhn_digit(body);
      } else {
        out.buyer_scheme = "0088";
        const std::string body = fmt::format("43{:010}", n * 31 % 10'000'000'000ULL);
        out.buyer_id = body + gln_digit(body);
      }
      out.registered = a != unregistered_account_ && detail / 10 % 40 != 7;  // else not in the SMP for Invoice
      out.service_code = fmt::format("CC-{:04}", detail / 400 % 10'000);      // the buyer's reference (BT-10)
      break;
    }
    case PortalKind::file:
    case PortalKind::none: break;
  }
  return out;
}

std::optional<PortalBuyer> PortalDirectory::route(std::string_view customer_id) const {
  const auto n = parse_digits(customer_id);
  if (!n || *n < Business::kFirstCustomerId) return std::nullopt;
  const std::size_t a = *n - Business::kFirstCustomerId;
  if (a >= core_->business.accounts()) return std::nullopt;
  return route_of_account(a);
}

std::vector<PortalBuyer> PortalDirectory::buyers(PortalKind kind) const {
  std::vector<PortalBuyer> out;
  for (std::size_t a = 0; a < core_->business.accounts(); ++a)
    if (auto r = route_of_account(a); r && r->kind == kind) out.push_back(std::move(*r));
  return out;
}

std::optional<PortalBuyer> PortalDirectory::find_buyer(PortalKind kind, std::string_view buyer_id) const {
  const auto it = account_of_buyer_.find(fmt::format("{}/{}", portal_name(kind), buyer_id));
  if (it == account_of_buyer_.end()) return std::nullopt;
  return route_of_account(it->second);
}

bool PortalDirectory::issued_po(std::string_view customer_id, std::string_view po) const {
  const Business& b = core_->business;
  std::optional<std::uint64_t> n;
  if (po.starts_with("PO-") && po.size() == 14 && po[7] == '-') n = parse_digits(po.substr(8));
  else if (po.starts_with("45") && po.size() == 10) n = parse_digits(po.substr(2));
  if (!n || *n == 0 || *n > b.orders()) return false;
  const std::size_t row = *n - 1;
  const auto own = b.po_number(row);
  return own && *own == po && std::to_string(b.customer_number(b.order_account(row))) == customer_id;
}

std::optional<BuyerDecision> PortalDirectory::decision(std::string_view number) const {
  std::string_view digits = number;
  if (digits.starts_with("INV")) digits.remove_prefix(3);
  else if (digits.starts_with("CM")) digits.remove_prefix(2);
  else return std::nullopt;
  const auto id = parse_digits(digits);
  if (!id || *id < Business::kFirstDocumentId) return std::nullopt;
  const std::size_t row = *id - Business::kFirstDocumentId;
  if (row >= core_->documents.size()) return std::nullopt;
  const dataset::DocRef d = core_->doc(row);
  if (dataset::doc_type(d.role) == DocType::payment) return std::nullopt;
  BuyerDecision out;
  const std::uint64_t draw = core_->business.draws()(Stream::portal_decision, row);
  const bool forced = std::find(forced_rejects_.begin(), forced_rejects_.end(), row) != forced_rejects_.end();
  if (forced || draw % 100 < kRejectPercent) {
    out.rejected = true;
    out.reason = std::string(kRejectReasons[draw / 100 % kRejectReasons.size()]);
  } else {
    out.paid = core_->business.doc_paid(d);
  }
  return out;
}

std::string PortalDirectory::routing_csv() const {
  std::string out = "customer_id,customer,portal,buyer_id,buyer_scheme,service_code,supplier_ref,po_required\n";
  for (std::size_t a = 0; a < core_->business.accounts(); ++a) {
    const auto r = route_of_account(a);
    if (!r) continue;
    std::string name = r->customer_name;
    for (std::size_t i = name.find('"'); i != std::string::npos; i = name.find('"', i + 2)) name.insert(i, "\"");
    out += fmt::format("{},\"{}\",{},{},{},{},{},{}\n", r->customer_id, name, portal_name(r->kind), r->buyer_id,
                       r->buyer_scheme, r->service_code, r->supplier_ref, r->po_required ? "yes" : "no");
  }
  return out;
}

}  // namespace o2c::sim
