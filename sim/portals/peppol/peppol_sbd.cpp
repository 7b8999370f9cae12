#include "sim/portals/peppol/peppol_sbd.h"

#include <fmt/format.h>

#include "core/error.h"

namespace o2c::sim::portals::peppol {

namespace {

Participant participant(const pugi::xml_node& party) {
  const std::string id = text(child(party, "Identifier"));
  const auto colon = id.find(':');
  if (colon == std::string::npos) return Participant{"", id};
  return Participant{id.substr(0, colon), id.substr(colon + 1)};
}

std::string scope(const pugi::xml_node& header, std::string_view type) {
  for (pugi::xml_node s = child(child(header, "BusinessScope"), "Scope"); s; s = s.next_sibling())
    if (local_name(s) == "Scope" && text(child(s, "Type")) == type) return text(child(s, "InstanceIdentifier"));
  return {};
}

}  // namespace

Sbd read_sbd(const pugi::xml_node& root, std::string& code) {
  code = "INVALID_SBDH";
  if (local_name(root) != "StandardBusinessDocument")
    fail(Error::Kind::data, "the body is a <{}>, not a StandardBusinessDocument (SBDH + UBL)", root.name());
  const pugi::xml_node header = child(root, "StandardBusinessDocumentHeader");
  if (!header) fail(Error::Kind::data, "the StandardBusinessDocumentHeader is missing");
  Sbd sbd;
  sbd.sender = participant(child(header, "Sender"));
  sbd.receiver = participant(child(header, "Receiver"));
  sbd.instance_id = text(path(header, {"DocumentIdentification", "InstanceIdentifier"}));
  sbd.document_type = scope(header, "DOCUMENTID");
  sbd.process = scope(header, "PROCESSID");
  if (sbd.instance_id.empty()) fail(Error::Kind::data, "DocumentIdentification/InstanceIdentifier is missing");
  if (sbd.sender.scheme.empty() || sbd.receiver.scheme.empty())
    fail(Error::Kind::data, "Sender and Receiver identifiers must read SCHEME:VALUE (e.g. 0088:5790000435975)");
  if (sbd.document_type.empty()) fail(Error::Kind::data, "the DOCUMENTID business scope is missing");
  code = "VALIDATION_FAILED";
  pugi::xml_node payload;
  for (pugi::xml_node c = header.next_sibling(); c && !payload; c = c.next_sibling())
    if (c.type() == pugi::node_element) payload = c;
  if (!payload) fail(Error::Kind::data, "the SBD carries no business document after its header");
  sbd.invoice = read_invoice(payload);
  if (sbd.invoice.syntax != Syntax::ubl) fail(Error::Kind::data, "Peppol BIS Billing 3.0 documents are UBL, not CII");
  sbd.customization = text(child(payload, "CustomizationID"));
  return sbd;
}

}  // namespace o2c::sim::portals::peppol
