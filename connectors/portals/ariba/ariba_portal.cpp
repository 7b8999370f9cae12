#include "connectors/portals/ariba/ariba_portal.h"

#include <unistd.h>

#include <openssl/rand.h>

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <pugixml.hpp>

#include "core/error.h"
#include "core/text.h"

namespace o2c::portals::ariba {

namespace {

std::string xml_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

Outcome outcome_of_status(std::string_view type) {
  if (type == "reconciled" || type == "paying") return Outcome::accepted;
  if (type == "paid") return Outcome::paid;
  if (type == "rejected") return Outcome::rejected;
  return Outcome::submitted;   // processing, or none yet
}

}  // namespace

void check_settings(const PortalSettings& s) {
  for (const auto& [present, setting] : {std::pair{!s.url.empty(), "url (the cXML POST URL)"},
                                         {!s.supplier_id.empty(), "supplier_id (our NetworkID, AN…)"},
                                         {!s.shared_secret.empty(), "shared_secret"}})
    if (!present)
      throw Error(Error::Kind::config, fmt::format("portals.{}: kind ariba needs {}", s.name, setting),
                  ErrorContext::of_source(s.name));
}

AribaPortal::AribaPortal(PortalSettings settings, const Clock& clock)
    : settings_(std::move(settings)), clock_(clock), client_([&] {
        http::ClientSettings c = settings_.http;
        if (c.source.empty()) c.source = settings_.name;
        return c;
      }()) {
  check_settings(settings_);
}

std::string AribaPortal::new_key(const std::string&, Timestamp now) {
  unsigned char random[6];
  if (RAND_bytes(random, sizeof random) != 1) throw Error(Error::Kind::internal, "RAND_bytes failed");
  std::string hex;
  for (unsigned char c : random) hex += fmt::format("{:02x}", c);
  return fmt::format("{:%Y%m%dT%H%M%S}.{}.{}@o2csync", std::chrono::floor<std::chrono::seconds>(now), ::getpid(), hex);
}

Payload AribaPortal::render(const einvoice::Document& doc, const Route& route, const std::string& key,
                            Timestamp made) const {
  einvoice::CxmlEnvelope e;
  e.payload_id = key;
  e.timestamp = made;
  e.from_identity = e.sender_identity = settings_.supplier_id;
  e.to_identity = route.buyer_id;
  e.shared_secret = settings_.shared_secret.reveal();
  e.test_mode = settings_.test_mode;
  return Payload{"cxml", "text/xml; charset=UTF-8", doc.number + ".xml", einvoice::write_cxml(doc, e)};
}

Answer AribaPortal::submit(const SubmissionRef&, const Payload& payload) {
  http::Request request;
  request.method = "POST";
  request.url = settings_.url;
  request.headers = {{"Content-Type", "text/xml; charset=UTF-8"}};
  request.body = payload.body;
  request.idempotent = false;
  http::Response r;
  try {
    r = client_.send(request, nullptr, submit_verdict);
  } catch (const Error& e) {
    if (e.kind() != Error::Kind::transient) throw;
    return answer_for(AnswerClass::timeout, e.what(), settings_.name);
  }
  std::string reason;
  const AnswerClass c = submit_class(r, reason);
  Answer a = answer_for(c, reason, settings_.name, "check supplier_id and shared_secret");
  if (c == AnswerClass::received) {
    a.status = read_status(r.body)->text;
    a.reason.clear();
  }
  if (c == AnswerClass::quota || c == AnswerClass::unavailable) a.retry_after = retry_after_of(r);
  return a;
}

std::vector<AribaPortal::Update> AribaPortal::pending_updates(std::string& problem) {
  const std::string id = xml_escape(settings_.supplier_id);
  http::Request request;
  request.method = "POST";
  request.url = settings_.url;
  request.headers = {{"Content-Type", "text/xml; charset=UTF-8"}};
  request.body = fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<cXML payloadID=\"{}\" timestamp=\"{}\" xml:lang=\"en-US\"><Header>"
      "<From><Credential domain=\"NetworkID\"><Identity>{}</Identity></Credential></From>"
      "<To><Credential domain=\"NetworkID\"><Identity>{}</Identity></Credential></To>"
      "<Sender><Credential domain=\"NetworkID\"><Identity>{}</Identity><SharedSecret>{}</SharedSecret></Credential>"
      "<UserAgent>o2csync</UserAgent></Sender></Header><Request><GetPendingRequest maxMessages=\"1000\">"
      "<MessageType>StatusUpdateRequest</MessageType></GetPendingRequest></Request></cXML>",
      new_key("", clock_.now()), to_iso8601_seconds(clock_.now()), id, id, id,
      xml_escape(settings_.shared_secret.reveal()));
  const http::Response r = client_.send(request, nullptr, read_verdict);
  const auto status = read_status(r.body);
  if (!status) {
    problem = fmt::format("HTTP {}: unreadable answer to GetPendingRequest: {}", r.status, r.excerpt());
    return {};
  }
  if (status->code == 401)
    answer_for(AnswerClass::auth_failure, status->message, settings_.name, "check supplier_id and shared_secret");
  if (status->code != 200 && status->code != 204) {
    problem = fmt::format("cXML {} {}: {}", status->code, status->text, status->message);
    return {};
  }
  pugi::xml_document doc;
  doc.load_buffer(r.body.data(), r.body.size());
  std::vector<Update> out;
  for (const auto& x : doc.select_nodes("//StatusUpdateRequest")) {
    const pugi::xml_node u = x.node();
    out.push_back(Update{u.child("DocumentReference").attribute("payloadID").value(),
                         u.child("InvoiceStatus").attribute("type").value(),
                         std::string(trim(u.child("InvoiceStatus").child_value("Comments")))});
  }
  return out;
}

Answer AribaPortal::status(const SubmissionRef& ref) {
  std::string problem;
  const std::vector<Update> updates = pending_updates(problem);
  if (!problem.empty()) return Answer{Outcome::unknown, "", "", problem, std::nullopt};
  const Update* last = nullptr;
  for (const Update& u : updates)
    if (u.payload_id == ref.idempotency_key) last = &u;   // oldest first: the last is the latest
  if (!last) return Answer{Outcome::submitted, "", "", "", std::nullopt};
  Answer a{outcome_of_status(last->type), "", last->type, "", std::nullopt};
  if (a.outcome == Outcome::rejected) a.reason = last->comments.empty() ? "rejected by the buyer" : last->comments;
  return a;
}

Answer AribaPortal::lookup(const SubmissionRef& ref) {
  // cXML has no search: a status update naming our payloadID proves delivery;
  // otherwise resending the stored payload (same payloadID) is the safe way.
  Answer a = status(ref);
  if (a.outcome == Outcome::submitted && a.status.empty())
    return Answer{Outcome::unknown, "", "", "Ariba has no lookup: resend the stored payload (same payloadID)",
                  std::nullopt};
  return a;
}

}  // namespace o2c::portals::ariba
