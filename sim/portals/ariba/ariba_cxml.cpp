#include "sim/portals/ariba/ariba_cxml.h"

#include <atomic>

#include <fmt/format.h>

#include "core/error.h"
#include "sim/portals/portal_xml.h"

namespace o2c::sim::portals::ariba {

namespace {

constexpr std::string_view kDoctype =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE cXML SYSTEM \"http://xml.cxml.org/schemas/cXML/1.2.050/cXML.dtd\">\n";

std::atomic<long> next_payload{1};

}  // namespace

std::string new_payload_id(Timestamp now) {
  return fmt::format("{}.{}@o2csync-sim.ariba.example",
                     std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count(),
                     next_payload++);
}

namespace {

Credential credential(const pugi::xml_node& party) {
  const pugi::xml_node c = child(party, "Credential");
  return Credential{c.attribute("domain").value(), text(child(c, "Identity")), text(child(c, "SharedSecret"))};
}

void collect_orders(const pugi::xml_node& node, InvoiceFields& out) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const std::string_view name = local_name(c);
    if ((name == "OrderReference" || name == "OrderIDInfo") && *c.attribute("orderID").value())
      out.purchase_orders.emplace_back(c.attribute("orderID").value());
    if (name == "Money") {
      if (!*c.attribute("currency").value()) out.money_without_currency = true;
      continue;
    }
    collect_orders(c, out);
  }
}

}  // namespace

std::string_view status_text(int code) {
  switch (code) {
    case 200: return "OK";
    case 201: return "Accepted";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 406: return "Not Acceptable";
    case 429: return "Too Many Requests";
    case 450: return "Not Implemented";
    default: return "Internal Server Error";
  }
}

Envelope read_envelope(const pugi::xml_node& root) {
  if (local_name(root) != "cXML") fail(Error::Kind::data, "the root element is <{}>, not <cXML>", root.name());
  Envelope e;
  e.payload_id = root.attribute("payloadID").value();
  e.timestamp = root.attribute("timestamp").value();
  const pugi::xml_node header = child(root, "Header");
  e.from = credential(child(header, "From"));
  e.to = credential(child(header, "To"));
  e.sender = credential(child(header, "Sender"));
  for (pugi::xml_node c = child(root, "Request").first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element) {
      e.request = c;
      break;
    }
  return e;
}

InvoiceFields read_invoice(const pugi::xml_node& request) {
  InvoiceFields f;
  const pugi::xml_node header = child(request, "InvoiceDetailRequestHeader");
  f.number = header.attribute("invoiceID").value();
  f.purpose = header.attribute("purpose").value();
  f.operation = header.attribute("operation").value();
  f.date = header.attribute("invoiceDate").value();
  collect_orders(request, f);
  const pugi::xml_node summary = child(request, "InvoiceDetailSummary");
  pugi::xml_node due = path(summary, {"DueAmount", "Money"});
  if (!due) due = path(summary, {"GrossAmount", "Money"});
  f.currency = due.attribute("currency").value();
  f.due_amount = text(due);
  return f;
}

std::string response(int code, std::string_view text, std::string_view message, Timestamp now) {
  return fmt::format("{}<cXML payloadID=\"{}\" timestamp=\"{}\" xml:lang=\"en-US\"><Response>"
                     "<Status code=\"{}\" text=\"{}\">{}</Status></Response></cXML>\n",
                     kDoctype, new_payload_id(now), to_iso8601_seconds(now), code, xml_escape(text),
                     xml_escape(message));
}

std::string pending_response(const std::vector<StatusUpdate>& updates, Timestamp now) {
  const int code = updates.empty() ? 204 : 200;
  std::string out = fmt::format("{}<cXML payloadID=\"{}\" timestamp=\"{}\" xml:lang=\"en-US\"><Response>"
                                "<Status code=\"{}\" text=\"{}\"/><GetPendingResponse>",
                                kDoctype, new_payload_id(now), to_iso8601_seconds(now), code, status_text(code));
  for (const StatusUpdate& u : updates) {
    out += fmt::format(
        "<cXML payloadID=\"{}\" timestamp=\"{}\"><Header>"
        "<From><Credential domain=\"NetworkID\"><Identity>{}</Identity></Credential></From>"
        "<To><Credential domain=\"NetworkID\"><Identity>{}</Identity></Credential></To>"
        "<Sender><Credential domain=\"NetworkID\"><Identity>AN01000000001</Identity></Credential>"
        "<UserAgent>Ariba Network</UserAgent></Sender></Header><Request><StatusUpdateRequest>"
        "<DocumentReference payloadID=\"{}\"/><Status code=\"200\" text=\"OK\"/><InvoiceStatus type=\"{}\">",
        xml_escape(u.payload_id), to_iso8601_seconds(u.timestamp), xml_escape(u.buyer), xml_escape(u.supplier),
        xml_escape(u.document_payload_id), u.type);
    if (!u.comments.empty()) out += fmt::format("<Comments xml:lang=\"en\">{}</Comments>", xml_escape(u.comments));
    out += "</InvoiceStatus></StatusUpdateRequest></Request></cXML>";
  }
  out += "</GetPendingResponse></Response></cXML>\n";
  return out;
}

}  // namespace o2c::sim::portals::ariba
