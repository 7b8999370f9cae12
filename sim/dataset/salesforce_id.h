// sim/dataset/salesforce_id.h — 18-character Salesforce record ids that sort
// byte-wise in row order: key prefix (3) + pod "5g" + "0" + the record number
// in 9 base-62 digits whose alphabet is in ASCII order (0-9A-Za-z), then the
// 3-character case-folding checksum Salesforce appends to 15-character ids.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace o2c::sim::dataset {

inline constexpr std::uint64_t kMaxSalesforceNumber = 13537086546263551ULL;  // 62^9 - 1

// Throws std::out_of_range when number > kMaxSalesforceNumber; prefix is 3 chars.
std::string salesforce_id(std::string_view prefix, std::uint64_t number);

// The record number of a 15- or 18-character id with this prefix, or nullopt
// when the id is not one this encoding produces (wrong prefix/pod, bad digit,
// wrong checksum).
std::optional<std::uint64_t> salesforce_id_number(std::string_view prefix, std::string_view id);

}  // namespace o2c::sim::dataset
