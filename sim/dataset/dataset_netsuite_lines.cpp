// The NetSuite tables transactionline (the item line of each invoice and
// credit memo) and salestaxitem (the tax codes those lines carry), DATA.md
// "NetSuite tables". A line is a view of its transaction row, so mutations of
// the transaction show in it.
#include "sim/dataset/dataset_core.h"
#include "sim/dataset/erp_view.h"

namespace o2c::sim::dataset {

namespace {

const std::vector<ViewColumn>& line_columns() {
  static const std::vector<ViewColumn> columns{
      {{"uniquekey", SimType::id, "", "Unique Key"}, [](const RowCtx& r) { return text(r.id()); }},
      {{"transaction", SimType::reference, "transaction", "Transaction"}, [](const RowCtx& r) { return text(r.id()); }},
      {{"id", SimType::text, "", "Line ID"}, [](const RowCtx&) { return text("1"); }},
      {{"linesequencenumber", SimType::decimal, "", "Line Sequence Number"}, [](const RowCtx&) { return number(1); }},
      {{"mainline", SimType::boolean, "", "Main Line"}, [](const RowCtx&) -> SimValue { return false; }},
      {{"item", SimType::text, "", "Item"},
       [](const RowCtx& r) { return text(r.vat() == VatTreatment::exempt ? "TRAINING" : "SUBSCRIPTION"); }},
      {{"memo", SimType::text, "", "Memo"}, [](const RowCtx& r) { return text(r.b().description(r.doc.order)); }},
      {{"quantity", SimType::decimal, "", "Quantity"}, [](const RowCtx&) { return number(1); }},
      // The planted invalid total is on the header only: the line is sound.
      {{"rate", SimType::decimal, "", "Item Rate"}, [](const RowCtx& r) { return money(magnitude(r.net_cents())); }},
      {{"netamount", SimType::decimal, "", "Amount (Net)"}, [](const RowCtx& r) { return money(r.net_cents()); }},
      {{"taxcode", SimType::reference, "salestaxitem", "Tax Code"},
       [](const RowCtx& r) { return text(netsuite_tax_item(r.vat())); }},
      {{"taxamount", SimType::decimal, "", "Tax Amount"}, [](const RowCtx& r) { return money(r.tax_cents()); }},
      {{"linelastmodifieddate", SimType::datetime, "", "Line Last Modified"},
       [](const RowCtx& r) -> SimValue { return r.modstamp(); }},
  };
  return columns;
}

}  // namespace

SimTablePtr make_transaction_line_table(const CorePtr& core) {
  return std::make_shared<ViewTable>(core, "transactionline", "linelastmodifieddate", RowSet::billing, line_columns());
}

SimTablePtr make_sales_tax_item_table() {
  const auto row = [](std::string_view id, const char* itemid, const char* rate, const char* description) {
    return std::vector<SimValue>{std::string(id), std::string(itemid), Decimal{rate}, std::string(description)};
  };
  return std::make_shared<VectorTable>(
      "salestaxitem",
      std::vector<SimColumn>{{"id", SimType::id, "", "Internal ID"},
                             {"itemid", SimType::text, "", "Tax Code"},
                             {"rate", SimType::decimal, "", "Rate"},
                             {"description", SimType::text, "", "Description"}},
      std::vector<std::vector<SimValue>>{
          row(netsuite_tax_item(VatTreatment::standard), "FR-S-20", "20.00", "France standard rate"),
          row(netsuite_tax_item(VatTreatment::exempt), "FR-E-0", "0.00", "Exempt: professional training"),
          row(netsuite_tax_item(VatTreatment::reverse_charge), "EU-RC-0", "0.00", "Intra-EU reverse charge"),
          row(netsuite_tax_item(VatTreatment::export_), "EXPORT-0", "0.00", "Export outside the EU")});
}

}  // namespace o2c::sim::dataset
