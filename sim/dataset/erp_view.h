// sim/dataset/erp_view.h — what the SAP, Oracle and EBS views share (DATA.md
// "The other ERPs"). A view table shows a set of NetSuite rows (customers,
// all transactions, invoices and credit memos, or payments) under another
// system's names: each column is a function of a row context that knows the
// NetSuite record behind the row, so the views hold no data of their own and
// every mutation of the NetSuite record shows in them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/dataset/business_layout.h"
#include "sim/dataset/generated_table.h"

namespace o2c::sim::dataset {

// The NetSuite rows a view shows, in NetSuite row order.
enum class RowSet : std::uint8_t {
  customers,   // every customer
  documents,   // every transaction
  billing,     // invoices and credit memos (late invoices at the end)
  payments,    // payments
};

// One row of a view: the NetSuite record behind it and what the views derive from it.
struct RowCtx {
  const DatasetCore& core;
  std::size_t base;          // customer row, or transaction row
  DocRef doc;                // documents only
  DocType type = DocType::invoice;

  const Business& b() const { return core.business; }
  // Customer views.
  std::uint64_t customer_number() const { return b().customer_number(base); }
  SimTime customer_modstamp() const;
  // Document views.
  std::uint64_t number() const { return b().doc_number(base); }      // the NetSuite id
  std::string id() const { return std::to_string(number()); }
  std::string tranid() const;                                          // INV100001, CM…, PYMT…
  bool bad_total() const { return doc.role == DocRole::invoice_bad_total; }
  bool voided() const;
  bool paid() const { return b().doc_paid(doc); }
  SimTime modstamp() const;
  SimTime created() const { return b().doc_created(doc); }
  SimDate date() const { return b().doc_date(doc); }
  std::int64_t total_cents() const { return b().doc_total_cents(doc); }   // VAT included; credit memos negative
  std::int64_t net_cents() const { return b().doc_net_cents(doc); }       // before VAT
  std::int64_t tax_cents() const { return b().doc_tax_cents(doc); }
  VatTreatment vat() const { return b().doc_vat(doc); }
  std::int64_t remaining_cents() const;                                    // NetSuite foreignamountremaining
  std::size_t account() const { return b().order_account(doc.order); }
  std::string customer_id() const { return std::to_string(b().customer_number(account())); }
  std::string currency() const { return std::string(iso_code(b().doc_currency(doc))); }
  // The invoice a payment pays (the transaction row before it).
  std::uint64_t paid_invoice_number() const { return b().doc_number(base - 1); }
};

using ViewGetter = SimValue (*)(const RowCtx&);

struct ViewColumn {
  SimColumn column;
  ViewGetter get;
  std::string_view sql_type = {};   // EBS: the PostgreSQL type of the column
  bool not_null = false;            // EBS: NOT NULL
};

// Cell helpers.
inline SimValue money(std::int64_t cents) { return Decimal{cents_text(cents, false)}; }
inline std::int64_t magnitude(std::int64_t cents) { return cents < 0 ? -cents : cents; }
// The tax code / classification each system writes for a VAT treatment
// (DATA.md "VAT"): NetSuite's tax item id, SAP's tax code, Oracle E-Business
// Tax's classification (Fusion and EBS).
std::string_view netsuite_tax_item(VatTreatment v);
std::string_view sap_tax_code(VatTreatment v);
std::string_view oracle_tax_classification(VatTreatment v);
inline SimValue number(std::uint64_t n) { return Decimal{std::to_string(n)}; }
inline SimValue text(std::string_view s) { return std::string(s); }
SimValue text_or_null(const std::optional<std::string>& s);
SimValue text_or_empty(const std::optional<std::string>& s);
SimDate day_of(SimTime t);

class ViewTable final : public GeneratedTable {
 public:
  ViewTable(CorePtr core, std::string name, std::string modstamp_column, RowSet rows,
            const std::vector<ViewColumn>& columns);

  std::size_t size() const override;
  SimValue value(std::size_t row, std::size_t col) const override;
  // Column 0 is the NetSuite id (or the customer id) of the row's record.
  std::optional<std::size_t> find(std::string_view key) const override;

 protected:
  const TableState& state() const override;

 private:
  std::size_t base_row(std::size_t row) const;
  std::optional<std::size_t> row_of_base(std::size_t base) const;

  RowSet rows_;
  std::vector<ViewGetter> getters_;
};

std::vector<SimColumn> sim_columns(const std::vector<ViewColumn>& columns);

}  // namespace o2c::sim::dataset
