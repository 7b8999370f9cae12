// sim/portals/chorus/chorus_state.h — the fluxes deposited and the invoices
// integrated at the simulated Chorus Pro, and the requests that read them.
// The content of a flux is processed when it is deposited (the outcome is
// fixed then); consulterCR reveals the flux states over polls. Thread-safe.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/time.h"
#include "sim/dataset/portal_directory.h"
#include "sim/portals/portal_ledger.h"
#include "sim/portals/portal_progress.h"
#include "sim/portals/portal_xml.h"
#include "sim/sim_http.h"

namespace o2c::sim::portals::chorus {

class ChorusState {
 public:
  ChorusState(std::shared_ptr<const PortalDirectory> directory, std::shared_ptr<PortalLedger> ledger,
              PortalOptions portal)
      : directory_(std::move(directory)), ledger_(std::move(ledger)), portal_(portal) {}

  SimReply deposit(const boost::json::object& body, Timestamp now);          // deposer/flux
  SimReply report(const boost::json::object& body, bool detailed, Timestamp now);  // consulterCR(Detaille)
  SimReply search(const boost::json::object& body);                           // rechercher/fournisseur
  SimReply history(const boost::json::object& body);                          // consulter/historique

 private:
  struct Flux {
    std::string number;              // numeroFluxDepot
    std::string syntax, file_name, deposited;
    std::string invoice_number;      // "" when unreadable
    bool integrated = false;
    std::string error_code, error;   // why IN_REJETE
    long polls = 0;
  };
  struct Invoice {
    long id = 0;                     // identifiantFactureCPP
    ReceivedInvoice data;
    std::string flux, deposited;
    std::string buyer_siret;
    long polls = 0;
  };
  // Checks the flux content; integrates the invoice or sets flux.error.
  void process(Flux& flux, const std::string& file, Timestamp now);
  // The reason a readable invoice is refused ("" = integrate), with its code.
  std::string refuse(const ReceivedInvoice& inv, std::string& code, std::string& buyer_siret) const;
  boost::json::object invoice_json(Invoice& inv);   // counts a status poll

  std::shared_ptr<const PortalDirectory> directory_;
  std::shared_ptr<PortalLedger> ledger_;
  PortalOptions portal_;
  std::mutex mutex_;
  std::vector<Flux> fluxes_;
  std::map<std::string, std::size_t> flux_index_;     // numeroFluxDepot → fluxes_
  std::vector<Invoice> invoices_;
  std::map<std::string, std::size_t> by_number_;      // invoice number → invoices_ (the supplier is one)
};

// Invoice status words over polls (DEPOSEE, MISE_A_DISPOSITION, SERVICE_FAIT, MISE_EN_PAIEMENT, REJETEE).
std::string invoice_status(Stage stage, long earlier_polls);

}  // namespace o2c::sim::portals::chorus
