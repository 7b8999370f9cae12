// sim/portals/portal_xml.h — reading the XML the portals receive (UBL, CII,
// cXML, SBD) with pugixml, by local element name so that any namespace
// prefix works, and the UBL / CII invoice fields the portals check.
// No DTD or schema is ever fetched.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <pugixml.hpp>

namespace o2c::sim::portals {

std::string_view local_name(const pugi::xml_node& node);
// The first child element with that local name, or an empty node.
pugi::xml_node child(const pugi::xml_node& node, std::string_view local);
// child(child(...)) along the path.
pugi::xml_node path(pugi::xml_node node, std::initializer_list<std::string_view> locals);
// Trimmed text of the node ("" for an empty node).
std::string text(const pugi::xml_node& node);
// Parses `xml`; nullopt with `error` set ("line 3: ...") when malformed. DOCTYPEs are skipped.
std::optional<pugi::xml_document> parse_xml(std::string_view xml, std::string& error);
// Escapes &, <, >, " for text and attribute values.
std::string xml_escape(std::string_view s);

enum class Syntax { ubl, cii };

struct PartyIds {
  std::string endpoint, endpoint_scheme;     // BT-34 / BT-49
  std::string legal, legal_scheme;           // BT-30 / BT-47 (SIRET with scheme 0009)
  std::string vat;                           // BT-31 / BT-48
  bool has(std::string_view scheme, std::string_view value) const;   // endpoint or legal id
};

// What a portal reads from a UBL Invoice / CreditNote or a CII CrossIndustryInvoice.
struct ReceivedInvoice {
  Syntax syntax = Syntax::ubl;
  bool credit_note = false;
  std::string number;           // BT-1
  std::string issue_date;       // BT-2, ISO "2026-11-24"
  std::string currency;         // BT-5 ("" when absent)
  std::string buyer_reference;  // BT-10
  std::string purchase_order;   // BT-13
  std::string payable;          // BT-115 as written
  PartyIds seller, buyer;
};

// Which syntax the root element is, or nullopt (another document).
std::optional<Syntax> syntax_of(const pugi::xml_node& root);
// Reads an invoice whose root is `root`. Throws Error(data) naming what is
// missing when it is not a UBL/CII invoice or has no number.
ReceivedInvoice read_invoice(const pugi::xml_node& root);

}  // namespace o2c::sim::portals
