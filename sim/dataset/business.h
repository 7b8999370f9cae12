// sim/dataset/business.h — the simulated business as functions of (seed, row).
// A construction pass (business_plan.cpp) decides the few things that tie rows
// together: each order's account and plan (normal, or a planted case), the
// follow-up renewal orders, and which NetSuite documents each order gets. It
// keeps them as a few bytes per row; every other attribute is drawn on demand
// (business_accounts.cpp, business_orders.cpp, business_documents.cpp).
// Immutable after construction, so any number of threads may read it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/dataset/portal_kind.h"
#include "sim/dataset/seeded_draws.h"
#include "sim/sim_table.h"

namespace o2c::sim::dataset {

enum class Country : std::uint8_t { fr, es, gb, de, us };
enum class BusinessCurrency : std::uint8_t { usd, gbp, eur };  // the three currencies of the business

std::string_view iso_code(BusinessCurrency c);          // "USD"
std::string_view netsuite_currency_id(BusinessCurrency c);  // "1", "2", "4"

// What an order is for: normal data, or one planted case of DATA.md.
enum class OrderPlan : std::uint8_t {
  normal,
  normal_unreferenced,      // invoiced without custbody_o2c_sf_order, matched by customer + PO + amount
  normal_netted,            // over-invoice netted back by a credit memo
  draft,
  deleted,                  // activated, then deleted (IsDeleted)
  follow_up,                // the Renewal order that follows a subscription ending soon
  late,                     // appended by an insert_late mutation
  not_invoiced,
  partially_invoiced,
  over_invoiced,
  amount_mismatch,
  currency_mismatch,
  duplicate_invoice,
  po_missing,
  po_mismatch,
  po_needed_for_renewal,
  orphan_po_host,           // normal, plus an invoice with an unknown PO and no order reference
  orphan_ref_host,          // normal, plus an invoice referencing an order id that does not exist
  invalid_amount_text,      // TotalAmount "12,50 EUR" (invoiced anyway)
  invalid_amount_bool,      // TotalAmount true
  invalid_currency,         // CurrencyIsoCode EUX (invoiced anyway)
  invalid_no_account,       // AccountId null
  invalid_po_utf8,          // PoNumber with invalid UTF-8 bytes
  invalid_invoice_total,    // its only invoice has foreigntotal "abc"
};

bool is_invalid_order(OrderPlan p);

// How VAT applies to a document (DATA.md "VAT"): the seller is French.
enum class VatTreatment : std::uint8_t {
  standard,        // FR customers: 20 %
  exempt,          // FR training invoices: exempt (article 261-4-4 CGI)
  reverse_charge,  // DE, ES customers: intra-EU B2B, VAT due by the buyer
  export_,         // GB, US customers: outside the EU
};

// The part a NetSuite document plays for its order.
enum class DocRole : std::uint8_t {
  invoice_full,
  invoice_unreferenced,
  invoice_netted,           // 110 %
  credit_netted,            // -10 %
  invoice_part1,            // 40 %
  invoice_part2,            // 30 %
  invoice_over_extra,       // 15 % on top of a full invoice
  invoice_mismatch,         // full ± 1-5 %
  invoice_other_currency,
  invoice_duplicate,        // a second full invoice
  invoice_no_po,
  invoice_wrong_po,
  invoice_bad_total,        // foreigntotal "abc"
  orphan_po,                // no order reference, PO of no order
  orphan_ref,               // references an order id that does not exist
  payment,                  // pays the invoice just before it
};

enum class DocType : std::uint8_t { invoice, credit_memo, payment };
DocType doc_type(DocRole role);

// A document row: where it is and whom it bills.
struct DocRef {
  std::size_t row = 0;
  std::size_t order = 0;
  DocRole role = DocRole::invoice_full;
  bool late = false;        // appended by insert_late
};

class Business {
 public:
  Business(std::uint64_t seed, std::size_t orders, SimTime now);

  std::uint64_t seed() const { return seed_; }
  SimTime now() const { return now_; }        // whole seconds
  SimDate today() const { return today_; }
  const Draws& draws() const { return draws_; }

  // Accounts (Salesforce) and customers (NetSuite), one to one, same order.
  std::size_t accounts() const { return account_parent_.size(); }
  Country country(std::size_t a) const;
  BusinessCurrency account_currency(std::size_t a) const;
  bool requires_po(std::size_t a) const;
  std::optional<std::size_t> parent(std::size_t a) const;
  const std::string& account_name(std::size_t a) const;   // from a pool: no allocation
  std::string account_id(std::size_t a) const;
  std::uint64_t customer_number(std::size_t a) const { return kFirstCustomerId + a; }
  SimTime account_created(std::size_t a) const;
  // Tax identity and billing address (DATA.md "Tax identities and addresses").
  std::string account_siren(std::size_t a) const;   // FR: 9 digits (Luhn); "" elsewhere
  std::string account_vat_id(std::size_t a) const;  // "FR40303265045", "DE…", "ESB…", "GB…"; "" for US and the planted missing ones
  bool account_vat_missing(std::size_t a) const;    // planted: an EU account whose VAT id nobody entered
  // The portal the customer takes its invoices through (DATA.md "Portals"):
  // a share per country; Coupa and Ariba buyers are procurement suites, so
  // only customers that require a PO use them.
  PortalKind portal_kind(std::size_t a) const;
  std::string account_street(std::size_t a) const;
  std::string_view account_city(std::size_t a) const;
  std::string account_postal_code(std::size_t a) const;
  SimTime account_modstamp(std::size_t a) const;
  SimTime customer_modstamp(std::size_t a) const;

