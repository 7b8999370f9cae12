// daemon/push_setup.cpp — the push pieces from config.yaml.
#include "daemon/push_setup.h"

#include <fmt/format.h>

#include "core/error.h"

namespace o2c::daemon {

namespace {

Secret resolve(const config::PortalConfig& p, const char* setting, const SecretRef& ref) {
  if (!ref.is_set()) return {};
  try {
    return ref.resolve();
  } catch (const Error& e) {
    throw Error(Error::Kind::config, fmt::format("portals.{}.{}: {}", p.name, setting, e.what()));
  }
}

einvoice::Identifier identifier(const std::string& scheme_and_value) {
  const auto colon = scheme_and_value.find(':');
  if (colon == std::string::npos) return {scheme_and_value, ""};
  return {scheme_and_value.substr(colon + 1), scheme_and_value.substr(0, colon)};
}

portals::PortalSettings portal_settings(const config::PortalConfig& p) {
  portals::PortalSettings s;
  s.name = p.name;
  s.kind = p.kind;
  s.url = p.url;
  s.token_url = p.token_url;
  s.grant = p.grant;
  s.scope = p.scope;
  s.user = p.user;
  s.client_id = resolve(p, "client_id", p.client_id);
  s.client_secret = resolve(p, "client_secret", p.client_secret);
  s.api_key = resolve(p, "api_key", p.api_key);
  s.shared_secret = resolve(p, "shared_secret", p.shared_secret);
  s.password = resolve(p, "password", p.password);
  s.private_key = resolve(p, "private_key", p.private_key);
  s.supplier_id = p.supplier_id;
  s.supplier_scheme = p.supplier_scheme;
  s.format = p.format;
  s.with_pdf = p.with_pdf;
  s.test_mode = p.test_mode;
  s.http.source = p.name;
  s.http.max_concurrency = p.max_concurrency;
  s.http.rate_per_second = p.rate_per_second;
  s.http.timeout = std::chrono::duration_cast<std::chrono::milliseconds>(p.timeout);
  s.http.max_attempts = p.max_attempts;
  return s;
}

}  // namespace

einvoice::Profile profile_of(const config::PortalConfig& portal) {
  if (portal.kind == "peppol") return einvoice::Profile::peppol_bis3;
  if (portal.format == "cii") return einvoice::Profile::en16931_cii;
  return einvoice::Profile::en16931_ubl;
}

push::PushSettings push_settings(const config::Config& cfg) {
  const config::SellerConfig& s = cfg.seller;
  push::PushSettings out;
  out.seller.name = s.name;
  out.seller.vat_id = s.vat_id;
  out.seller.legal_id = {s.legal_id, s.legal_id_scheme};
  out.seller.endpoint = identifier(s.endpoint);
  out.seller.address = {s.street, "", s.city, s.postal_code, "", s.country};
  out.seller.contact_email = s.email;
  out.seller.contact_phone = s.phone;
  if (!s.iban.empty()) out.payment = einvoice::PaymentMeans{"58", s.iban, s.bic, s.name, "", ""};
  out.payment_terms = s.payment_terms;
  if (!cfg.push.since.empty()) out.since = try_parse_date(cfg.push.since);
  out.accept_within = cfg.push.accept_within;
  out.copy_dir = cfg.push.copy_dir;
  return out;
}

push::RoutingTable routing_table(const config::Config& cfg) {
  std::vector<portals::Route> routes;
  for (const auto& r : cfg.push.routes)
    routes.push_back({r.portal, r.customer_id, r.buyer_id, r.buyer_scheme, r.service_code, r.supplier_ref,
                      r.po_required, r.attachment_required});
  return push::RoutingTable(std::move(routes));
}

PushSetup build_push(const config::Config& cfg, const Clock& clock) {
  PushSetup setup;
  setup.settings = push_settings(cfg);
  setup.routing = routing_table(cfg);
  for (const auto& p : cfg.portals) {
    setup.owned.push_back(portals::make_portal(portal_settings(p), clock));
    setup.handles[p.name] = push::PortalHandle{setup.owned.back().get(), profile_of(p), p.with_pdf, p.max_concurrency};
  }
  return setup;
}

}  // namespace o2c::daemon
