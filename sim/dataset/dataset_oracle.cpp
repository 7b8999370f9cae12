// The Oracle Fusion Receivables view (DATA.md "Oracle catalog"):
// receivablesInvoices with their lines, standardReceipts and
// receivablesCustomerAccountActivities. Oracle amounts are signed (credit
// memos negative) and absent values are null.
#include "sim/dataset/erp_view.h"

namespace o2c::sim::dataset {

namespace {

SimValue entered_amount(const RowCtx& r) {
  if (r.bad_total()) return text("abc");
  return money(r.total_cents());
}

SimValue line_amount(const RowCtx& r) {
  if (r.bad_total()) return text("abc");
  return money(r.net_cents());
}

SimValue account_number(const RowCtx& r) { return text(r.customer_id()); }
SimValue customer_name(const RowCtx& r) { return text(r.b().account_name(r.account())); }

const std::vector<ViewColumn>& invoice_columns() {
  static const std::vector<ViewColumn> columns{
      {{"CustomerTransactionId", SimType::id, "", "Customer Transaction ID"}, [](const RowCtx& r) { return text(r.id()); }},
      {{"TransactionNumber", SimType::text, "", "Transaction Number"}, [](const RowCtx& r) { return text(r.tranid()); }},
      {{"TransactionType", SimType::text, "", "Transaction Type"},
       [](const RowCtx& r) { return text(r.type == DocType::credit_memo ? "Credit Memo" : "Invoice"); }},
      {{"TransactionSource", SimType::text, "", "Transaction Source"}, [](const RowCtx&) { return text("Manual"); }},
      {{"TransactionDate", SimType::date, "", "Transaction Date"}, [](const RowCtx& r) -> SimValue { return r.date(); }},
      {{"DueDate", SimType::date, "", "Due Date"},
       [](const RowCtx& r) -> SimValue {
         const auto due = r.b().doc_due_date(r.doc);
         return due ? SimValue(*due) : SimValue(std::monostate{});
       }},
      {{"BillToCustomerNumber", SimType::text, "", "Bill-to Customer Account Number"}, account_number},
      {{"BillToCustomerName", SimType::text, "", "Bill-to Customer Name"}, customer_name},
      {{"InvoiceCurrencyCode", SimType::text, "", "Currency"}, [](const RowCtx& r) { return text(r.currency()); }},
      {{"EnteredAmount", SimType::decimal, "", "Entered Amount"}, entered_amount},
      {{"InvoiceBalanceAmount", SimType::decimal, "", "Balance Due"},
       [](const RowCtx& r) { return r.bad_total() ? SimValue(std::monostate{}) : money(r.remaining_cents()); }},
      {{"TaxAmount", SimType::decimal, "", "Tax Amount"}, [](const RowCtx& r) { return money(r.tax_cents()); }},
      {{"PurchaseOrder", SimType::text, "", "Purchase Order"}, [](const RowCtx& r) { return text_or_null(r.b().doc_po(r.doc)); }},
      {{"CrossReference", SimType::text, "", "Cross Reference"},
       [](const RowCtx& r) { return text_or_null(r.b().doc_order_ref(r.doc)); }},
      {{"Comments", SimType::text, "", "Comments"}, [](const RowCtx& r) { return text(r.b().doc_memo(r.doc)); }},
      {{"InvoiceStatus", SimType::text, "", "Status"}, [](const RowCtx& r) { return text(r.voided() ? "Void" : "Complete"); }},
      {{"CreationDate", SimType::datetime, "", "Creation Date"}, [](const RowCtx& r) -> SimValue { return r.created(); }},
      {{"LastUpdateDate", SimType::datetime, "", "Last Update Date"}, [](const RowCtx& r) -> SimValue { return r.modstamp(); }},
  };
  return columns;
}

const std::vector<ViewColumn>& invoice_line_columns() {
  static const std::vector<ViewColumn> columns{
      {{"CustomerTransactionLineId", SimType::id, "", "Customer Transaction Line ID"},
       [](const RowCtx& r) { return text(r.id()); }},
      {{"CustomerTransactionId", SimType::reference, "receivablesInvoices", "Customer Transaction ID"},
       [](const RowCtx& r) { return text(r.id()); }},
      {{"LineNumber", SimType::decimal, "", "Line Number"}, [](const RowCtx&) { return number(1); }},
      {{"Description", SimType::text, "", "Description"}, [](const RowCtx& r) { return text(r.b().doc_memo(r.doc)); }},
      {{"Quantity", SimType::decimal, "", "Quantity"},
       [](const RowCtx& r) -> SimValue { return Decimal{r.type == DocType::credit_memo ? "-1" : "1"}; }},
      {{"UnitSellingPrice", SimType::decimal, "", "Unit Price"},
       [](const RowCtx& r) { return r.bad_total() ? SimValue(std::monostate{}) : money(magnitude(r.net_cents())); }},
      {{"LineAmount", SimType::decimal, "", "Amount"}, line_amount},
      {{"TaxClassificationCode", SimType::text, "", "Tax Classification"},
       [](const RowCtx& r) { return text(oracle_tax_classification(r.vat())); }},
  };
  return columns;
}

const std::vector<ViewColumn>& receipt_columns() {
  static const std::vector<ViewColumn> columns{
      {{"StandardReceiptId", SimType::id, "", "Standard Receipt ID"}, [](const RowCtx& r) { return text(r.id()); }},
      {{"ReceiptNumber", SimType::text, "", "Receipt Number"}, [](const RowCtx& r) { return text(r.tranid()); }},
      {{"ReceiptMethod", SimType::text, "", "Receipt Method"}, [](const RowCtx&) { return text("Wire Transfer"); }},
      {{"ReceiptDate", SimType::date, "", "Receipt Date"}, [](const RowCtx& r) -> SimValue { return r.date(); }},
      {{"Amount", SimType::decimal, "", "Entered Amount"}, [](const RowCtx& r) { return money(r.total_cents()); }},
      {{"Currency", SimType::text, "", "Entered Currency"}, [](const RowCtx& r) { return text(r.currency()); }},
      {{"CustomerAccountNumber", SimType::text, "", "Customer Account Number"}, account_number},
      {{"CustomerName", SimType::text, "", "Customer Name"}, customer_name},
      {{"Comments", SimType::text, "", "Comments"}, [](const RowCtx& r) { return text(r.b().doc_memo(r.doc)); }},
      {{"Status", SimType::text, "", "Status"}, [](const RowCtx& r) { return text(r.voided() ? "Reversed" : "Applied"); }},
      {{"UnappliedAmount", SimType::decimal, "", "Unapplied Amount"}, [](const RowCtx&) { return money(0); }},
      {{"CreationDate", SimType::datetime, "", "Creation Date"}, [](const RowCtx& r) -> SimValue { return r.created(); }},
      {{"LastUpdateDate", SimType::datetime, "", "Last Update Date"}, [](const RowCtx& r) -> SimValue { return r.modstamp(); }},
  };
  return columns;
}

const std::vector<ViewColumn>& account_columns() {
  static const std::vector<ViewColumn> columns{
      {{"AccountId", SimType::id, "", "Account ID"}, [](const RowCtx& r) { return text(std::to_string(r.customer_number())); }},
      {{"AccountNumber", SimType::text, "", "Account Number"},
       [](const RowCtx& r) { return text(std::to_string(r.customer_number())); }},
      {{"CustomerName", SimType::text, "", "Customer Name"}, [](const RowCtx& r) { return text(r.b().account_name(r.base)); }},
      {{"CustomerId", SimType::reference, "", "Customer ID"},
       [](const RowCtx& r) { return text(std::to_string(r.customer_number())); }},
      {{"SalesforceAccountId", SimType::text, "", "Salesforce Account"},
       [](const RowCtx& r) { return text(r.b().account_id(r.base)); }},
      {{"TaxRegistrationNumber", SimType::text, "", "Tax Registration Number"},
       [](const RowCtx& r) {
         const std::string vat = r.b().account_vat_id(r.base);
         return vat.empty() ? SimValue(std::monostate{}) : text(vat);
       }},
      {{"CreationDate", SimType::datetime, "", "Creation Date"},
       [](const RowCtx& r) -> SimValue { return r.b().account_created(r.base); }},
      {{"LastUpdateDate", SimType::datetime, "", "Last Update Date"},
       [](const RowCtx& r) -> SimValue { return r.customer_modstamp(); }},
  };
  return columns;
}

}  // namespace

std::vector<SimTablePtr> make_oracle_tables(const CorePtr& core) {
  return {
      std::make_shared<ViewTable>(core, "receivablesInvoices", "LastUpdateDate", RowSet::billing, invoice_columns()),
      std::make_shared<ViewTable>(core, "receivablesInvoiceLines", "", RowSet::billing, invoice_line_columns()),
      std::make_shared<ViewTable>(core, "standardReceipts", "LastUpdateDate", RowSet::payments, receipt_columns()),
      std::make_shared<ViewTable>(core, "receivablesCustomerAccountActivities", "LastUpdateDate", RowSet::customers,
                                  account_columns()),
  };
}

}  // namespace o2c::sim::dataset
