// sim/portals/coupa/coupa_invoices.h — the invoices of every simulated Coupa
// instance: the checks of a create (supplier, currency, lines, PO, duplicate
// number), the lookup filters, the status the buyer's decision shows after
// polling, and the invoice JSON. Thread-safe.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "core/time.h"
#include "sim/dataset/portal_directory.h"
#include "sim/portals/portal_codec.h"
#include "sim/portals/portal_ledger.h"
#include "sim/portals/portal_progress.h"
#include "sim/sim_http.h"

namespace o2c::sim::portals::coupa {

class CoupaInvoices {
 public:
  CoupaInvoices(std::shared_ptr<const PortalDirectory> directory, std::shared_ptr<PortalLedger> ledger,
                PortalOptions portal)
      : directory_(std::move(directory)), ledger_(std::move(ledger)), portal_(portal) {}

  // POST /api/invoices on `buyer`'s instance: 201 + the invoice, or Coupa's error.
  SimReply create(const PortalBuyer& buyer, const std::string& body, Timestamp now);
  // GET /api/invoices?... (each invoice returned counts as a status poll).
  SimReply list(const PortalBuyer& buyer, const Params& params);
  // GET /api/invoices/{id}.
  SimReply get(const PortalBuyer& buyer, std::string_view id);

 private:
  struct Invoice {
    long id = 0;
    std::string instance, number, date, currency, supplier, document_type;
    std::string created_at;
    boost::json::value lines, tax;
    long polls = 0;
  };
  // The invoice as Coupa shows it now; counts one status poll. Caller holds mutex_.
  boost::json::object show(Invoice& invoice);
  std::string validate(const PortalBuyer& buyer, const boost::json::object& header, int& status) const;

  std::shared_ptr<const PortalDirectory> directory_;
  std::shared_ptr<PortalLedger> ledger_;
  PortalOptions portal_;
  std::mutex mutex_;
  std::vector<Invoice> invoices_;                       // by id - kFirstId
  std::map<std::string, long> by_number_;               // "instance/supplier/number" → id
};

}  // namespace o2c::sim::portals::coupa
