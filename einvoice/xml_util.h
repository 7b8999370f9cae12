// einvoice/xml_util.h — small pugixml helpers shared by the writers: every
// document is built as a DOM and serialized once, never concatenated.
// Internal to einvoice/.
#pragma once

#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "core/money.h"
#include "einvoice/einvoice.h"

namespace o2c::einvoice::detail {

pugi::xml_node add(pugi::xml_node parent, const char* name);
pugi::xml_node add_text(pugi::xml_node parent, const char* name, std::string_view text);
// Only when `text` is not empty (Peppol R008: no empty elements).
void add_optional(pugi::xml_node parent, const char* name, std::string_view text);
void set_attr(pugi::xml_node node, const char* name, std::string_view value);
// <name currencyID="EUR">1200.50</name>: exactly the currency's decimals.
pugi::xml_node add_amount(pugi::xml_node parent, const char* name, Money amount);

// A new document with <?xml version="1.0" encoding="UTF-8"?>.
void add_declaration(pugi::xml_document& doc);
std::string serialize(const pugi::xml_document& doc);

std::string base64(std::string_view bytes);

// Throws Error(data) naming the first broken rule: a broken document is never written.
void ensure_sendable(const Document& doc, Profile profile);

}  // namespace o2c::einvoice::detail
