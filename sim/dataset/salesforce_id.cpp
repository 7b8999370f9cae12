#include "sim/dataset/salesforce_id.h"

#include <stdexcept>

namespace o2c::sim::dataset {

namespace {

constexpr std::string_view kDigits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr std::string_view kChecksumChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
constexpr std::string_view kPod = "5g0";
constexpr std::size_t kNumberDigits = 9;

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  if (c >= 'a' && c <= 'z') return c - 'a' + 36;
  return -1;
}

// Salesforce's suffix: per 5-character chunk, a bit per upper-case letter.
void append_checksum(std::string& id15) {
  for (std::size_t chunk = 0; chunk < 3; ++chunk) {
    unsigned bits = 0;
    for (std::size_t k = 0; k < 5; ++k) {
      const char c = id15[chunk * 5 + k];
      if (c >= 'A' && c <= 'Z') bits |= 1U << k;
    }
    id15.push_back(kChecksumChars[bits]);
  }
}

}  // namespace

std::string salesforce_id(std::string_view prefix, std::uint64_t number) {
  if (number > kMaxSalesforceNumber) throw std::out_of_range("salesforce record number out of range");
  std::string id;
  id.reserve(18);
  id.append(prefix);
  id.append(kPod);
  char digits[kNumberDigits];
  for (std::size_t k = kNumberDigits; k-- > 0;) {
    digits[k] = kDigits[number % 62];
    number /= 62;
  }
  id.append(digits, kNumberDigits);
  append_checksum(id);
  return id;
}

std::optional<std::uint64_t> salesforce_id_number(std::string_view prefix, std::string_view id) {
  if (id.size() != 15 && id.size() != 18) return std::nullopt;
  if (id.substr(0, prefix.size()) != prefix || id.substr(prefix.size(), kPod.size()) != kPod) return std::nullopt;
  const std::size_t start = prefix.size() + kPod.size();
  if (start + kNumberDigits != 15) return std::nullopt;
  std::uint64_t number = 0;
  for (std::size_t k = start; k < 15; ++k) {
    const int v = digit_value(id[k]);
    if (v < 0) return std::nullopt;
    number = number * 62 + static_cast<std::uint64_t>(v);
  }
  if (id.size() == 18) {
    std::string check(id.substr(0, 15));
    append_checksum(check);
    if (check != id) return std::nullopt;
  }
  return number;
}

}  // namespace o2c::sim::dataset
