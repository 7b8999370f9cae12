// connectors/sap/sap_metadata.h — what an OData service's $metadata (EDMX,
// V2 or V4) says about its entity sets: the properties and navigation
// properties of each set's entity type; and the check of a mapping's query
// against it, so that a misspelt field is reported by name, with a
// suggestion, before any data is read (internal to the sap module).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "connectors/source.h"

namespace o2c::sap {

struct EntitySetShape {
  std::string entity_type;                 // "API_BILLING_DOCUMENT_SRV.A_BillingDocumentType"
  std::vector<std::string> properties;     // in document order
  std::vector<std::string> navigations;    // navigation property names
};

// Entity set name → its shape. Throws Error(remote) when the text is not
// EDMX (not XML, no Schema, an entity set whose type is not defined).
std::map<std::string, EntitySetShape> parse_metadata(std::string_view xml);

// Every problem of `query` against the entity set it names (the object, its
// fields' first segments, id, cursor and expand), one message each with a
// did-you-mean; empty when all exist. `service` names the document in messages.
std::vector<std::string> metadata_problems(const std::map<std::string, EntitySetShape>& sets,
                                           const connectors::QuerySpec& query);

}  // namespace o2c::sap
