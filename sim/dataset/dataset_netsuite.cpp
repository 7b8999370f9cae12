// The NetSuite tables customer, currency and transaction. Internal ids are
// numeric strings ascending with the row; dates and datetimes are typed, the
// query engine formats them (TO_CHAR) or renders the account's format.
#include <charconv>

#include <fmt/format.h>

#include "sim/dataset/business_layout.h"
#include "sim/dataset/dataset_core.h"
#include "sim/dataset/generated_table.h"

namespace o2c::sim::dataset {

namespace {

SimValue text_or_null(const std::optional<std::string>& s) {
  if (!s) return std::monostate{};
  return *s;
}

// Row of a numeric internal id, or nullopt when `key` is not first + row.
std::optional<std::size_t> row_of_number(std::string_view key, std::uint64_t first) {
  std::uint64_t n = 0;
  const auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), n);
  if (ec != std::errc{} || end != key.data() + key.size() || key.empty() || key.front() == '0' || n < first)
    return std::nullopt;
  return static_cast<std::size_t>(n - first);
}

class CustomerTable final : public GeneratedTable {
 public:
  explicit CustomerTable(CorePtr core)
      : GeneratedTable(std::move(core), "customer", "lastmodifieddate",
                       {{"id", SimType::id, "", "Internal ID"},
                        {"entityid", SimType::text, "", "Customer ID"},
                        {"companyname", SimType::text, "", "Company Name"},
                        {"parent", SimType::reference, "customer", "Parent Company"},
                        {"currency", SimType::reference, "currency", "Currency"},
                        {"custentity_o2c_sf_account", SimType::text, "", "Salesforce Account"},
                        {"lastmodifieddate", SimType::datetime, "", "Last Modified"},
                        {"vatregnumber", SimType::text, "", "Tax Reg. Number"}}) {}

  std::size_t size() const override { return core_->customers.size(); }
  const TableState& state() const override { return core_->customers; }

  SimValue value(std::size_t a, std::size_t col) const override {
    check(a, col);
    const Business& b = core_->business;
    switch (col) {
      case kCusId: return std::to_string(b.customer_number(a));
      case kCusEntityId: return fmt::format("CUST-{:06}", a + 1);
      case kCusName: return b.account_name(a);
      case kCusParent: {
        const auto parent = b.parent(a);
        return parent ? SimValue(std::to_string(b.customer_number(*parent))) : SimValue(std::monostate{});
      }
      case kCusCurrency: return std::string(netsuite_currency_id(b.account_currency(a)));
      case kCusSfAccount: return b.account_id(a);
      case kCusVatRegNumber: {
        std::string vat = b.account_vat_id(a);
        return vat.empty() ? SimValue(std::monostate{}) : SimValue(std::move(vat));
      }
      default:
        return (core_->customers.flags(a) & TableState::kTouched) != 0 ? b.now() : b.customer_modstamp(a);
    }
  }

  std::optional<std::size_t> find(std::string_view key) const override {
    const auto row = row_of_number(key, Business::kFirstCustomerId);
    if (!row || *row >= size()) return std::nullopt;
    return row;
  }
};

class TransactionTable final : public GeneratedTable {
 public:
  explicit TransactionTable(CorePtr core)
      : GeneratedTable(std::move(core), "transaction", "lastmodifieddate",
                       {{"id", SimType::id, "", "Internal ID"},
                        {"tranid", SimType::text, "", "Document Number"},
                        {"type", SimType::text, "", "Type"},
                        {"trandate", SimType::date, "", "Date"},
                        {"duedate", SimType::date, "", "Due Date"},
                        {"entity", SimType::reference, "customer", "Customer"},
                        {"currency", SimType::reference, "currency", "Currency"},
                        {"foreigntotal", SimType::decimal, "", "Amount (Foreign Currency)"},
                        {"foreignamountremaining", SimType::decimal, "", "Amount Remaining (Foreign Currency)"},
                        {"otherrefnum", SimType::text, "", "PO/Check Number"},
                        {"custbody_o2c_sf_order", SimType::text, "", "Salesforce Order"},
                        {"memo", SimType::text, "", "Memo"},
                        {"status", SimType::text, "", "Status"},
                        {"voided", SimType::boolean, "", "Voided"},
                        {"lastmodifieddate", SimType::datetime, "", "Last Modified"},
                        {"taxtotal", SimType::decimal, "", "Tax Total"}}) {}

