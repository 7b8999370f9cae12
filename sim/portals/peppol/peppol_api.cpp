#include "sim/portals/peppol/peppol_api.h"

#include <map>
#include <mutex>
#include <vector>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "core/error.h"
#include "sim/portals/peppol/peppol_sbd.h"
#include "sim/portals/portal_codec.h"

namespace o2c::sim::portals::peppol {

namespace json = boost::json;

namespace {

SimReply ap_error(int status, std::string_view code, std::string_view message, bool retryable = false) {
  return json_reply(status, json::serialize(json::object{
                                {"error", json::object{{"code", code}, {"message", message}, {"retryable", retryable}}}}));
}

struct Response {
  std::string code, description, reason_code, reason;
};

// The receiver's Invoice Response at this stage (BIS Invoice Response 3, UNCL 4343 subset).
Response invoice_response(Stage stage, long earlier_polls, const std::string& reason, const std::string& reason_code) {
  switch (stage) {
    case Stage::pending:
      return earlier_polls == 0 ? Response{"AB", "Message acknowledgement", "", ""}
                                : Response{"IP", "In process", "", ""};
    case Stage::accepted: return {"AP", "Accepted", "", ""};
    case Stage::paid: return {"PD", "Fully paid", "", ""};
    case Stage::rejected: return {"RE", "Rejected", reason_code, reason};
  }
  return {};
}

}  // namespace

struct PeppolApi::Impl {
  struct Transmission {
    std::string id, instance_id, number, sender, receiver, document_type, received_at;
    bool credit_note = false;
    std::string po_problem;          // the receiver will reject for this (reason code REF)
    long polls = 0;
  };

  SimReply route(const SimRequest& request);
  SimReply submit(const std::string& body, Timestamp now);
  std::optional<SimReply> refuse_routing(const Sbd& sbd) const;
  json::object transmission_json(const Transmission& t) const;
  SimReply status(Transmission& t);

