// einvoice/ubl.h — the UBL 2.1 builder, shared by write_ubl and write_sbdh.
// Internal to einvoice/.
#pragma once

#include <pugixml.hpp>

#include "einvoice/einvoice.h"

namespace o2c::einvoice::detail {

// Appends the Invoice / CreditNote element to `parent`, in the XSD's element order.
pugi::xml_node build_ubl(pugi::xml_node parent, const Document& doc, const Totals& totals, Profile profile);

// Parts, in ubl_parts.cpp.
void add_ubl_party(pugi::xml_node parent, const char* role, const Party& party);
void add_ubl_payment(pugi::xml_node root, const Document& doc);
void add_ubl_line(pugi::xml_node root, const Document& doc, const Line& line);

}  // namespace o2c::einvoice::detail
