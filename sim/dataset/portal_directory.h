// sim/dataset/portal_directory.h — the vendor-portal side of the simulated
// business (DATA.md "Portals"): the seller's identity, which customers take
// their invoices through which portal and how each knows us (buyer ids,
// Chorus Pro service codes, Peppol participants, Coupa supplier numbers),
// which POs each buyer issued, and how each buyer decides on an invoice it
// receives. Pure functions of the Business, like every other table: the
// portal simulators (sim/portals/) answer from it, the answer key scores from
// it, and `o2csync-sim --routing-file` writes the routing table o2csync reads.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sim/dataset/portal_kind.h"

namespace o2c::sim {

namespace dataset {
struct DatasetCore;
}


// The simulated company that sends the invoices (a French SaaS vendor).
struct SellerIdentity {
  std::string name = "Acme Cloud Software SAS";
  std::string siren = "552100554";               // Luhn-valid
  std::string siret = "55210055400013";          // head office
  std::string vat_id = "FR96552100554";          // FR key of the SIREN
  std::string street = "12 rue de la Paix";
  std::string city = "Paris";
  std::string postal_code = "75002";
  std::string country = "FR";
  std::string email = "ar@acme-cloud.example";
  std::string iban = "FR7630006000011234567890189";
  std::string bic = "AGRIFRPPXXX";
  std::string peppol_scheme = "0009";            // SIRET
  std::string peppol_id = "55210055400013";
  std::string ariba_network_id = "AN01000012345";
  std::string chorus_login = "TECH_1_acme@cpro.fr";  // Chorus Pro technical account
};

struct PortalBuyer {
  PortalKind kind = PortalKind::none;
  std::string customer_id;      // ERP customer id ("1007"): the key of the routing table
  std::string customer_name;
  std::string buyer_id;         // coupa: the buyer's Coupa instance ("coupa-1007"); ariba: AN…;
                                // chorus: the buyer's SIRET; peppol: the participant value; file: ""
  std::string buyer_scheme;     // peppol: "0088" (GLN) or "9930" (DE VAT) / "0009" (SIRET); else ""
  std::string service_code;     // the buyer reference (BT-10): chorus: the structure's service code, or "";
                                // peppol: the reference the receiver asks for ("CC-0042"); else ""
  std::string supplier_ref;     // coupa: our supplier number at this buyer ("S04127"); else ""
  bool po_required = false;     // the buyer refuses invoices without its PO: the CRM's Requires_PO__c (Coupa and
                                // Ariba buyers all have it; for Chorus Pro it is the engagement number)
  bool registered = true;       // peppol: the receiver is in the SMP for Invoice; false: "not found" (planted)
  bool operator==(const PortalBuyer&) const = default;
};

// What the buyer does with an invoice it received and could read.
struct BuyerDecision {
  bool rejected = false;
  std::string reason;           // the buyer's words when rejected
  bool paid = false;            // accepted, and the ERP shows it paid
};

class PortalDirectory {
 public:
  explicit PortalDirectory(std::shared_ptr<const dataset::DatasetCore> core);

  const SellerIdentity& seller() const { return seller_; }
  // The route of an ERP customer id, if its invoices go to a portal.
  std::optional<PortalBuyer> route(std::string_view customer_id) const;
  // A buyer by its id at a portal (coupa instance, AN id, SIRET, participant value).
  std::optional<PortalBuyer> find_buyer(PortalKind kind, std::string_view buyer_id) const;
  std::vector<PortalBuyer> buyers(PortalKind kind) const;   // in customer order
  // Whether the buyer (by customer id) issued this PO, exactly as written on its order.
  bool issued_po(std::string_view customer_id, std::string_view po) const;
  // The buyer's decision on invoice or credit note `number` ("INV100001", "CM100002"),
  // or nullopt when no such document exists.
  std::optional<BuyerDecision> decision(std::string_view number) const;
  // The routing table, CSV with a header line (README "Portals"):
  // customer_id,customer,portal,buyer_id,buyer_scheme,service_code,supplier_ref,po_required
  std::string routing_csv() const;

 private:
  std::optional<PortalBuyer> route_of_account(std::size_t account) const;

  std::shared_ptr<const dataset::DatasetCore> core_;
  SellerIdentity seller_;
  std::unordered_map<std::string, std::size_t> account_of_buyer_;  // "<portal>/<buyer id>" → account row
  std::size_t unregistered_account_ = SIZE_MAX;   // the first Peppol buyer (after the fixed ones): not in its SMP
  std::vector<std::size_t> forced_rejects_;       // the first two invoices a portal receives: rejected at any size
};

}  // namespace o2c::sim
