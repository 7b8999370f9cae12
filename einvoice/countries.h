// einvoice/countries.h — country codes for addresses (BR-CL-14) and VAT
// identifier prefixes (BR-CO-09). Internal to einvoice/.
#pragma once

#include <string_view>

namespace o2c::einvoice::detail {

bool is_country_code(std::string_view code);      // "FR", "DE", "1A", "XI"; exact case
bool has_vat_prefix(std::string_view vat_id);     // "FR40303265045", "EL123456789"

}  // namespace o2c::einvoice::detail
