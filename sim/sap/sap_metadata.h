// sim/sap/sap_metadata.h
// A service's $metadata (EDMX: entity types with their properties, EDM types
// and keys, navigation properties, the entity container) in the V2 (EDMX 1.0,
// sap: annotations) or V4 (EDMX 4.0) form, and its service document.
#pragma once

#include <string>

#include "sim/sap/sap_query.h"

namespace o2c::sim::sap {

struct MetadataStyle {
  bool omit_decimal_scale = false;   // Edm.Decimal with Precision but no Scale (field-pitfalls #23)
};

std::string metadata_xml(const SetResolver& sets, ODataVersion version, const MetadataStyle& style = {});
// V2 {"d":{"EntitySets":[..]}}; V4 {"@odata.context":"$metadata","value":[{"name":..,"url":..}]}.
std::string service_document(const SetResolver& sets, ODataVersion version);

}  // namespace o2c::sim::sap
