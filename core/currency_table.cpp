// ISO 4217 active currency codes with their minor-unit exponents (List One,
// as published by the ISO 4217 maintenance agency). Codes not listed with an
// exponent have 2 decimals.
#include <array>
#include <string_view>

namespace o2c::detail {

namespace {
constexpr auto kActiveCodes = std::to_array<std::string_view>({
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN",
    "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF",
    "CLF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN",
    "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL",
    "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR",
    "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL",
    "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN", "NAD", "NGN",
    "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON",
    "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP",
    "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH",
    "UGX", "USD", "UYI", "UYU", "UYW", "UZS", "VES", "VND", "VUV", "WST", "XAF", "XCD", "XOF", "XPF",
    "YER", "ZAR", "ZMW", "ZWL", "XCG"});
constexpr auto kZeroDecimals = std::to_array<std::string_view>({
    "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG",
    "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"});
constexpr auto kThreeDecimals = std::to_array<std::string_view>({"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"});
constexpr auto kFourDecimals = std::to_array<std::string_view>({"CLF", "UYW"});

constexpr int kLetters = 26;
constexpr int index_of(std::string_view code) {
  return ((code[0] - 'A') * kLetters + (code[1] - 'A')) * kLetters + (code[2] - 'A');
}

// One byte per possible three-letter code: the exponent, or -1 when the code
// is not an active currency. Built at compile time; a lookup is one load
// (it runs for every amount of every record).
constexpr std::array<signed char, kLetters * kLetters * kLetters> kExponents = [] {
  std::array<signed char, kLetters * kLetters * kLetters> table{};
  for (auto& e : table) e = -1;
  for (auto code : kActiveCodes) table[index_of(code)] = 2;
  for (auto code : kZeroDecimals) table[index_of(code)] = 0;
  for (auto code : kThreeDecimals) table[index_of(code)] = 3;
  for (auto code : kFourDecimals) table[index_of(code)] = 4;
  return table;
}();
}  // namespace

// -1 when the code is not an active ISO 4217 currency.
int currency_exponent(std::string_view code) {
  if (code.size() != 3) return -1;
  for (char c : code)
    if (c < 'A' || c > 'Z') return -1;
  return kExponents[static_cast<std::size_t>(index_of(code))];
}

}  // namespace o2c::detail
