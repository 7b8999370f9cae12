// sim/dataset/name_pools.h — the text the generated business is written in:
// company names per country (some non-ASCII, as real CRMs hold them), order
// descriptions and document memos. Built once, immutable, so a served value
// is a copy of a pooled string rather than text formatted per call.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "sim/dataset/business.h"

namespace o2c::sim::dataset {

// The names of accounts 0, 1, 2 (FR, DE, ES): the examples DATA.md promises.
inline constexpr std::size_t kFixedCompanyNames = 3;
const std::string& fixed_company_name(std::size_t k);
Country fixed_company_country(std::size_t k);

// A company name of that country, chosen by `draw` among a few hundred.
const std::string& company_name(Country country, std::uint64_t draw);

std::string_view order_description(std::uint64_t draw);
std::string_view invoice_memo(std::uint64_t draw);

}  // namespace o2c::sim::dataset
