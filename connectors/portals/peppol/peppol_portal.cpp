#include "connectors/portals/peppol/peppol_portal.h"

#include <boost/json.hpp>
#include <fmt/format.h>

#include "connectors/http/url.h"
#include "core/error.h"

namespace o2c::portals::peppol {

namespace json = boost::json;

namespace {

std::string str(const json::value& v, std::string_view key) {
  const json::value* x = v.is_object() ? v.as_object().if_contains(key) : nullptr;
  return x && x->is_string() ? std::string(x->get_string()) : std::string();
}

}  // namespace

void check_settings(const PortalSettings& s) {
  for (const auto& [present, setting] :
       {std::pair{!s.url.empty(), "url (the access point's API base)"}, {!s.api_key.empty(), "api_key"},
        {!s.supplier_id.empty(), "supplier_id (our participant value)"},
        {!s.supplier_scheme.empty(), "supplier_scheme (the EAS of supplier_id, e.g. 0009)"}})
    if (!present)
      throw Error(Error::Kind::config, fmt::format("portals.{}: kind peppol needs {}", s.name, setting),
                  ErrorContext::of_source(s.name));
  if (!s.grant.empty() && s.grant != "api_key")
    throw Error(Error::Kind::config, fmt::format("portals.{}: kind peppol takes grant api_key, not '{}'", s.name, s.grant),
                ErrorContext::of_source(s.name));
}

PeppolPortal::PeppolPortal(PortalSettings settings, const Clock&)
    : settings_(std::move(settings)),
      client_([&] {
        http::ClientSettings c = settings_.http;
        if (c.source.empty()) c.source = settings_.name;
        return c;
      }()),
      auth_("Authorization", "Bearer ", settings_.api_key) {
  check_settings(settings_);
}

std::string PeppolPortal::new_key(const std::string&, Timestamp) { return uuid_v4(); }

Payload PeppolPortal::render(const einvoice::Document& doc, const Route& route, const std::string& key,
                             Timestamp made) const {
  einvoice::SbdhEnvelope e;
  e.instance_id = key;
  e.created = made;
  e.sender = {settings_.supplier_id, settings_.supplier_scheme};
  e.receiver = {route.buyer_id, route.buyer_scheme};
  e.country_c1 = doc.seller.address.country;
  return Payload{"sbdh", "application/xml", doc.number + ".xml", einvoice::write_sbdh(doc, e)};
}

Answer PeppolPortal::submit(const SubmissionRef&, const Payload& payload) {
  http::Request request;
  request.method = "POST";
  request.url = http::make_url(settings_.url, "/documents");
  request.headers = {{"Content-Type", "application/xml"}, {"Accept", "application/json"}};
  request.body = payload.body;
  request.idempotent = false;
  http::Response r;
  try {
    r = client_.send(request, &auth_, submit_verdict);
  } catch (const Error& e) {
    if (e.kind() != Error::Kind::transient) throw;
    return answer_for(AnswerClass::timeout, e.what(), settings_.name);
  }
  std::string reason;
  const AnswerClass c = submit_class(r, reason);
  Answer a = answer_for(c, reason, settings_.name, "check api_key, supplier_id and supplier_scheme");
  if (c == AnswerClass::received) {
    const json::value v = json::parse(r.body);
    a.portal_ref = str(v, "id");
    a.status = str(v, "status");
    a.reason.clear();
  }
  if (c == AnswerClass::quota || c == AnswerClass::unavailable) a.retry_after = retry_after_of(r);
  return a;
}

std::optional<json::value> PeppolPortal::get(const std::string& path, const http::QueryParams& query,
                                             std::string& problem, int& status) {
  http::Request request;
  request.url = http::make_url(settings_.url, path, query);
  request.headers = {{"Accept", "application/json"}};
  const http::Response r = client_.send(request, &auth_, read_verdict);
  status = r.status;
  if (r.status == 401)
    answer_for(AnswerClass::auth_failure, "HTTP 401", settings_.name, "check api_key");
  json::error_code ec;
  json::value v = json::parse(r.body, ec);
  if (ec || !v.is_object() || r.status != 200) {
    problem = fmt::format("HTTP {}: {}", r.status, r.excerpt());
    return std::nullopt;
  }
  return v;
}

Answer PeppolPortal::lookup(const SubmissionRef& ref) {
  std::string problem;
  int http_status = 0;
  const auto found = get("/documents", {{"instanceIdentifier", ref.idempotency_key}}, problem, http_status);
  if (!found) return Answer{Outcome::unknown, "", "", problem, std::nullopt};
  const json::value* items = found->as_object().if_contains("items");
  if (!items || !items->is_array()) return Answer{Outcome::unknown, "", "", "no items in the answer", std::nullopt};
  if (items->get_array().empty()) return Answer{Outcome::not_found, "", "", "", std::nullopt};
  SubmissionRef known = ref;
  known.portal_ref = str(items->get_array().front(), "id");
  if (known.portal_ref.empty()) return Answer{Outcome::unknown, "", "", "a transmission without id", std::nullopt};
  return status(known);
}

Answer PeppolPortal::status(const SubmissionRef& ref) {
  if (ref.portal_ref.empty()) return lookup(ref);
  std::string problem;
  int http_status = 0;
  const auto v = get("/documents/" + http::percent_encode(ref.portal_ref) + "/status", {}, problem, http_status);
  if (!v) {
    if (http_status == 404) return Answer{Outcome::not_found, "", "", problem, std::nullopt};
    return Answer{Outcome::unknown, ref.portal_ref, "", problem, std::nullopt};
  }
  const json::value* response = v->as_object().if_contains("invoiceResponse");
  if (!response || !response->is_object()) return Answer{Outcome::submitted, ref.portal_ref, str(*v, "status"), "", std::nullopt};
  const std::string code = str(*response, "code");
  Answer a{response_outcome(code), ref.portal_ref, code, "", std::nullopt};
  if (a.outcome == Outcome::rejected) {
    const std::string reason_code = str(*response, "statusReasonCode");
    a.reason = str(*response, "reason");
    if (!reason_code.empty()) a.reason = reason_code + ": " + a.reason;
  }
  return a;
}

}  // namespace o2c::portals::peppol
