// sim/portals/peppol/peppol_sbd.h — what the access point reads from a
// Standard Business Document: the SBDH routing (sender, receiver, instance
// identifier, document type and process) and the UBL invoice inside.
#pragma once

#include <string>
#include <string_view>

#include "sim/portals/portal_xml.h"

namespace o2c::sim::portals::peppol {

inline constexpr std::string_view kInvoiceDocType =
    "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2::Invoice##urn:cen.eu:en16931:2017#compliant#"
    "urn:fdc:peppol.eu:2017:poacc:billing:3.0::2.1";
inline constexpr std::string_view kCreditNoteDocType =
    "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2::CreditNote##urn:cen.eu:en16931:2017#compliant#"
    "urn:fdc:peppol.eu:2017:poacc:billing:3.0::2.1";
inline constexpr std::string_view kBis3Customization =
    "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";

struct Participant {
  std::string scheme, value;          // "0088", "5790000435975" from "0088:5790000435975"
  std::string text() const { return scheme + ":" + value; }
};

struct Sbd {
  Participant sender, receiver;
  std::string instance_id;            // DocumentIdentification/InstanceIdentifier
  std::string document_type;          // BusinessScope DOCUMENTID
  std::string process;                // BusinessScope PROCESSID
  std::string customization;          // the UBL's cbc:CustomizationID
  ReceivedInvoice invoice;
};

// Throws Error(data) with a message for the AP's VALIDATION_FAILED / INVALID_SBDH answers;
// `code` names which ("INVALID_SBDH" or "VALIDATION_FAILED").
Sbd read_sbd(const pugi::xml_node& root, std::string& code);

}  // namespace o2c::sim::portals::peppol
