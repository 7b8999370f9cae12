// einvoice/vat_category.cpp — UNCL 5305 codes of the VAT categories.
#include <array>
#include <utility>

#include "einvoice/einvoice.h"

namespace o2c::einvoice {

namespace {
constexpr std::array<std::pair<VatCategory, std::string_view>, 7> kCodes{{
    {VatCategory::standard, "S"},
    {VatCategory::zero_rated, "Z"},
    {VatCategory::exempt, "E"},
    {VatCategory::reverse_charge, "AE"},
    {VatCategory::intra_eu_supply, "K"},
    {VatCategory::export_, "G"},
    {VatCategory::outside_scope, "O"},
}};
}  // namespace

std::string_view code(VatCategory c) {
  for (const auto& [category, text] : kCodes)
    if (category == c) return text;
  return "S";
}

std::optional<VatCategory> parse_vat_category(std::string_view text) {
  for (const auto& [category, code_text] : kCodes)
    if (code_text == text) return category;
  return std::nullopt;
}

}  // namespace o2c::einvoice
