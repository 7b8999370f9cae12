// sim/dataset/dataset_ebs_columns.h — the column lists of the EBS views
// (dataset_ebs.cpp: customers and transactions; dataset_ebs_ar.cpp:
// payment schedules, receipts, applications) and the SQL vocabulary they use.
#pragma once

#include <string_view>
#include <vector>

#include "sim/dataset/erp_view.h"

namespace o2c::sim::dataset::ebs {

inline constexpr std::string_view kNumber = "numeric";
inline constexpr std::string_view kDate = "timestamp without time zone";
inline constexpr bool kNotNull = true, kNullable = false;
inline constexpr std::uint64_t kOrgId = 204;

SimValue org_id(const RowCtx&);
SimValue customer_created(const RowCtx& r);
SimValue doc_created(const RowCtx& r);
SimValue doc_updated(const RowCtx& r);

const std::vector<ViewColumn>& payment_schedule_columns();
const std::vector<ViewColumn>& cash_receipt_columns();
const std::vector<ViewColumn>& application_columns();

}  // namespace o2c::sim::dataset::ebs