  std::size_t size() const override { return core_->documents.size(); }
  const TableState& state() const override { return core_->documents; }

  SimValue value(std::size_t r, std::size_t col) const override {
    check(r, col);
    const Business& b = core_->business;
    const DocRef d = core_->doc(r);
    const DocType type = doc_type(d.role);
    switch (col) {
      case kTrnId: return std::to_string(b.doc_number(r));
      case kTrnTranId:
        return fmt::format("{}{}", type == DocType::invoice ? "INV" : type == DocType::credit_memo ? "CM" : "PYMT",
                           b.doc_number(r));
      case kTrnType:
        return std::string(type == DocType::invoice ? "CustInvc" : type == DocType::credit_memo ? "CustCred" : "CustPymt");
      case kTrnDate: return b.doc_date(d);
      case kTrnDueDate: {
        const auto due = b.doc_due_date(d);
        return due ? SimValue(*due) : SimValue(std::monostate{});
      }
      case kTrnEntity: return std::to_string(b.customer_number(b.order_account(d.order)));
      case kTrnCurrency: return std::string(netsuite_currency_id(b.doc_currency(d)));
      case kTrnTotal:
        if (d.role == DocRole::invoice_bad_total) return std::string("abc");
        return Decimal{cents_text(b.doc_total_cents(d), false)};
      case kTrnRemaining: return remaining(d, type);
      case kTrnPo: return text_or_null(b.doc_po(d));
      case kTrnOrderRef: return text_or_null(b.doc_order_ref(d));
      case kTrnMemo: return b.doc_memo(d);
      case kTrnStatus:
        return std::string(type == DocType::payment ? "C" : type == DocType::credit_memo || b.doc_paid(d) ? "B" : "A");
      case kTrnVoided: {
        const std::uint8_t flags = core_->documents.flags(r);
        return (flags & TableState::kDeletedSet) != 0 && (flags & TableState::kDeletedValue) != 0;
      }
      case kTrnTaxTotal:
        if (type == DocType::payment) return std::monostate{};
        return Decimal{cents_text(b.doc_tax_cents(d), false)};
      default: return (core_->documents.flags(r) & TableState::kTouched) != 0 ? b.now() : b.doc_modstamp(d);
    }
  }

  std::optional<std::size_t> find(std::string_view key) const override {
    const auto row = row_of_number(key, Business::kFirstDocumentId);
    if (!row || *row >= size()) return std::nullopt;
    return row;
  }

 private:
  SimValue remaining(const DocRef& d, DocType type) const {
    if (d.role == DocRole::invoice_bad_total) return std::monostate{};
    if (type != DocType::invoice || core_->business.doc_paid(d)) return Decimal{"0.00"};
    return Decimal{cents_text(core_->business.doc_total_cents(d), false)};
  }
};

}  // namespace

SimTablePtr make_customer_table(CorePtr core) { return std::make_shared<CustomerTable>(std::move(core)); }
SimTablePtr make_transaction_table(CorePtr core) { return std::make_shared<TransactionTable>(std::move(core)); }

SimTablePtr make_currency_table() {
  const auto row = [](const char* id, const char* symbol, const char* name) {
    return std::vector<SimValue>{std::string(id), std::string(symbol), std::string(name)};
  };
  return std::make_shared<VectorTable>(
      "currency",
      std::vector<SimColumn>{{"id", SimType::id, "", "Internal ID"},
                             {"symbol", SimType::text, "", "ISO Code"},
                             {"name", SimType::text, "", "Name"}},
      std::vector<std::vector<SimValue>>{row("1", "USD", "US Dollar"), row("2", "GBP", "British pound"),
                                         row("4", "EUR", "Euro")});
}

}  // namespace o2c::sim::dataset
