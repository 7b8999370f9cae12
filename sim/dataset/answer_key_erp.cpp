// The answer key under another ERP's names: only the DATA_INVALID entries of
// NetSuite records change (source and object); ids are shared by every ERP.
#include <algorithm>

#include "sim/dataset/answer_key.h"
#include "sim/dataset/generated_table.h"

namespace o2c::sim::dataset {

const ErpObjects* erp_objects(std::string_view erp) {
  for (const auto& e : kErpObjects)
    if (iequals_ascii(e.erp, erp)) return &e;
  return nullptr;
}

std::vector<ExpectedException> name_for_erp(std::vector<ExpectedException> exceptions, const ErpObjects& erp,
                                            const SimTable& transactions) {
  const auto type_col = transactions.column_index("type", false);
  std::vector<ExpectedException> lines;
  for (auto& e : exceptions) {
    if (e.kind != "DATA_INVALID" || e.source != "netsuite") continue;
    std::string_view object = erp.customer;
    if (e.object == "transaction") {
      const auto row = transactions.find(e.record_id);
      const SimValue type = row && type_col ? transactions.value(*row, *type_col) : SimValue{};
      const auto* text = std::get_if<std::string>(&type);
      object = text && *text == "CustPymt" ? erp.payment : erp.invoice;
    }
    e.source = std::string(erp.erp);
    e.object = std::string(object);
    if (object == erp.invoice && !erp.invalid_line.empty()) {
      ExpectedException line = e;
      line.object = std::string(erp.invalid_line);  // the line id is the transaction id
      lines.push_back(std::move(line));
    }
  }
  exceptions.insert(exceptions.end(), lines.begin(), lines.end());
  std::sort(exceptions.begin(), exceptions.end(), listed_before);
  return exceptions;
}

}  // namespace o2c::sim::dataset
