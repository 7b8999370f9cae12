// E-invoice generation: one realistic 5-line invoice (two VAT rates, a
// reverse-charge line, 3-decimal prices) rendered as Peppol UBL and as CII,
// check() included (the writers run it). Target: >= 10,000 documents/s per core.
#include <benchmark/benchmark.h>

#include "core/money.h"
#include "core/time.h"
#include "einvoice/einvoice.h"

namespace {

using namespace o2c;
using namespace o2c::einvoice;

Line make_line(std::string id, std::string name, std::string qty, std::string price, std::string_view net, VatCategory c,
               std::string rate) {
  Line l;
  l.id = std::move(id);
  l.name = std::move(name);
  l.quantity = std::move(qty);
  l.unit_price = std::move(price);
  l.net_amount = Money::parse(net, Currency::parse("EUR"));
  l.category = c;
  l.rate = std::move(rate);
  return l;
}

Document five_line_invoice() {
  Document d;
  d.number = "INV-2024-0042";
  d.issue_date = parse_date("2024-05-02");
  d.due_date = parse_date("2024-06-01");
  d.currency = Currency::parse("EUR");
  d.buyer_reference = "BR-77";
  d.purchase_order = "PO-4471";
  d.sales_order = "SO-00123";
  d.payment_terms = "Net 30 days";
  d.seller = {"Acme Software SAS", "Acme", "FR40303265045", {"303265045", "0002"}, {"30326504500013", "0009"},
              {"12 rue de la Paix", "", "Paris", "75002", "", "FR"}, "Claire Martin", "billing@acme.example", ""};
  d.buyer = {"Kunde Handels GmbH", "", "DE123456789", {}, {"DE123456789", "9930"},
             {"Hauptstraße 5", "", "München", "80331", "", "DE"}, "", "ap@kunde.example", ""};
  d.payment = PaymentMeans{"58", "FR7630006000011234567890189", "AGRIFRPP", "Acme Software SAS", "", ""};
  d.lines = {make_line("1", "Subscription Pro, May 2024", "1", "1000.00", "1000.00", VatCategory::standard, "20"),
             make_line("2", "Support hours", "2.5", "80", "200.00", VatCategory::standard, "20"),
             make_line("3", "Printed manual", "4", "12.345", "49.38", VatCategory::standard, "5.5"),
             make_line("4", "Onboarding workshop", "1", "750", "750.00", VatCategory::standard, "20"),
             make_line("5", "Consulting, reverse charge", "4", "125", "500.00", VatCategory::reverse_charge, "0")};
  return d;
}

void BM_EinvoiceUbl(benchmark::State& state) {
  const Document doc = five_line_invoice();
  for (auto _ : state) benchmark::DoNotOptimize(write_ubl(doc, Profile::peppol_bis3));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EinvoiceUbl);

void BM_EinvoiceCii(benchmark::State& state) {
  const Document doc = five_line_invoice();
  for (auto _ : state) benchmark::DoNotOptimize(write_cii(doc));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EinvoiceCii);

void BM_EinvoiceCheckAndTotals(benchmark::State& state) {
  const Document doc = five_line_invoice();
  for (auto _ : state) {
    benchmark::DoNotOptimize(check(doc, Profile::peppol_bis3));
    benchmark::DoNotOptimize(compute_totals(doc));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EinvoiceCheckAndTotals);

}  // namespace