  // Orders: rows 0..orders()-1 are generated; rows >= orders() are late rows.
  std::size_t orders() const { return order_account_.size(); }
  OrderPlan plan(std::size_t i) const;
  std::size_t order_account(std::size_t i) const;
  std::string order_id(std::size_t i) const;
  std::string phantom_order_id(std::size_t k) const;  // an id no order has or will have
  // Inverses of order_id / account_id: the row number an id encodes (callers check it against the size).
  std::optional<std::size_t> order_row(std::string_view id) const;
  std::optional<std::size_t> account_row(std::string_view id) const;
  SimTime order_created(std::size_t i) const;
  SimTime order_modstamp(std::size_t i) const;
  std::optional<SimTime> order_activated(std::size_t i) const;
  bool order_activated_status(std::size_t i) const { return plan(i) != OrderPlan::draft; }
  bool order_deleted(std::size_t i) const { return plan(i) == OrderPlan::deleted; }
  bool order_is_renewal(std::size_t i) const;
  SimDate effective_date(std::size_t i) const;
  std::optional<SimDate> end_date(std::size_t i) const;
  bool has_po(std::size_t i) const;
  std::optional<std::string> po_number(std::size_t i) const;   // the order's own, clean PO
  std::int64_t amount_cents(std::size_t i) const;
  BusinessCurrency order_currency(std::size_t i) const { return account_currency(order_account(i)); }
  std::string_view description(std::size_t i) const;
  std::optional<std::size_t> predecessor(std::size_t i) const;  // for follow_up rows

  // NetSuite documents: rows 0..documents()-1 generated, late rows after.
  std::size_t documents() const { return doc_order_.size(); }
  DocRef document(std::size_t r) const { return {r, doc_order_[r], static_cast<DocRole>(doc_role_[r]), false}; }
  std::uint64_t doc_number(std::size_t r) const { return kFirstDocumentId + r; }
  SimTime doc_created(const DocRef& d) const;
  SimTime doc_modstamp(const DocRef& d) const;
  SimDate doc_date(const DocRef& d) const;
  std::optional<SimDate> doc_due_date(const DocRef& d) const;
  BusinessCurrency doc_currency(const DocRef& d) const;
  // Amount before VAT: what reconciles with the order amount (credit memos
  // negative). A payment's net is what it pays: the paid invoice's total.
  std::int64_t doc_net_cents(const DocRef& d) const;
  VatTreatment doc_vat(const DocRef& d) const;               // payments: as the invoice they pay
  std::int64_t doc_vat_rate_percent(const DocRef& d) const;  // 20, or 0
  std::int64_t doc_tax_cents(const DocRef& d) const;         // net × rate, half away from zero; payments 0
  std::int64_t doc_total_cents(const DocRef& d) const;       // net + tax (credit memos negative)
  bool doc_paid(const DocRef& d) const;                      // the next row is its payment
  std::optional<std::string> doc_po(const DocRef& d) const;  // otherrefnum
  std::optional<std::string> doc_order_ref(const DocRef& d) const;
  std::string doc_memo(const DocRef& d) const;

  static constexpr std::uint64_t kFirstCustomerId = 1001;
  static constexpr std::uint64_t kFirstDocumentId = 100001;
  static constexpr std::size_t kVatMissingAccount = 2;  // routed to Peppol without a VAT id, at any size

 private:
  friend class PlanBuilder;
  bool subscription(std::size_t i) const;
  SimTime doc_created_at(std::size_t r) const;

  std::uint64_t seed_;
  Draws draws_;
  SimTime now_;
  SimDate today_;
  std::uint64_t id_base_;                       // Salesforce record number of row 0
  std::vector<std::uint32_t> account_parent_;   // kNoParent or the parent's row
  std::vector<std::uint32_t> order_account_;
  std::vector<std::uint8_t> order_plan_;        // OrderPlan | kForcedOneOff
  std::vector<std::pair<std::uint32_t, std::uint32_t>> follow_ups_;  // (follow-up row, predecessor), by row
  std::vector<std::uint32_t> doc_order_;
  std::vector<std::uint8_t> doc_role_;

  static constexpr std::uint32_t kNoParent = 0xFFFFFFFFU;
  static constexpr std::uint8_t kPlanMask = 0x3F;
  static constexpr std::uint8_t kForcedOneOff = 0x40;
};

}  // namespace o2c::sim::dataset
