#include "sim/dataset/erp_view.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

namespace o2c::sim::dataset {

SimTime RowCtx::customer_modstamp() const {
  return (core.customers.flags(base) & TableState::kTouched) != 0 ? b().now() : b().customer_modstamp(base);
}

std::string RowCtx::tranid() const {
  return fmt::format("{}{}", type == DocType::invoice ? "INV" : type == DocType::credit_memo ? "CM" : "PYMT", number());
}

bool RowCtx::voided() const {
  const std::uint8_t flags = core.documents.flags(base);
  return (flags & TableState::kDeletedSet) != 0 && (flags & TableState::kDeletedValue) != 0;
}

SimTime RowCtx::modstamp() const {
  return (core.documents.flags(base) & TableState::kTouched) != 0 ? b().now() : b().doc_modstamp(doc);
}

std::int64_t RowCtx::remaining_cents() const {
  return type != DocType::invoice || paid() ? 0 : total_cents();
}

SimValue text_or_null(const std::optional<std::string>& s) {
  if (!s) return std::monostate{};
  return *s;
}

SimValue text_or_empty(const std::optional<std::string>& s) { return s ? *s : std::string(); }

SimDate day_of(SimTime t) { return std::chrono::floor<std::chrono::days>(t); }

std::vector<SimColumn> sim_columns(const std::vector<ViewColumn>& columns) {
  std::vector<SimColumn> out;
  out.reserve(columns.size());
  for (const auto& c : columns) out.push_back(c.column);
  return out;
}

ViewTable::ViewTable(CorePtr core, std::string name, std::string modstamp_column, RowSet rows,
                     const std::vector<ViewColumn>& columns)
    : GeneratedTable(std::move(core), std::move(name), std::move(modstamp_column), sim_columns(columns)),
      rows_(rows) {
  getters_.reserve(columns.size());
  for (const auto& c : columns) getters_.push_back(c.get);
}

const TableState& ViewTable::state() const {
  return rows_ == RowSet::customers ? core_->customers : core_->documents;
}

std::size_t ViewTable::size() const {
  const std::size_t generated = core_->business.documents();
  switch (rows_) {
    case RowSet::customers: return core_->customers.size();
    case RowSet::documents: return core_->documents.size();
    case RowSet::billing: return core_->billing_rows.size() + (core_->documents.size() - generated);
    case RowSet::payments: return core_->payment_rows.size();
  }
  return 0;
}

std::size_t ViewTable::base_row(std::size_t row) const {
  switch (rows_) {
    case RowSet::billing: {
      const auto& rows = core_->billing_rows;
      return row < rows.size() ? rows[row] : core_->business.documents() + (row - rows.size());
    }
    case RowSet::payments: return core_->payment_rows[row];
    default: return row;
  }
}

std::optional<std::size_t> ViewTable::row_of_base(std::size_t base) const {
  if (rows_ == RowSet::customers || rows_ == RowSet::documents) return base;
  const auto& rows = rows_ == RowSet::billing ? core_->billing_rows : core_->payment_rows;
  const std::size_t generated = core_->business.documents();
  if (base >= generated) {  // a late row: always an invoice
    if (rows_ != RowSet::billing) return std::nullopt;
    return rows.size() + (base - generated);
  }
  const auto at = std::lower_bound(rows.begin(), rows.end(), static_cast<std::uint32_t>(base));
  if (at == rows.end() || *at != base) return std::nullopt;
  return static_cast<std::size_t>(at - rows.begin());
}

SimValue ViewTable::value(std::size_t row, std::size_t col) const {
  check(row, col);
  RowCtx ctx{*core_, base_row(row), DocRef{}};
  if (rows_ != RowSet::customers) {
    ctx.doc = core_->doc(ctx.base);
    ctx.type = doc_type(ctx.doc.role);
  }
  return getters_[col](ctx);
}

std::optional<std::size_t> ViewTable::find(std::string_view key) const {
  const std::uint64_t first =
      rows_ == RowSet::customers ? Business::kFirstCustomerId : Business::kFirstDocumentId;
  std::uint64_t n = 0;
  const auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), n);
  if (key.empty() || key.front() == '0' || ec != std::errc{} || end != key.data() + key.size() || n < first)
    return std::nullopt;
  const auto base = static_cast<std::size_t>(n - first);
  if (base >= (rows_ == RowSet::customers ? core_->customers.size() : core_->documents.size())) return std::nullopt;
  return row_of_base(base);
}

std::string_view netsuite_tax_item(VatTreatment v) {
  switch (v) {
    case VatTreatment::standard: return "5";
    case VatTreatment::exempt: return "6";
    case VatTreatment::reverse_charge: return "7";
    case VatTreatment::export_: return "8";
  }
  return "5";
}

std::string_view sap_tax_code(VatTreatment v) {
  switch (v) {
    case VatTreatment::standard: return "S1";
    case VatTreatment::exempt: return "E0";
    case VatTreatment::reverse_charge: return "R0";
    case VatTreatment::export_: return "X0";
  }
  return "S1";
}

std::string_view oracle_tax_classification(VatTreatment v) {
  switch (v) {
    case VatTreatment::standard: return "FR VAT STANDARD 20";
    case VatTreatment::exempt: return "FR VAT EXEMPT TRAINING";
    case VatTreatment::reverse_charge: return "EU REVERSE CHARGE";
    case VatTreatment::export_: return "EXPORT OUTSIDE EU";
  }
  return "FR VAT STANDARD 20";
}

}  // namespace o2c::sim::dataset
