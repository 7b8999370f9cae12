// einvoice/rules_lines.cpp — EN 16931 line rules (BR-21..BR-27, BR-30) and
// ours: decimals that parse, one currency, no negative quantity on an
// invoice, and a line net that is quantity × price.
#include <set>

#include <fmt/format.h>

#include "einvoice/decimal.h"
#include "einvoice/rules.h"
#include "einvoice/vat.h"

namespace o2c::einvoice::detail {

namespace {

void add(Violations& out, std::string rule, std::string message) {
  out.push_back(RuleViolation{std::move(rule), std::move(message)});
}

// |net − quantity × price| <= 0.02, exactly (PEPPOL-EN16931-R120's slack).
bool net_matches(Money net, Decimal quantity, Decimal price) {
  const int scale = quantity.scale + price.scale;             // of quantity × price
  const int exponent = net.currency().exponent();
  const Wide product = static_cast<Wide>(quantity.units) * price.units * pow10(exponent);
  const Wide net_scaled = static_cast<Wide>(net.minor()) * pow10(scale);
  const Wide diff = product > net_scaled ? product - net_scaled : net_scaled - product;
  // diff / 10^(scale+exponent) <= 2 / 100
  return diff * 100 <= 2 * pow10(scale + exponent);
}

void check_amounts(const Document& doc, const Line& line, Profile profile, Violations& out) {
  const auto quantity = parse_decimal(line.quantity);
  const auto price = parse_decimal(line.unit_price);
  if (!line.quantity.empty() && !quantity)
    add(out, "O2C-DECIMAL", fmt::format("line {}: quantity (BT-129) '{}' is not a decimal number", line.id, line.quantity));
  if (!line.unit_price.empty() && !price)
    add(out, "O2C-DECIMAL", fmt::format("line {}: net price (BT-146) '{}' is not a decimal number", line.id, line.unit_price));
  if (!line_rate(line))
    add(out, "O2C-DECIMAL",
        fmt::format("line {}: VAT rate (BT-152) '{}' is not a non-negative decimal percent", line.id, line.rate));
  if (price && price->is_negative())
    add(out, "BR-27", fmt::format("line {}: net price (BT-146) {} is negative; put the sign on the quantity", line.id, line.unit_price));
  if (quantity && quantity->is_negative() && doc.type == DocumentType::invoice)
    add(out, "O2C-NEGATIVE-QTY",
        fmt::format("line {}: negative quantity {} on a commercial invoice (380): issue a credit note (381) instead",
                    line.id, line.quantity));
  if (doc.currency.is_set() && !(line.net_amount.currency() == doc.currency)) {
    add(out, "O2C-CURRENCY",
        fmt::format("line {}: net amount (BT-131) is in {} but the document currency (BT-5) is {}", line.id,
                    line.net_amount.currency().code(), doc.currency.code()));
    return;
  }
  if (quantity && price && !net_matches(line.net_amount, *quantity, *price))
    add(out, profile == Profile::peppol_bis3 ? "PEPPOL-EN16931-R120" : "O2C-LINE-NET",
        fmt::format("line {}: net amount (BT-131) {} is not quantity {} × price {} (to 0.02)", line.id,
                    line.net_amount.to_decimal(), line.quantity, line.unit_price));
}

void check_line(const Document& doc, const Line& line, Profile profile, Violations& out) {
  if (line.id.empty()) add(out, "BR-21", "a line has no line identifier (BT-126)");
  if (line.quantity.empty()) add(out, "BR-22", fmt::format("line {}: invoiced quantity (BT-129) is empty", line.id));
  if (line.unit_code.empty())
    add(out, "BR-23", fmt::format("line {}: unit of measure (BT-130) is empty; use a UN/ECE Rec 20 code such as C62", line.id));
  if (line.name.empty()) add(out, "BR-25", fmt::format("line {}: item name (BT-153) is empty", line.id));
  if (line.unit_price.empty()) add(out, "BR-26", fmt::format("line {}: item net price (BT-146) is empty", line.id));
  if (line.period_start && line.period_end && *line.period_end < *line.period_start)
    add(out, "BR-30", fmt::format("line {}: period end date (BT-135) is before its start date (BT-134)", line.id));
  check_amounts(doc, line, profile, out);
}

}  // namespace

void check_lines(const Document& doc, Profile profile, Violations& out) {
  std::set<std::string> ids;
  for (const Line& line : doc.lines) {
    check_line(doc, line, profile, out);
    if (!line.id.empty() && !ids.insert(line.id).second)
      add(out, "O2C-LINE-ID", fmt::format("line identifier (BT-126) '{}' is used by more than one line", line.id));
  }
  for (const auto* amount : {&doc.prepaid, &doc.rounding}) {
    if (*amount && doc.currency.is_set() && !((*amount)->currency() == doc.currency))
      add(out, "O2C-CURRENCY",
          fmt::format("{} is in {} but the document currency (BT-5) is {}",
                      amount == &doc.prepaid ? "paid amount (BT-113)" : "rounding amount (BT-114)",
                      (*amount)->currency().code(), doc.currency.code()));
  }
}

}  // namespace o2c::einvoice::detail
