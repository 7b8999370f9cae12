// sim/dataset/answer_key_portals.h — what the answer key expects from the
// push of every invoice and credit memo of a routed customer (DATA.md
// "Portals", "What a correct push reports"): PORTAL_NOT_SUBMITTED when no
// valid e-invoice can be made, PORTAL_REJECTED when the portal refuses it or
// the buyer rejects it. Fed the documents the answer key reads, in one pass.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "sim/dataset/answer_key_records.h"
#include "sim/dataset/portal_directory.h"

namespace o2c::sim::dataset {

class PortalExpectations {
 public:
  PortalExpectations(const KeyRecords& records, const SimCatalog& netsuite, const PortalDirectory& portals);
  void visit(const KeyDocument& d);
  std::vector<ExpectedException> take() { return std::move(out_); }

 private:
  std::string sent_po(const KeyDocument& d, const std::string& invoice_po) const;
  bool reverse_charge_without_vat_id(const KeyDocument& d) const;

  const KeyRecords& r_;
  const SimTable& customers_;
  const SimTable& lines_;
  const SimTable& tax_items_;
  const PortalDirectory& portals_;
  std::size_t customer_id_col_, vat_col_, line_tax_col_, tax_item_code_col_;
  // (account, normalised PO) → the signed order's PO as written
  std::unordered_map<std::string, std::uint32_t> order_of_po_;
  std::vector<ExpectedException> out_;
};

}  // namespace o2c::sim::dataset
