// sim/portals/ariba/ariba_invoices.h — what the simulated Ariba Network
// holds for the supplier: the answer given to each payloadID (a resend gets
// it again), the invoices it accepted, and the StatusUpdateRequest queue that
// GetPendingRequest reads. Thread-safe.
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/time.h"
#include "sim/dataset/portal_directory.h"
#include "sim/portals/ariba/ariba_cxml.h"
#include "sim/portals/portal_ledger.h"
#include "sim/portals/portal_progress.h"

namespace o2c::sim::portals::ariba {

class AribaInvoices {
 public:
  AribaInvoices(std::shared_ptr<const PortalDirectory> directory, std::shared_ptr<PortalLedger> ledger,
                PortalOptions portal)
      : directory_(std::move(directory)), ledger_(std::move(ledger)), portal_(portal) {}

  // An authenticated InvoiceDetailRequest: the cXML Response text.
  std::string receive(const Envelope& envelope, Timestamp now);
  // An authenticated GetPendingRequest: counts one status poll for every
  // invoice, queues the StatusUpdateRequests of those whose status changed,
  // drops the messages acknowledged by lastReceivedTimestamp and returns up
  // to `max_messages` of the queue, oldest first.
  std::string pending(const Envelope& envelope, int max_messages, Timestamp now);

 private:
  struct Invoice {
    std::string payload_id, number, buyer;
    long polls = 0;
    std::string reported;          // the last InvoiceStatus type queued
  };
  std::string decide(const Envelope& envelope, const InvoiceFields& fields, int& code) const;
  void poll_all(const std::string& supplier, Timestamp now);

  std::shared_ptr<const PortalDirectory> directory_;
  std::shared_ptr<PortalLedger> ledger_;
  PortalOptions portal_;
  std::mutex mutex_;
  std::map<std::string, std::string> answers_;          // payloadID → the Response sent
  std::map<std::string, std::string> number_of_payload_;
  std::vector<Invoice> invoices_;
  std::map<std::string, std::size_t> by_number_;        // "buyer/number" → invoice
  std::deque<StatusUpdate> queue_;
};

}  // namespace o2c::sim::portals::ariba
