#include "sim/portals/ariba/ariba_api.h"

#include <fmt/format.h>

#include "core/error.h"
#include "sim/portals/ariba/ariba_cxml.h"
#include "sim/portals/ariba/ariba_invoices.h"
#include "sim/portals/portal_codec.h"
#include "sim/portals/portal_xml.h"

namespace o2c::sim::portals::ariba {

struct AribaApi::Impl {
  Impl(AribaOptions o, std::shared_ptr<const PortalDirectory> d, std::shared_ptr<PortalLedger> l, PortalOptions p,
       std::shared_ptr<const Clock> c)
      : options(std::move(o)), directory(d), clock(std::move(c)), invoices(std::move(d), std::move(l), p) {}

  SimReply route(const SimRequest& request);
  SimReply cxml(int code, std::string_view message, Timestamp now) const {
    return xml_reply(200, response(code, status_text(code), message, now));
  }
  // "" when the Sender may post for the supplier, else why not.
  std::string refuse_sender(const Envelope& e) const;

  const AribaOptions options;
  const std::shared_ptr<const PortalDirectory> directory;
  const std::shared_ptr<const Clock> clock;
  AribaInvoices invoices;
};

std::string AribaApi::Impl::refuse_sender(const Envelope& e) const {
  const std::string& supplier = directory->seller().ariba_network_id;
  if (e.sender.identity != supplier)
    return fmt::format("Unknown sender credential '{}' (domain {})", e.sender.identity.substr(0, 64), e.sender.domain);
  if (e.sender.shared_secret != options.shared_secret) return "SharedSecret mismatch for the sender credential";
  if (e.from.identity != supplier)
    return fmt::format("From credential '{}' is not the authenticated sender", e.from.identity.substr(0, 64));
  return {};
}

SimReply AribaApi::Impl::route(const SimRequest& request) {
  const Timestamp now = clock->now();
  if (path_of(request.target) != "/cxml/invoices")
    return SimReply{404, {{"Content-Type", "text/plain; charset=utf-8"}}, "Not Found\n"};
  if (request.method != "POST") return SimReply{405, {{"Allow", "POST"}}, ""};
  std::string error;
  const auto doc = parse_xml(request.body, error);
  if (!doc) return cxml(406, fmt::format("Unable to parse the cXML document: {}", error), now);
  Envelope e;
  try {
    e = read_envelope(doc->document_element());
  } catch (const Error& ex) {
    return cxml(406, ex.what(), now);
  }
  if (const std::string refused = refuse_sender(e); !refused.empty()) return cxml(401, refused, now);
  if (e.payload_id.empty()) return cxml(400, "The cXML element has no payloadID", now);
  const std::string_view kind = e.request ? local_name(e.request) : std::string_view{};
  if (kind == "InvoiceDetailRequest") return xml_reply(200, invoices.receive(e, now));
  if (kind == "GetPendingRequest") {
    bool status_updates = false;
    for (pugi::xml_node t = e.request.first_child(); t; t = t.next_sibling())
      if (local_name(t) == "MessageType" && text(t) == "StatusUpdateRequest") status_updates = true;
    if (!status_updates) return cxml(450, "Only StatusUpdateRequest messages are pending for suppliers", now);
    return xml_reply(200, invoices.pending(e, options.max_messages, now));
  }
  return cxml(450, fmt::format("Request type '{}' is not implemented", kind.empty() ? "(none)" : kind), now);
}

AribaApi::AribaApi(AribaOptions options, std::shared_ptr<const PortalDirectory> directory,
                   std::shared_ptr<PortalLedger> ledger, PortalOptions portal, std::shared_ptr<const Clock> clock)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(directory), std::move(ledger), portal,
                                   clock ? std::move(clock) : std::make_shared<SystemClock>())) {}

AribaApi::~AribaApi() = default;

SimReply AribaApi::handle(const SimRequest& request) { return impl_->route(request); }

SimReply AribaApi::fault_reply(std::string_view kind) const {
  if (kind == "429") {
    SimReply reply = xml_reply(429, response(429, status_text(429), "Too many requests, retry later",
                                             impl_->clock->now()));
    reply.headers.emplace_back("Retry-After", "2");
    return reply;
  }
  return SimReply{503,
                  {{"Content-Type", "text/html; charset=utf-8"}},
                  "<html><head><title>SAP Ariba - Service Unavailable</title></head><body><h1>Service "
                  "Unavailable</h1><p>The Ariba Network is undergoing maintenance.</p></body></html>"};
}

const AribaOptions& AribaApi::options() const { return impl_->options; }

}  // namespace o2c::sim::portals::ariba
