// sim/portals/coupa/coupa_api.h
// The simulated Coupa Core API of each buyer's instance (api-contracts §6):
// instances live under a path prefix, /{instance}/... with the instance name
// of the routing table ("coupa-1007"), standing for https://{instance}.coupahost.com.
// POST /{instance}/oauth2/token (client credentials, form, space-separated
// scopes, tokens ~24 h, bound to the instance) or the legacy X-COUPA-API-KEY
// header; POST /{instance}/api/invoices (JSON invoice-header) → the created
// invoice; GET /{instance}/api/invoices?invoice-number=X&supplier[number]=Y
// (offset/limit, at most 50); GET /{instance}/api/invoices/{id}. 25 requests
// per second, bursts of 20, per instance → 429 + Retry-After. Errors are
// Coupa's {"errors":{"invoice-header":["..."]}}. A pure request → reply handler.
// Parts: coupa_invoices (validation, the invoices, their JSON).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/time.h"
#include "sim/dataset/portal_directory.h"
#include "sim/portals/portal_ledger.h"
#include "sim/portals/portal_progress.h"
#include "sim/sim_http.h"

namespace o2c::sim::portals::coupa {

struct CoupaOptions {
  std::string client_id = "o2c-demo-coupa-client";
  std::string client_secret = "o2c-demo-coupa-secret";
  std::string api_key = "o2c-demo-coupa-api-key";   // the legacy X-COUPA-API-KEY
  int token_seconds = 86399;
  double rate_per_second = 25;
  double burst = 20;
};

class CoupaApi {
 public:
  CoupaApi(CoupaOptions options, std::shared_ptr<const PortalDirectory> directory,
           std::shared_ptr<PortalLedger> ledger, PortalOptions portal, std::shared_ptr<const Clock> clock);
  ~CoupaApi();
  CoupaApi(const CoupaApi&) = delete;
  CoupaApi& operator=(const CoupaApi&) = delete;

  SimReply handle(const SimRequest& request);   // thread-safe
  // "429": 429 + Retry-After and Coupa's JSON; "5xx": 503 with an HTML page.
  SimReply fault_reply(std::string_view kind) const;
  void expire_tokens();                         // the `expire` fault
  const CoupaOptions& options() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Coupa's error body: {"errors":{"<object>":["message"]}}.
SimReply coupa_error(int status, std::string_view object, std::string_view message);

}  // namespace o2c::sim::portals::coupa
