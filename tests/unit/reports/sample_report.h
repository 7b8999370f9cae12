// tests/unit/reports/sample_report.h — a realistic week of stored exceptions
// of every kind (names, currencies, states, evidence as reconcile/ writes
// them), for the HTML tests and the report_sample tool that renders it for a
// visual check.
#pragma once

#include <fmt/format.h>

#include <cstdint>
#include <random>
#include <string>

#include "reports/reports.h"

namespace o2c::reports::testing {

namespace sample_detail {

inline constexpr const char* kCustomers[] = {
    "Société Générale Équipements", "Müller & Söhne GmbH",          "Telefónica Ibérica",
    "Northwind Traders Ltd",        "Contoso Pharmaceuticals Inc.", "Fabrikam Industrial Supply",
    "Boulangerie Lefèvre SARL",     "Hoffmann Logistik AG",         "Iberdrola Servicios Comerciales",
    "Acme Widgets (UK) plc",        "Globex Corporation",           "Initech Software Services",
    "Umbrella Health Systems",      "Château Margaux Distribution",
};
inline constexpr const char* kCurrencies[] = {"EUR", "EUR", "EUR", "GBP", "USD"};

class Draw {
 public:
  explicit Draw(std::uint64_t seed) : rng_(seed) {}
  std::uint64_t below(std::uint64_t n) { return rng_() % n; }

 private:
  std::mt19937_64 rng_;
};

inline Money amount(Draw& d, const char* currency) {
  return Money(static_cast<std::int64_t>(50'000 + d.below(4'000'000)), Currency::parse(currency));
}

inline void add_evidence(schema::ExceptionItem& item, Draw& d, const Money& order_amount) {
  using K = schema::ExceptionKind;
  const std::string po = item.po_number;
  auto ev = [&](const char* name, std::string value) { item.evidence.push_back({name, std::move(value)}); };
  ev("rule", item.rule);
  switch (item.kind) {
    case K::order_not_invoiced:
      ev("order", fmt::format("{} (id {}, {})", item.order_number, item.order_id, order_amount));
      ev("linked_documents", "none");
      break;
    case K::amount_mismatch:
    case K::order_partially_invoiced:
    case K::order_over_invoiced:
      ev("order_amount", fmt::format("{}", order_amount));
      ev("linked_document",
         fmt::format("INV{} (id {}, 2026-10-0{}, ...)", 100000 + d.below(9000), 1000 + d.below(900), 1 + d.below(9)));
      ev("difference", fmt::format("{}", *item.amount));
      ev("tolerance", fmt::format("0.01 {}", order_amount.currency()));
      break;
    case K::po_mismatch:
      ev("invoice_po", po);
      ev("order_po", fmt::format("PO-2026-{:06}", d.below(999999)));
      ev("normalisation", "upper-case, spaces and punctuation dropped");
      break;
    case K::po_missing:
      ev("po_required_by", "CRM account flag requires_po");
      ev("invoice_po", "none");
      break;
    case K::po_needed_for_renewal:
      ev("subscription_end", to_iso8601(*item.reference_date));
      ev("latest_signed_order_start", "2025-12-01 (before the end)");
      break;
    case K::data_invalid:
      ev("record", item.record_key);
      ev("problem", d.below(2) ? "TotalAmount: invalid amount '12,50 EUR': not a decimal number"
                               : "CurrencyIsoCode: unknown currency 'EUX' (not an ISO 4217 code)");
      break;
    default:
      ev("detail", "as found by the reconciliation");
      break;
  }
}

}  // namespace sample_detail

// `count` exceptions spread over every kind, for week 2026-W48, generated
// Mon 30 Nov 2026 07:00 UTC: about a third new, some acknowledged, some resolved.
inline ReportInput sample_report_input(std::uint64_t seed, int count) {
  using namespace sample_detail;
  using schema::ExceptionKind;
  Draw d(seed);
  ReportInput in;
  in.week = IsoWeek::parse("2026-W48");
  in.generated_at = parse_timestamp("2026-11-29T23:00:00Z");
  const Timestamp week_start = in.week.start();
  for (int i = 0; i < count; ++i) {
    schema::StoredException e;
    schema::ExceptionItem& item = e.item;
    item.kind = static_cast<ExceptionKind>(i % static_cast<int>(schema::kExceptionKindCount));
    item.rule = fmt::format("rule.{}", fmt::format("{}", schema::info(item.kind).name).substr(0, 8));
    const char* currency = kCurrencies[d.below(std::size(kCurrencies))];
    const Money order_amount = amount(d, currency);
    if (item.kind == ExceptionKind::data_invalid) {
      item.record_key = fmt::format("salesforce/Order/801Wk00000{:07}AAA", d.below(9999999));
    } else {
      item.customer_id = fmt::format("001Wk0000{:09}AAA", d.below(999999999));
      item.customer_name = kCustomers[d.below(std::size(kCustomers))];
      item.order_id = fmt::format("801Wk0000{:09}AAA", d.below(999999999));
      item.order_number = fmt::format("{:08}", 1 + d.below(20000));
      if (i % 3 != 0) {
        item.invoice_id = std::to_string(100000 + d.below(20000));
        item.invoice_number = "INV" + item.invoice_id;
      }
      item.po_number = d.below(5) ? fmt::format("PO-2026-{:06}", d.below(999999)) : "";
      item.amount = d.below(2) ? order_amount : Money(order_amount.minor() / 20, order_amount.currency());
    }
    item.reference_date = item.kind == ExceptionKind::po_needed_for_renewal
                              ? to_date(week_start + std::chrono::days{10 + static_cast<int>(d.below(20))})
                              : to_date(week_start - std::chrono::days{static_cast<int>(d.below(120))});
    add_evidence(item, d, order_amount);
    e.id = item.stable_id();
    const int roll = static_cast<int>(d.below(12));
    e.first_seen = roll < 4 ? week_start + std::chrono::hours{d.below(150)}
                            : week_start - std::chrono::days{1 + static_cast<int>(d.below(60))};
    e.last_seen = in.generated_at;
    if (roll == 11 || roll == 10) {
      e.state = schema::ExceptionState::resolved;
      e.resolved_at = std::max(e.first_seen, week_start) + std::chrono::hours{1 + d.below(20)};
    } else if (roll == 9) {
      e.state = schema::ExceptionState::acknowledged;
      e.note = d.below(2) ? "Customer confirmed the PO by mail; invoice to be corrected Monday."
                          : "Waiting for the credit note approval (ticket AR-4411).";
    }
    in.exceptions.push_back(std::move(e));
  }
  in.runs = {
      {"salesforce.accounts", week_start + std::chrono::hours{161}, week_start + std::chrono::hours{161}, "ok", 2500, 0,
       ""},
      {"salesforce.orders", week_start + std::chrono::hours{162}, week_start + std::chrono::hours{162}, "ok", 20000, 7,
       ""},
      {"netsuite.customers", week_start + std::chrono::hours{161}, week_start + std::chrono::hours{161}, "ok", 2500, 0,
       ""},
      {"netsuite.invoices", week_start + std::chrono::hours{162}, week_start + std::chrono::hours{162}, "ok", 24180, 3,
       ""},
      {"netsuite.payments", week_start + std::chrono::hours{120}, week_start + std::chrono::hours{120}, "failed", 0, 0,
       "transient: HTTP 429 CONCURRENCY_LIMIT_EXCEEDED after 5 attempts"},
  };
  return in;
}

}  // namespace o2c::reports::testing
