// sim/salesforce/salesforce_records.h
// One query result record as Salesforce writes it: the `attributes` object
// first, then the selected fields in SELECT order under their canonical
// names, relationship fields as nested records (or null when the reference is
// null or points nowhere).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sim/salesforce/soql_plan.h"

namespace o2c::sim::salesforce {

void append_record(std::string& out, const SimTable& table, std::size_t row,
                   const std::vector<soql::SelectNode>& select, std::string_view version);

}  // namespace o2c::sim::salesforce
