// sim/portals/portal_sims.h
// portals — the customer vendor portals o2csync-sim serves, one port each:
// Coupa (coupa/), SAP Ariba (ariba/), Chorus Pro (chorus/) and a Peppol
// access point (peppol/), each a pure request → reply handler answering from
// the PortalDirectory of the dataset (buyers, POs, decisions), all recording
// what they received in one PortalLedger (GET /sim/admin/portals). This file
// wires them for sim/main.cpp: the server endpoints, the admin JSON and the
// ready file's credentials. Never touches the dataset's tables.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/time.h"
#include "sim/portals/ariba/ariba_api.h"
#include "sim/portals/chorus/chorus_api.h"
#include "sim/portals/coupa/coupa_api.h"
#include "sim/portals/peppol/peppol_api.h"
#include "sim/server/endpoint.h"

namespace o2c::sim::portals {

struct PortalPorts {
  unsigned short coupa = 0, ariba = 0, chorus = 0, peppol = 0;   // 0 = a free port
};

class PortalSims {
 public:
  PortalSims(std::shared_ptr<const PortalDirectory> directory, PortalOptions options,
             std::shared_ptr<const Clock> clock = nullptr);

  // The four endpoints, named "coupa", "ariba", "chorus", "peppol".
  std::vector<server::Endpoint> endpoints(const PortalPorts& ports);
  std::string admin_json() const { return ledger_->json(); }
  // The ready file's part for one portal, given its base URL.
  boost::json::object ready(std::string_view portal, const std::string& base_url) const;

  const std::shared_ptr<PortalLedger>& ledger() const { return ledger_; }
  coupa::CoupaApi& coupa() { return coupa_; }
  ariba::AribaApi& ariba() { return ariba_; }
  chorus::ChorusApi& chorus() { return chorus_; }
  peppol::PeppolApi& peppol() { return peppol_; }

 private:
  std::shared_ptr<const PortalDirectory> directory_;
  std::shared_ptr<PortalLedger> ledger_;
  coupa::CoupaApi coupa_;
  ariba::AribaApi ariba_;
  chorus::ChorusApi chorus_;
  peppol::PeppolApi peppol_;
};

}  // namespace o2c::sim::portals
