#include "sim/portals/portal_sims.h"

#include <boost/json.hpp>

namespace o2c::sim::portals {

namespace json = boost::json;

PortalSims::PortalSims(std::shared_ptr<const PortalDirectory> directory, PortalOptions options,
                       std::shared_ptr<const Clock> clock)
    : directory_(directory),
      ledger_(std::make_shared<PortalLedger>()),
      coupa_({}, directory, ledger_, options, clock),
      ariba_({}, directory, ledger_, options, clock),
      chorus_({}, directory, ledger_, options, clock),
      peppol_({}, directory, ledger_, options, clock) {}

std::vector<server::Endpoint> PortalSims::endpoints(const PortalPorts& ports) {
  return {
      server::Endpoint{.name = "coupa",
                       .port = ports.coupa,
                       .handler = [this](const SimRequest& r) { return coupa_.handle(r); },
                       .fault_reply = [this](std::string_view kind) { return coupa_.fault_reply(kind); },
                       .on_expire = [this] { coupa_.expire_tokens(); },
                       .max_in_flight = 0},
      server::Endpoint{.name = "ariba",
                       .port = ports.ariba,
                       .handler = [this](const SimRequest& r) { return ariba_.handle(r); },
                       .fault_reply = [this](std::string_view kind) { return ariba_.fault_reply(kind); },
                       .on_expire = nullptr,   // a SharedSecret does not expire
                       .max_in_flight = 0},
      server::Endpoint{.name = "chorus",
                       .port = ports.chorus,
                       .handler = [this](const SimRequest& r) { return chorus_.handle(r); },
                       .fault_reply = [this](std::string_view kind) { return chorus_.fault_reply(kind); },
                       .on_expire = [this] { chorus_.expire_tokens(); },
                       .max_in_flight = 0},
      server::Endpoint{.name = "peppol",
                       .port = ports.peppol,
                       .handler = [this](const SimRequest& r) { return peppol_.handle(r); },
                       .fault_reply = [this](std::string_view kind) { return peppol_.fault_reply(kind); },
                       .on_expire = nullptr,   // API keys do not expire
                       .max_in_flight = 0},
  };
}

json::object PortalSims::ready(std::string_view portal, const std::string& base_url) const {
  const SellerIdentity& seller = directory_->seller();
  if (portal == "coupa") {
    const auto& o = coupa_.options();
    return {{"base_url", base_url},
            {"url_template", base_url + "/{buyer}"},
            {"token_url_template", base_url + "/{buyer}/oauth2/token"},
            {"client_id", o.client_id},
            {"client_secret", o.client_secret},
            {"api_key", o.api_key},
            {"scope", "core.invoice.read core.invoice.write"}};
  }
  if (portal == "ariba")
    return {{"url", base_url + "/cxml/invoices"},
            {"network_id", seller.ariba_network_id},
            {"shared_secret", ariba_.options().shared_secret}};
  if (portal == "chorus") {
    const auto& o = chorus_.options();
    return {{"base_url", base_url},
            {"token_url", base_url + o.token_path},
            {"client_id", o.client_id},
            {"client_secret", o.client_secret},
            {"login", seller.chorus_login},
            {"password", o.password},
            {"siret", seller.siret}};
  }
  return {{"base_url", base_url + "/api/v1"},
          {"api_key", peppol_.options().api_key},
          {"participant_scheme", seller.peppol_scheme},
          {"participant_id", seller.peppol_id}};
}

}  // namespace o2c::sim::portals
