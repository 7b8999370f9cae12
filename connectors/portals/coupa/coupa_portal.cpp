#include "connectors/portals/coupa/coupa_portal.h"

#include <boost/json.hpp>
#include <fmt/format.h>

#include "connectors/http/url.h"
#include "connectors/portals/portal_auth.h"
#include "core/error.h"

namespace o2c::portals::coupa {

namespace json = boost::json;

namespace {

constexpr std::string_view kDefaultScope = "core.invoice.read core.invoice.write";

void require(bool present, std::string_view setting, const PortalSettings& s) {
  if (!present)
    throw Error(Error::Kind::config,
                fmt::format("portals.{}: kind coupa with grant {} needs {}", s.name, s.grant, setting),
                ErrorContext::of_source(s.name));
}

}  // namespace

void check_settings(const PortalSettings& s) {
  require(!s.url.empty(), "url (the instance's API base; may contain {buyer})", s);
  if (s.grant == "client_credentials" || s.grant.empty()) {
    require(!s.token_url.empty(), "token_url", s);
    require(!s.client_id.empty(), "client_id", s);
    require(!s.client_secret.empty(), "client_secret", s);
  } else if (s.grant == "api_key") {
    require(!s.api_key.empty(), "api_key", s);
  } else {
    throw Error(Error::Kind::config,
                fmt::format("portals.{}: grant '{}' is not one of client_credentials, api_key", s.name, s.grant),
                ErrorContext::of_source(s.name));
  }
}

CoupaPortal::CoupaPortal(PortalSettings settings, const Clock& clock)
    : settings_(std::move(settings)), clock_(clock), client_([&] {
        http::ClientSettings c = settings_.http;
        if (c.source.empty()) c.source = settings_.name;
        return c;
      }()) {
  check_settings(settings_);
}

std::string CoupaPortal::new_key(const std::string& invoice_number, Timestamp) { return invoice_number; }

Payload CoupaPortal::render(const einvoice::Document& doc, const Route& route, const std::string&, Timestamp) const {
  return Payload{"coupa-json", "application/json", doc.number + ".json", json::serialize(invoice_json(doc, route))};
}

std::string CoupaPortal::base(const Route& route) const { return with_buyer(settings_.url, route.buyer_id); }

http::Auth& CoupaPortal::auth_for(const std::string& buyer) {
  std::lock_guard lock(mutex_);
  auto& slot = auths_[settings_.grant == "api_key" ? std::string() : buyer];
  if (!slot) {
    if (settings_.grant == "api_key") {
      slot = std::make_unique<HeaderAuth>("X-COUPA-API-KEY", "", settings_.api_key);
    } else {
      http::OAuth2Settings o;
      o.token_url = with_buyer(settings_.token_url, buyer);
      o.grant = "client_credentials";
      o.client_id = settings_.client_id;
      o.client_secret = settings_.client_secret;
      o.scope = settings_.scope.empty() ? std::string(kDefaultScope) : settings_.scope;
      slot = std::make_unique<http::OAuth2Auth>(std::move(o), client_, clock_);
    }
  }
  return *slot;
}

Answer CoupaPortal::submit(const SubmissionRef& ref, const Payload& payload) {
  http::Request request;
  request.method = "POST";
  request.url = http::make_url(base(ref.route), "/api/invoices");
  request.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
  request.body = payload.body;
  request.idempotent = false;
  http::Response r;
  try {
    r = client_.send(request, &auth_for(ref.route.buyer_id), submit_verdict);
  } catch (const Error& e) {
    if (e.kind() != Error::Kind::transient) throw;
    return answer_for(AnswerClass::timeout, e.what(), settings_.name);
  }
  std::string reason;
  const AnswerClass c = submit_class(r, reason);
  if (c == AnswerClass::received) return invoice_answer(json::parse(r.body));
  if (c == AnswerClass::duplicate) {
    // This very submission if Coupa has it from us under this number: confirm and take its id.
    Answer found = lookup(ref);
    if (found.outcome != Outcome::not_found && found.outcome != Outcome::unknown) return found;
    return answer_for(AnswerClass::unparseable, "Coupa says the number is used but the lookup does not find it: " +
                                                    reason, settings_.name);
  }
  Answer a = answer_for(c, fmt::format("HTTP {}: {}", r.status, reason), settings_.name,
                        "check client_id/client_secret/scope or api_key");
  if (c == AnswerClass::quota || c == AnswerClass::unavailable) a.retry_after = retry_after_of(r);
  return a;
}

Answer CoupaPortal::read_invoices(const SubmissionRef& ref, const std::string& url, bool listing) {
  http::Request request;
  request.url = url;
  request.headers = {{"Accept", "application/json"}};
  const http::Response r = client_.send(request, &auth_for(ref.route.buyer_id), read_verdict);
  std::string reason;
  if (r.status == 404 && !listing) return Answer{Outcome::not_found, "", "", "no such invoice id", std::nullopt};
  if (r.status == 401 || r.status == 403)
    return answer_for(AnswerClass::auth_failure, fmt::format("HTTP {}", r.status), settings_.name,
                      "check client_id/client_secret/scope or api_key");
  json::error_code ec;
  const json::value body = json::parse(r.body, ec);
  if (r.status != 200 || ec || !r.is_json())
    return Answer{Outcome::unknown, "", "", fmt::format("HTTP {}: {}", r.status, r.excerpt()), std::nullopt};
  if (!listing) return invoice_answer(body);
  if (!body.is_array()) return Answer{Outcome::unknown, "", "", "not a JSON array: " + r.excerpt(), std::nullopt};
  if (body.as_array().empty()) return Answer{Outcome::not_found, "", "", "", std::nullopt};
  return invoice_answer(body.as_array().front());
}

Answer CoupaPortal::lookup(const SubmissionRef& ref) {
  const std::string url = http::make_url(base(ref.route), "/api/invoices",
                                         {{"invoice-number", ref.invoice_number},
                                          {"supplier[number]", ref.route.supplier_ref}});
  return read_invoices(ref, url, true);
}

Answer CoupaPortal::status(const SubmissionRef& ref) {
  if (ref.portal_ref.empty()) return lookup(ref);
  return read_invoices(ref, http::make_url(base(ref.route), "/api/invoices/" + http::percent_encode(ref.portal_ref)),
                       false);
}

}  // namespace o2c::portals::coupa
