// einvoice/cii.h — parts of the UN/CEFACT CII D16B writer. Internal to einvoice/.
#pragma once

#include <pugixml.hpp>

#include "einvoice/einvoice.h"

namespace o2c::einvoice::detail {

// <name><udt:DateTimeString format="102">20240501</udt:DateTimeString></name>
void add_cii_date(pugi::xml_node parent, const char* name, Date date, const char* inner = "udt:DateTimeString");
void add_cii_party(pugi::xml_node parent, const char* name, const Party& party);
void add_cii_line(pugi::xml_node transaction, const Line& line);

}  // namespace o2c::einvoice::detail
