// einvoice/check.cpp — check(): every rule set for the profile, then the
// rules that need the totals when the data lets them be computed.
#include "core/error.h"
#include "einvoice/rules.h"

namespace o2c::einvoice {

std::vector<RuleViolation> check(const Document& doc, Profile profile) {
  detail::Violations out;
  detail::check_header(doc, out);
  detail::check_lines(doc, profile, out);
  detail::check_vat(doc, out);
  if (profile == Profile::peppol_bis3) detail::check_peppol(doc, out);
  try {
    detail::check_totals(doc, compute_totals(doc), out);
  } catch (const Error&) {
    // The totals cannot be computed: an unset currency, a foreign currency or
    // a rate that is not a decimal, each already reported above.
  }
  return out;
}

}  // namespace o2c::einvoice
