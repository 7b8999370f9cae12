// The SAP S/4HANA view (DATA.md "SAP catalog"): A_Customer, A_BillingDocument
// with its items, and the customer lines of payments in
// A_OperationalAcctgDocItemCube. SAP strings are never null (absent = ""),
// billing document amounts are positive whatever the document type.
#include <chrono>

#include "sim/dataset/erp_view.h"

namespace o2c::sim::dataset {

namespace {

constexpr std::string_view kCompanyCode = "1010";

// Billing document amounts are positive whatever the document type; the
// planted invalid total is text where a decimal belongs.
SimValue net_amount(const RowCtx& r) { return r.bad_total() ? text("abc") : money(magnitude(r.net_cents())); }
SimValue gross_amount(const RowCtx& r) { return r.bad_total() ? text("abc") : money(magnitude(r.total_cents())); }
SimValue tax_amount(const RowCtx& r) { return money(magnitude(r.tax_cents())); }

const std::vector<ViewColumn>& customer_columns() {
  static const std::vector<ViewColumn> columns{
      {{"Customer", SimType::id, "", "Customer"}, [](const RowCtx& r) { return text(std::to_string(r.customer_number())); }},
      {{"CustomerName", SimType::text, "", "Name of Customer"}, [](const RowCtx& r) { return text(r.b().account_name(r.base)); }},
      {{"CustomerFullName", SimType::text, "", "Customer Full Name"},
       [](const RowCtx& r) { return text(r.b().account_name(r.base)); }},
      {{"CustomerAccountGroup", SimType::text, "", "Customer Account Group"}, [](const RowCtx&) { return text("CUST"); }},
      {{"YY1_SalesforceAccount_cus", SimType::text, "", "Salesforce Account"},
       [](const RowCtx& r) { return text(r.b().account_id(r.base)); }},
      {{"VATRegistration", SimType::text, "", "VAT Registration Number"},
       [](const RowCtx& r) { return text(r.b().account_vat_id(r.base)); }},
      {{"CreationDate", SimType::date, "", "Created On"},
       [](const RowCtx& r) -> SimValue { return day_of(r.b().account_created(r.base)); }},
      {{"DeletionIndicator", SimType::boolean, "", "Central Deletion Flag"}, [](const RowCtx&) -> SimValue { return false; }},
      {{"LastChangeDateTime", SimType::datetime, "", "Last Change Date Time"},
       [](const RowCtx& r) -> SimValue { return r.customer_modstamp(); }},
  };
  return columns;
}

const std::vector<ViewColumn>& billing_columns() {
  static const std::vector<ViewColumn> columns{
      {{"BillingDocument", SimType::id, "", "Billing Document"}, [](const RowCtx& r) { return text(r.id()); }},
      {{"BillingDocumentType", SimType::text, "", "Billing Type"},
       [](const RowCtx& r) { return text(r.type == DocType::credit_memo ? "G2" : "F2"); }},
      {{"SDDocumentCategory", SimType::text, "", "SD Document Category"},
       [](const RowCtx& r) { return text(r.type == DocType::credit_memo ? "O" : "M"); }},
      {{"CompanyCode", SimType::text, "", "Company Code"}, [](const RowCtx&) { return text(kCompanyCode); }},
      {{"BillingDocumentDate", SimType::date, "", "Billing Date"}, [](const RowCtx& r) -> SimValue { return r.date(); }},
      {{"CreationDate", SimType::date, "", "Created On"}, [](const RowCtx& r) -> SimValue { return day_of(r.created()); }},
      {{"SoldToParty", SimType::reference, "A_Customer", "Sold-to Party"}, [](const RowCtx& r) { return text(r.customer_id()); }},
      {{"PayerParty", SimType::reference, "A_Customer", "Payer"}, [](const RowCtx& r) { return text(r.customer_id()); }},
      {{"TransactionCurrency", SimType::text, "", "Document Currency"}, [](const RowCtx& r) { return text(r.currency()); }},
      {{"TotalNetAmount", SimType::decimal, "", "Net Value"}, net_amount},
      {{"TaxAmount", SimType::decimal, "", "Tax Amount"}, tax_amount},
      {{"TotalGrossAmount", SimType::decimal, "", "Gross Value"}, gross_amount},
      {{"PurchaseOrderByCustomer", SimType::text, "", "Customer Reference"},
       [](const RowCtx& r) { return text_or_empty(r.b().doc_po(r.doc)); }},
      {{"InvoiceClearingStatus", SimType::text, "", "Clearing Status"},
       [](const RowCtx& r) { return text(r.bad_total() ? "" : r.remaining_cents() == 0 ? "C" : "A"); }},
      {{"BillingDocumentIsCancelled", SimType::boolean, "", "Billing Document Is Cancelled"},
       [](const RowCtx& r) -> SimValue { return r.voided(); }},
      {{"LastChangeDateTime", SimType::datetime, "", "Last Change Date Time"},
       [](const RowCtx& r) -> SimValue { return r.modstamp(); }},
      {{"YY1_SalesforceOrder_BDH", SimType::text, "", "Salesforce Order"},
       [](const RowCtx& r) { return text_or_empty(r.b().doc_order_ref(r.doc)); }},
  };
  return columns;
}

const std::vector<ViewColumn>& billing_item_columns() {
  static const std::vector<ViewColumn> columns{
      {{"BillingDocument", SimType::reference, "A_BillingDocument", "Billing Document"},
       [](const RowCtx& r) { return text(r.id()); }},
      {{"BillingDocumentItem", SimType::text, "", "Billing Item"}, [](const RowCtx&) { return text("10"); }},
      {{"BillingDocumentItemText", SimType::text, "", "Item Description"},
       [](const RowCtx& r) { return text(r.b().doc_memo(r.doc)); }},
      {{"BillingQuantity", SimType::decimal, "", "Billed Quantity"}, [](const RowCtx&) { return number(1); }},
      {{"BillingQuantityUnit", SimType::text, "", "Sales Unit"}, [](const RowCtx&) { return text("EA"); }},
      {{"NetAmount", SimType::decimal, "", "Net Value"}, net_amount},
      {{"TransactionCurrency", SimType::text, "", "Document Currency"}, [](const RowCtx& r) { return text(r.currency()); }},
      {{"SalesDocument", SimType::text, "", "Sales Document"}, [](const RowCtx&) { return text(""); }},
      {{"TaxCode", SimType::text, "", "Tax Code"}, [](const RowCtx& r) { return text(sap_tax_code(r.vat())); }},
      {{"TaxAmount", SimType::decimal, "", "Tax Amount"}, tax_amount},
  };
  return columns;
}

const std::vector<ViewColumn>& payment_columns() {
  static const std::vector<ViewColumn> columns{
      {{"AccountingDocument", SimType::id, "", "Journal Entry"}, [](const RowCtx& r) { return text(r.id()); }},
      {{"CompanyCode", SimType::text, "", "Company Code"}, [](const RowCtx&) { return text(kCompanyCode); }},
      {{"FiscalYear", SimType::text, "", "Fiscal Year"},
       [](const RowCtx& r) { return text(std::to_string(static_cast<int>(std::chrono::year_month_day{r.date()}.year()))); }},
      {{"AccountingDocumentItem", SimType::text, "", "Journal Entry Item"}, [](const RowCtx&) { return text("001"); }},
      {{"AccountingDocumentType", SimType::text, "", "Journal Entry Type"}, [](const RowCtx&) { return text("DZ"); }},
      {{"FinancialAccountType", SimType::text, "", "Account Type"}, [](const RowCtx&) { return text("D"); }},
      {{"Customer", SimType::reference, "A_Customer", "Customer"}, [](const RowCtx& r) { return text(r.customer_id()); }},
      {{"PostingDate", SimType::date, "", "Posting Date"}, [](const RowCtx& r) -> SimValue { return r.date(); }},
      {{"DocumentDate", SimType::date, "", "Journal Entry Date"}, [](const RowCtx& r) -> SimValue { return r.date(); }},
      {{"DebitCreditCode", SimType::text, "", "Debit/Credit Code"}, [](const RowCtx&) { return text("H"); }},
      {{"AmountInTransactionCurrency", SimType::decimal, "", "Amount in Transaction Currency"},
       [](const RowCtx& r) { return money(-r.total_cents()); }},
      {{"TransactionCurrency", SimType::text, "", "Transaction Currency"}, [](const RowCtx& r) { return text(r.currency()); }},
      {{"DocumentReferenceID", SimType::text, "", "Reference"}, [](const RowCtx& r) { return text(r.b().doc_memo(r.doc)); }},
      {{"InvoiceReference", SimType::text, "", "Invoice Reference"},
       [](const RowCtx& r) { return text(std::to_string(r.paid_invoice_number())); }},
      {{"IsReversed", SimType::boolean, "", "Is Reversed"}, [](const RowCtx& r) -> SimValue { return r.voided(); }},
      {{"LastChangeDateTime", SimType::datetime, "", "Last Change Date Time"},
       [](const RowCtx& r) -> SimValue { return r.modstamp(); }},
  };
  return columns;
}

}  // namespace

std::vector<SimTablePtr> make_sap_tables(const CorePtr& core) {
  return {
      std::make_shared<ViewTable>(core, "A_Customer", "LastChangeDateTime", RowSet::customers, customer_columns()),
      std::make_shared<ViewTable>(core, "A_BillingDocument", "LastChangeDateTime", RowSet::billing, billing_columns()),
      std::make_shared<ViewTable>(core, "A_BillingDocumentItem", "", RowSet::billing, billing_item_columns()),
      std::make_shared<ViewTable>(core, "A_OperationalAcctgDocItemCube", "LastChangeDateTime", RowSet::payments,
                                  payment_columns()),
  };
}

}  // namespace o2c::sim::dataset
