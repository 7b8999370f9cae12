// The EBS receivables tables: AR_PAYMENT_SCHEDULES_ALL (one per transaction,
// payments included), AR_CASH_RECEIPTS_ALL and AR_RECEIVABLE_APPLICATIONS_ALL
// (one per payment: it applies to the invoice just before it).
#include "sim/dataset/dataset_ebs_columns.h"

namespace o2c::sim::dataset::ebs {

namespace {

SimValue doc_id(const RowCtx& r) { return text(r.id()); }
SimValue doc_date(const RowCtx& r) { return r.date(); }
SimValue currency(const RowCtx& r) { return text(r.currency()); }
SimValue customer(const RowCtx& r) { return text(r.customer_id()); }
SimValue paid_invoice(const RowCtx& r) { return text(std::to_string(r.paid_invoice_number())); }
SimValue payment_amount(const RowCtx& r) { return money(r.total_cents()); }
SimValue null_unless(bool present, SimValue v) { return present ? std::move(v) : SimValue(std::monostate{}); }

SimValue schedule_class(const RowCtx& r) {
  return text(r.type == DocType::payment ? "PMT" : r.type == DocType::credit_memo ? "CM" : "INV");
}

// Signed as EBS keeps it: invoices positive, credit memos and receipts negative.
SimValue amount_due_original(const RowCtx& r) {
  if (r.bad_total()) return std::monostate{};  // NOT NULL in EBS: the planted invalid invoice
  return money(r.type == DocType::payment ? -r.total_cents() : r.total_cents());
}

// The parts of AMOUNT_DUE_ORIGINAL: lines (before VAT) and tax, signed alike.
SimValue line_items_original(const RowCtx& r) {
  if (r.type == DocType::payment) return std::monostate{};
  return r.bad_total() ? SimValue(std::monostate{}) : money(r.net_cents());
}

SimValue tax_original(const RowCtx& r) {
  return r.type == DocType::payment ? SimValue(std::monostate{}) : money(r.tax_cents());
}

SimValue amount_due_remaining(const RowCtx& r) {
  if (r.bad_total()) return std::monostate{};
  return money(r.remaining_cents());
}

SimValue schedule_status(const RowCtx& r) { return text(r.bad_total() || r.remaining_cents() != 0 ? "OP" : "CL"); }

SimValue due_date(const RowCtx& r) {
  const auto due = r.b().doc_due_date(r.doc);
  return due ? SimValue(*due) : SimValue(r.date());
}

}  // namespace

const std::vector<ViewColumn>& payment_schedule_columns() {
  static const std::vector<ViewColumn> columns{
      {{"PAYMENT_SCHEDULE_ID", SimType::id, "", ""}, doc_id, kNumber, kNotNull},
      {{"CUSTOMER_TRX_ID", SimType::reference, "RA_CUSTOMER_TRX_ALL", ""},
       [](const RowCtx& r) { return null_unless(r.type != DocType::payment, text(r.id())); }, kNumber, kNullable},
      {{"CASH_RECEIPT_ID", SimType::reference, "AR_CASH_RECEIPTS_ALL", ""},
       [](const RowCtx& r) { return null_unless(r.type == DocType::payment, text(r.id())); }, kNumber, kNullable},
      {{"CLASS", SimType::text, "", ""}, schedule_class, "varchar(20)", kNotNull},
      {{"STATUS", SimType::text, "", ""}, schedule_status, "varchar(30)", kNotNull},
      {{"TRX_NUMBER", SimType::text, "", ""}, [](const RowCtx& r) { return text(r.tranid()); }, "varchar(30)", kNotNull},
      {{"TRX_DATE", SimType::date, "", ""}, doc_date, kDate, kNotNull},
      {{"DUE_DATE", SimType::date, "", ""}, due_date, kDate, kNotNull},
      {{"AMOUNT_DUE_ORIGINAL", SimType::decimal, "", ""}, amount_due_original, kNumber, kNullable},
      {{"AMOUNT_DUE_REMAINING", SimType::decimal, "", ""}, amount_due_remaining, kNumber, kNullable},
      {{"AMOUNT_LINE_ITEMS_ORIGINAL", SimType::decimal, "", ""}, line_items_original, kNumber, kNullable},
      {{"TAX_ORIGINAL", SimType::decimal, "", ""}, tax_original, kNumber, kNullable},
      {{"AMOUNT_APPLIED", SimType::decimal, "", ""},
       [](const RowCtx& r) { return null_unless(r.type == DocType::invoice && r.paid(), money(r.total_cents())); },
       kNumber, kNullable},
      {{"INVOICE_CURRENCY_CODE", SimType::text, "", ""}, currency, "varchar(15)", kNotNull},
      {{"CUSTOMER_ID", SimType::reference, "HZ_CUST_ACCOUNTS", ""}, customer, kNumber, kNotNull},
      {{"ORG_ID", SimType::decimal, "", ""}, org_id, kNumber, kNotNull},
      {{"CREATION_DATE", SimType::datetime, "", ""}, doc_created, kDate, kNotNull},
      {{"LAST_UPDATE_DATE", SimType::datetime, "", ""}, doc_updated, kDate, kNotNull},
  };
  return columns;
}

const std::vector<ViewColumn>& cash_receipt_columns() {
  static const std::vector<ViewColumn> columns{
      {{"CASH_RECEIPT_ID", SimType::id, "", ""}, doc_id, kNumber, kNotNull},
      {{"RECEIPT_NUMBER", SimType::text, "", ""}, [](const RowCtx& r) { return text(r.tranid()); }, "varchar(30)",
       kNotNull},
      {{"RECEIPT_DATE", SimType::date, "", ""}, doc_date, kDate, kNotNull},
      {{"AMOUNT", SimType::decimal, "", ""}, payment_amount, kNumber, kNotNull},
      {{"CURRENCY_CODE", SimType::text, "", ""}, currency, "varchar(15)", kNotNull},
      {{"PAY_FROM_CUSTOMER", SimType::reference, "HZ_CUST_ACCOUNTS", ""}, customer, kNumber, kNullable},
      {{"COMMENTS", SimType::text, "", ""}, [](const RowCtx& r) { return text(r.b().doc_memo(r.doc)); }, "varchar(2000)",
       kNullable},
      {{"STATUS", SimType::text, "", ""}, [](const RowCtx& r) { return text(r.voided() ? "REV" : "APP"); }, "varchar(30)",
       kNotNull},
      {{"TYPE", SimType::text, "", ""}, [](const RowCtx&) { return text("CASH"); }, "varchar(20)", kNotNull},
      {{"REVERSAL_DATE", SimType::date, "", ""},
       [](const RowCtx& r) { return null_unless(r.voided(), SimValue(r.b().today())); }, kDate, kNullable},
      {{"ORG_ID", SimType::decimal, "", ""}, org_id, kNumber, kNotNull},
      {{"CREATION_DATE", SimType::datetime, "", ""}, doc_created, kDate, kNotNull},
      {{"LAST_UPDATE_DATE", SimType::datetime, "", ""}, doc_updated, kDate, kNotNull},
  };
  return columns;
}

const std::vector<ViewColumn>& application_columns() {
  static const std::vector<ViewColumn> columns{
      {{"RECEIVABLE_APPLICATION_ID", SimType::id, "", ""}, doc_id, kNumber, kNotNull},
      {{"CASH_RECEIPT_ID", SimType::reference, "AR_CASH_RECEIPTS_ALL", ""}, doc_id, kNumber, kNullable},
      {{"PAYMENT_SCHEDULE_ID", SimType::reference, "AR_PAYMENT_SCHEDULES_ALL", ""}, doc_id, kNumber, kNotNull},
      {{"APPLIED_CUSTOMER_TRX_ID", SimType::reference, "RA_CUSTOMER_TRX_ALL", ""}, paid_invoice, kNumber, kNullable},
      {{"APPLIED_PAYMENT_SCHEDULE_ID", SimType::reference, "AR_PAYMENT_SCHEDULES_ALL", ""}, paid_invoice, kNumber,
       kNullable},
      {{"AMOUNT_APPLIED", SimType::decimal, "", ""}, payment_amount, kNumber, kNotNull},
      {{"APPLY_DATE", SimType::date, "", ""}, doc_date, kDate, kNotNull},
      {{"GL_DATE", SimType::date, "", ""}, doc_date, kDate, kNotNull},
      {{"STATUS", SimType::text, "", ""}, [](const RowCtx&) { return text("APP"); }, "varchar(30)", kNotNull},
      {{"DISPLAY", SimType::text, "", ""}, [](const RowCtx& r) { return text(r.voided() ? "N" : "Y"); }, "varchar(1)",
       kNotNull},
      {{"APPLICATION_TYPE", SimType::text, "", ""}, [](const RowCtx&) { return text("CASH"); }, "varchar(20)", kNotNull},
      {{"ORG_ID", SimType::decimal, "", ""}, org_id, kNumber, kNotNull},
      {{"CREATION_DATE", SimType::datetime, "", ""}, doc_created, kDate, kNotNull},
      {{"LAST_UPDATE_DATE", SimType::datetime, "", ""}, doc_updated, kDate, kNotNull},
  };
  return columns;
}

}  // namespace o2c::sim::dataset::ebs
