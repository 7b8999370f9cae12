// The Oracle E-Business Suite view (DATA.md "EBS tables"): parties, customer
// accounts, transaction types, transactions and their lines here; payment
// schedules, receipts and applications in dataset_ebs_ar.cpp. Also the SQL
// schema of all of them (ebs_schema.h), from the same column lists.
#include "sim/dataset/dataset_ebs_columns.h"
#include "sim/dataset/ebs_schema.h"

namespace o2c::sim::dataset::ebs {

SimValue org_id(const RowCtx&) { return number(kOrgId); }
SimValue customer_created(const RowCtx& r) { return r.b().account_created(r.base); }
SimValue doc_created(const RowCtx& r) { return r.created(); }
SimValue doc_updated(const RowCtx& r) { return r.modstamp(); }

namespace {

SimValue customer_id(const RowCtx& r) { return text(std::to_string(r.customer_number())); }
SimValue customer_name(const RowCtx& r) { return text(r.b().account_name(r.base)); }
SimValue customer_updated(const RowCtx& r) { return r.customer_modstamp(); }
SimValue trx_id(const RowCtx& r) { return text(r.id()); }
SimValue bill_to(const RowCtx& r) { return text(r.customer_id()); }
SimValue memo(const RowCtx& r) { return text(r.b().doc_memo(r.doc)); }

const std::vector<ViewColumn>& party_columns() {
  static const std::vector<ViewColumn> columns{
      {{"PARTY_ID", SimType::id, "", ""}, customer_id, kNumber, kNotNull},
      {{"PARTY_NUMBER", SimType::text, "", ""}, customer_id, "varchar(30)", kNotNull},
      {{"PARTY_NAME", SimType::text, "", ""}, customer_name, "varchar(360)", kNotNull},
      {{"PARTY_TYPE", SimType::text, "", ""}, [](const RowCtx&) { return text("ORGANIZATION"); }, "varchar(30)", kNotNull},
      {{"STATUS", SimType::text, "", ""}, [](const RowCtx&) { return text("A"); }, "varchar(1)", kNotNull},
      {{"CREATION_DATE", SimType::datetime, "", ""}, customer_created, kDate, kNotNull},
      {{"LAST_UPDATE_DATE", SimType::datetime, "", ""}, customer_updated, kDate, kNotNull},
      {{"TAX_REFERENCE", SimType::text, "", ""},
       [](const RowCtx& r) {
         const std::string vat = r.b().account_vat_id(r.base);
         return vat.empty() ? SimValue(std::monostate{}) : text(vat);
       },
       "varchar(50)", kNullable},
  };
  return columns;
}

const std::vector<ViewColumn>& account_columns() {
  static const std::vector<ViewColumn> columns{
      {{"CUST_ACCOUNT_ID", SimType::id, "", ""}, customer_id, kNumber, kNotNull},
      {{"PARTY_ID", SimType::reference, "HZ_PARTIES", ""}, customer_id, kNumber, kNotNull},
      {{"ACCOUNT_NUMBER", SimType::text, "", ""}, customer_id, "varchar(30)", kNotNull},
      {{"ACCOUNT_NAME", SimType::text, "", ""}, customer_name, "varchar(240)", kNullable},
      {{"STATUS", SimType::text, "", ""}, [](const RowCtx&) { return text("A"); }, "varchar(1)", kNotNull},
      {{"CUSTOMER_TYPE", SimType::text, "", ""}, [](const RowCtx&) { return text("R"); }, "varchar(30)", kNullable},
      {{"ATTRIBUTE1", SimType::text, "", ""}, [](const RowCtx& r) { return text(r.b().account_id(r.base)); },
       "varchar(150)", kNullable},
      {{"CREATION_DATE", SimType::datetime, "", ""}, customer_created, kDate, kNotNull},
      {{"LAST_UPDATE_DATE", SimType::datetime, "", ""}, customer_updated, kDate, kNotNull},
  };
  return columns;
}

SimValue trx_status(const RowCtx& r) {
  if (r.voided()) return text("VD");
  return text(!r.bad_total() && r.remaining_cents() == 0 ? "CL" : "OP");
}

const std::vector<ViewColumn>& trx_columns() {
  static const std::vector<ViewColumn> columns{
      {{"CUSTOMER_TRX_ID", SimType::id, "", ""}, trx_id, kNumber, kNotNull},
      {{"TRX_NUMBER", SimType::text, "", ""}, [](const RowCtx& r) { return text(r.tranid()); }, "varchar(20)", kNotNull},
      {{"CUST_TRX_TYPE_ID", SimType::reference, "RA_CUST_TRX_TYPES_ALL", ""},
       [](const RowCtx& r) { return text(r.type == DocType::credit_memo ? "2" : "1"); }, kNumber, kNotNull},
      {{"TRX_DATE", SimType::date, "", ""}, [](const RowCtx& r) -> SimValue { return r.date(); }, kDate, kNotNull},
      {{"TERM_DUE_DATE", SimType::date, "", ""},
       [](const RowCtx& r) -> SimValue {
         const auto due = r.b().doc_due_date(r.doc);
         return due ? SimValue(*due) : SimValue(std::monostate{});
       },
       kDate, kNullable},
      {{"BILL_TO_CUSTOMER_ID", SimType::reference, "HZ_CUST_ACCOUNTS", ""}, bill_to, kNumber, kNotNull},
      {{"SOLD_TO_CUSTOMER_ID", SimType::reference, "HZ_CUST_ACCOUNTS", ""}, bill_to, kNumber, kNullable},
      {{"INVOICE_CURRENCY_CODE", SimType::text, "", ""}, [](const RowCtx& r) { return text(r.currency()); },
       "varchar(15)", kNotNull},
      {{"PURCHASE_ORDER", SimType::text, "", ""}, [](const RowCtx& r) { return text_or_null(r.b().doc_po(r.doc)); },
       "varchar(50)", kNullable},
      {{"COMPLETE_FLAG", SimType::text, "", ""}, [](const RowCtx&) { return text("Y"); }, "varchar(1)", kNotNull},
      {{"STATUS_TRX", SimType::text, "", ""}, trx_status, "varchar(30)", kNotNull},
      {{"PREVIOUS_CUSTOMER_TRX_ID", SimType::reference, "RA_CUSTOMER_TRX_ALL", ""},
       [](const RowCtx& r) {
         return r.type == DocType::credit_memo ? text(std::to_string(r.number() - 1)) : SimValue(std::monostate{});
       },
       kNumber, kNullable},
      {{"COMMENTS", SimType::text, "", ""}, memo, "varchar(1760)", kNullable},
      {{"ATTRIBUTE1", SimType::text, "", ""}, [](const RowCtx& r) { return text_or_null(r.b().doc_order_ref(r.doc)); },
       "varchar(150)", kNullable},
      {{"ORG_ID", SimType::decimal, "", ""}, org_id, kNumber, kNotNull},
      {{"CREATION_DATE", SimType::datetime, "", ""}, doc_created, kDate, kNotNull},
      {{"LAST_UPDATE_DATE", SimType::datetime, "", ""}, doc_updated, kDate, kNotNull},
  };
  return columns;
}

const std::vector<ViewColumn>& trx_line_columns() {
  static const std::vector<ViewColumn> columns{
      {{"CUSTOMER_TRX_LINE_ID", SimType::id, "", ""}, trx_id, kNumber, kNotNull},
      {{"CUSTOMER_TRX_ID", SimType::reference, "RA_CUSTOMER_TRX_ALL", ""}, trx_id, kNumber, kNotNull},
      {{"LINE_NUMBER", SimType::decimal, "", ""}, [](const RowCtx&) { return number(1); }, kNumber, kNotNull},
      {{"LINE_TYPE", SimType::text, "", ""}, [](const RowCtx&) { return text("LINE"); }, "varchar(20)", kNotNull},
      {{"DESCRIPTION", SimType::text, "", ""}, memo, "varchar(240)", kNullable},
      {{"QUANTITY_INVOICED", SimType::decimal, "", ""},
       [](const RowCtx& r) { return r.type == DocType::credit_memo ? SimValue(std::monostate{}) : number(1); }, kNumber,
       kNullable},
      {{"QUANTITY_CREDITED", SimType::decimal, "", ""},
       [](const RowCtx& r) -> SimValue {
         return r.type == DocType::credit_memo ? SimValue(Decimal{"-1"}) : SimValue(std::monostate{});
       },
       kNumber, kNullable},
      {{"UNIT_SELLING_PRICE", SimType::decimal, "", ""},
       [](const RowCtx& r) { return r.bad_total() ? SimValue(std::monostate{}) : money(magnitude(r.net_cents())); },
       kNumber, kNullable},
      {{"EXTENDED_AMOUNT", SimType::decimal, "", ""},
       [](const RowCtx& r) { return r.bad_total() ? SimValue(std::monostate{}) : money(r.net_cents()); }, kNumber,
       kNullable},  // NOT NULL in EBS; the planted invalid invoice has NULL
      {{"TAX_CLASSIFICATION_CODE", SimType::text, "", ""},
       [](const RowCtx& r) { return text(oracle_tax_classification(r.vat())); }, "varchar(50)", kNullable},
      {{"ORG_ID", SimType::decimal, "", ""}, org_id, kNumber, kNotNull},
      {{"CREATION_DATE", SimType::datetime, "", ""}, doc_created, kDate, kNotNull},
      {{"LAST_UPDATE_DATE", SimType::datetime, "", ""}, doc_updated, kDate, kNotNull},
  };
  return columns;
}

// RA_CUST_TRX_TYPES_ALL: two fixed rows.
const std::vector<EbsColumnDef>& trx_type_columns() {
  static const std::vector<EbsColumnDef> columns{{"CUST_TRX_TYPE_ID", SimType::id, "numeric", true},
                                                 {"NAME", SimType::text, "varchar(20)", true},
                                                 {"TYPE", SimType::text, "varchar(20)", true},
                                                 {"ORG_ID", SimType::decimal, "numeric", true}};
  return columns;
}

SimTablePtr make_trx_type_table() {
  std::vector<SimColumn> columns;
  for (const auto& c : trx_type_columns()) columns.push_back({c.name, c.type, "", ""});
  const auto row = [](const char* id, const char* name, const char* type) {
    return std::vector<SimValue>{std::string(id), std::string(name), std::string(type), Decimal{std::to_string(kOrgId)}};
  };
  return std::make_shared<VectorTable>("RA_CUST_TRX_TYPES_ALL", std::move(columns),
                                       std::vector<std::vector<SimValue>>{row("1", "Invoice", "INV"),
                                                                          row("2", "Credit Memo", "CM")});
}

struct ViewDef {
  const char* name;
  RowSet rows;
  const std::vector<ViewColumn>& (*columns)();
};

// In load order (parents first); RA_CUST_TRX_TYPES_ALL goes after HZ_CUST_ACCOUNTS.
constexpr ViewDef kViews[] = {
    {"HZ_PARTIES", RowSet::customers, party_columns},
    {"HZ_CUST_ACCOUNTS", RowSet::customers, account_columns},
    {"RA_CUSTOMER_TRX_ALL", RowSet::billing, trx_columns},
    {"RA_CUSTOMER_TRX_LINES_ALL", RowSet::billing, trx_line_columns},
    {"AR_PAYMENT_SCHEDULES_ALL", RowSet::documents, payment_schedule_columns},
    {"AR_CASH_RECEIPTS_ALL", RowSet::payments, cash_receipt_columns},
    {"AR_RECEIVABLE_APPLICATIONS_ALL", RowSet::payments, application_columns},
};

EbsTableDef table_def(const ViewDef& v) {
  EbsTableDef def{v.name, {}, "LAST_UPDATE_DATE"};
  for (const auto& c : v.columns())
    def.columns.push_back({c.column.name, c.column.type, std::string(c.sql_type), c.not_null});
  return def;
}

}  // namespace

}  // namespace o2c::sim::dataset::ebs

namespace o2c::sim {

const std::vector<EbsTableDef>& ebs_schema() {
  using namespace dataset::ebs;
  static const std::vector<EbsTableDef> schema = [] {
    std::vector<EbsTableDef> out;
    for (const auto& v : kViews) {
      out.push_back(table_def(v));
      if (out.size() == 2) out.push_back(EbsTableDef{"RA_CUST_TRX_TYPES_ALL", trx_type_columns(), ""});
    }
    return out;
  }();
  return schema;
}

namespace dataset {

std::vector<SimTablePtr> make_ebs_tables(const CorePtr& core) {
  std::vector<SimTablePtr> out;
  for (const auto& v : ebs::kViews) {
    out.push_back(std::make_shared<ViewTable>(core, v.name, "LAST_UPDATE_DATE", v.rows, v.columns()));
    if (out.size() == 2) out.push_back(ebs::make_trx_type_table());
  }
  return out;
}

}  // namespace dataset
}  // namespace o2c::sim