  PeppolOptions options;
  std::shared_ptr<const PortalDirectory> directory;
  std::shared_ptr<PortalLedger> ledger;
  PortalOptions portal;
  std::shared_ptr<const Clock> clock;
  std::mutex mutex;
  std::vector<Transmission> transmissions;
  std::map<std::string, std::size_t> by_instance;
};

std::optional<SimReply> PeppolApi::Impl::refuse_routing(const Sbd& sbd) const {
  const SellerIdentity& seller = directory->seller();
  if (sbd.sender.scheme != seller.peppol_scheme || sbd.sender.value != seller.peppol_id)
    return ap_error(403, "SENDER_NOT_REGISTERED",
                    fmt::format("sender {} is not a participant of this access point account", sbd.sender.text()));
  if (sbd.document_type != kInvoiceDocType && sbd.document_type != kCreditNoteDocType)
    return ap_error(422, "DOCUMENT_TYPE_NOT_SUPPORTED",
                    fmt::format("document type '{}' is not Peppol BIS Billing 3.0", sbd.document_type.substr(0, 120)));
  if (sbd.customization != kBis3Customization)
    return ap_error(422, "VALIDATION_FAILED",
                    fmt::format("[PEPPOL-EN16931-R004] CustomizationID '{}' is not Peppol BIS Billing 3.0",
                                sbd.customization.substr(0, 120)));
  const auto buyer = directory->find_buyer(PortalKind::peppol, sbd.receiver.value);
  if (!buyer || buyer->buyer_scheme != sbd.receiver.scheme)
    return ap_error(422, "RECEIVER_NOT_FOUND",
                    fmt::format("participant iso6523-actorid-upis::{} is not registered in the SML", sbd.receiver.text()));
  if (!buyer->registered)
    return ap_error(422, "RECEIVER_NOT_REGISTERED",
                    fmt::format("participant {} is not registered in its SMP for document type {}",
                                sbd.receiver.text(), sbd.invoice.credit_note ? "CreditNote" : "Invoice"));
  if (!sbd.invoice.buyer.has(sbd.receiver.scheme, sbd.receiver.value))
    return ap_error(422, "VALIDATION_FAILED",
                    fmt::format("the UBL buyer EndpointID does not match the SBDH receiver {}", sbd.receiver.text()));
  if (sbd.invoice.currency.empty())
    return ap_error(422, "VALIDATION_FAILED", "[BR-05] An Invoice shall have an Invoice currency code (BT-5)");
  return std::nullopt;
}

json::object PeppolApi::Impl::transmission_json(const Transmission& t) const {
  return json::object{{"id", t.id},
                      {"instanceIdentifier", t.instance_id},
                      {"status", t.polls > 0 ? "delivered" : "accepted_for_delivery"},
                      {"sender", t.sender},
                      {"receiver", t.receiver},
                      {"documentType", t.credit_note ? "CreditNote" : "Invoice"},
                      {"documentId", t.number},
                      {"receivedAt", t.received_at}};
}

SimReply PeppolApi::Impl::submit(const std::string& body, Timestamp now) {
  std::string error;
  const auto doc = parse_xml(body, error);
  if (!doc) return ap_error(400, "MALFORMED_XML", fmt::format("the body is not well-formed XML: {}", error));
  Sbd sbd;
  std::string code;
  try {
    sbd = read_sbd(doc->document_element(), code);
  } catch (const Error& e) {
    return ap_error(422, code, e.what());
  }
  std::lock_guard lock(mutex);
  if (const auto it = by_instance.find(sbd.instance_id); it != by_instance.end()) {
    ledger->resent(PortalKind::peppol, transmissions[it->second].number);
    return json_reply(200, json::serialize(transmission_json(transmissions[it->second])));
  }
  if (auto refused = refuse_routing(sbd)) return *refused;
  const auto buyer = directory->find_buyer(PortalKind::peppol, sbd.receiver.value);
  Transmission t;
  t.id = fmt::format("tx-{:08}", transmissions.size() + 1);
  t.instance_id = sbd.instance_id;
  t.number = sbd.invoice.number;
  t.sender = sbd.sender.text();
  t.receiver = sbd.receiver.text();
  t.credit_note = sbd.invoice.credit_note;
  t.received_at = to_iso8601_seconds(now);
  if (sbd.invoice.purchase_order.empty() && buyer->po_required) t.po_problem = "Missing PO Number";
  else if (!sbd.invoice.purchase_order.empty() && !directory->issued_po(buyer->customer_id, sbd.invoice.purchase_order))
    t.po_problem = fmt::format("Invalid PO number {}", sbd.invoice.purchase_order);
  by_instance[t.instance_id] = transmissions.size();
  transmissions.push_back(t);
  ledger->delivered(PortalKind::peppol, t.number, "accepted_for_delivery");
  return json_reply(202, json::serialize(transmission_json(t)));
}

SimReply PeppolApi::Impl::status(Transmission& t) {
  std::optional<BuyerDecision> decision = directory->decision(t.number);
  std::string reason_code = "OTH";
  if (!t.po_problem.empty()) {
    decision = BuyerDecision{true, t.po_problem, false};
    reason_code = "REF";
  }
  const long earlier = t.polls++;
  const Stage stage = stage_at(decision, earlier, portal.polls);
  const Response r = invoice_response(stage, earlier, decision ? decision->reason : "", reason_code);
  ledger->set_status(PortalKind::peppol, t.number, r.code, r.reason);
  json::object out = transmission_json(t);
  json::object response{{"code", r.code}, {"description", r.description}};
  if (!r.reason.empty()) {
    response["statusReasonCode"] = r.reason_code;
    response["reason"] = r.reason;
  }
  out["invoiceResponse"] = std::move(response);
  return json_reply(200, json::serialize(out));
}

SimReply PeppolApi::Impl::route(const SimRequest& request) {
  const std::string path = percent_decode(path_of(request.target), false);
  if (!path.starts_with("/api/v1/documents"))
    return ap_error(404, "NOT_FOUND", fmt::format("no resource at {}", path.substr(0, 100)));
  const std::string key = bearer_token(request);
  if (key.empty() || key != options.api_key) {
    SimReply reply = ap_error(401, "UNAUTHORIZED", key.empty() ? "an API key (Authorization: Bearer) is required"
                                                               : "the API key is not valid");
    reply.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"access-point\"");
    return reply;
  }
  if (path == "/api/v1/documents" && request.method == "POST") return submit(request.body, clock->now());
  if (request.method != "GET") return ap_error(405, "METHOD_NOT_ALLOWED", fmt::format("{} {}", request.method, path));
  std::lock_guard lock(mutex);
  if (path == "/api/v1/documents") {
    const auto wanted = param(query_params(request.target), "instanceIdentifier");
    if (!wanted) return ap_error(400, "BAD_REQUEST", "the lookup needs ?instanceIdentifier=");
    json::array items;
    if (const auto it = by_instance.find(*wanted); it != by_instance.end())
      items.push_back(transmission_json(transmissions[it->second]));
    return json_reply(200, json::serialize(json::object{{"items", std::move(items)}}));
  }
  std::string_view rest = std::string_view(path).substr(std::string_view("/api/v1/documents/").size());
  const bool want_status = rest.ends_with("/status");
  if (want_status) rest.remove_suffix(std::string_view("/status").size());
  for (Transmission& t : transmissions)
    if (t.id == rest) return want_status ? status(t) : json_reply(200, json::serialize(transmission_json(t)));
  return ap_error(404, "NOT_FOUND", fmt::format("no transmission '{}'", rest.substr(0, 64)));
}

PeppolApi::PeppolApi(PeppolOptions options, std::shared_ptr<const PortalDirectory> directory,
                     std::shared_ptr<PortalLedger> ledger, PortalOptions portal, std::shared_ptr<const Clock> clock)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->directory = std::move(directory);
  impl_->ledger = std::move(ledger);
  impl_->portal = portal;
  impl_->clock = clock ? std::move(clock) : std::make_shared<SystemClock>();
}

PeppolApi::~PeppolApi() = default;

SimReply PeppolApi::handle(const SimRequest& request) { return impl_->route(request); }

SimReply PeppolApi::fault_reply(std::string_view kind) const {
  if (kind == "429") {
    SimReply reply = ap_error(429, "RATE_LIMITED", "too many requests", true);
    reply.headers.emplace_back("Retry-After", "1");
    return reply;
  }
  return ap_error(503, "SERVICE_UNAVAILABLE", "the access point is temporarily unavailable", true);
}

const PeppolOptions& PeppolApi::options() const { return impl_->options; }

}  // namespace o2c::sim::portals::peppol
