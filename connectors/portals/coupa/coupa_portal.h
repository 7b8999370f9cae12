// connectors/portals/coupa/coupa_portal.h — Coupa (api-contracts §6): one
// instance per buyer, the API base and token URL may carry "{buyer}" (the
// routing table's buyer id); OAuth 2.0 client credentials (a token per
// instance, space-separated scopes) or the legacy API key. The idempotency
// key is the invoice number: Coupa refuses a second invoice with the same
// supplier + number, and that refusal after an unknown outcome is checked by
// a lookup (GET /api/invoices?invoice-number=…&supplier[number]=…).
#pragma once

#include <map>
#include <memory>
#include <mutex>

#include <boost/json/value.hpp>

#include "connectors/portals/portal.h"
#include "connectors/portals/portal_answers.h"

namespace o2c::portals::coupa {

class CoupaPortal final : public Portal {
 public:
  CoupaPortal(PortalSettings settings, const Clock& clock);
  std::string_view kind() const override { return "coupa"; }
  std::string new_key(const std::string& invoice_number, Timestamp now) override;
  Payload render(const einvoice::Document& doc, const Route& route, const std::string& key,
                 Timestamp made) const override;
  Answer submit(const SubmissionRef& ref, const Payload& payload) override;
  Answer lookup(const SubmissionRef& ref) override;
  Answer status(const SubmissionRef& ref) override;

 private:
  http::Auth& auth_for(const std::string& buyer);
  std::string base(const Route& route) const;
  Answer read_invoices(const SubmissionRef& ref, const std::string& url, bool listing);

  PortalSettings settings_;
  const Clock& clock_;
  http::Client client_;
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<http::Auth>> auths_;   // per instance
};

// Checks the settings Coupa needs; Error(config) naming the setting.
void check_settings(const PortalSettings& s);
// The invoice JSON Coupa's REST API takes (coupa_render.cpp).
boost::json::object invoice_json(const einvoice::Document& doc, const Route& route);
// An invoice object of Coupa's answer → outcome and status (coupa_verdict.cpp).
Answer invoice_answer(const boost::json::value& invoice);
// Sorts a POST /api/invoices answer; `reason` receives Coupa's error text.
AnswerClass submit_class(const http::Response& r, std::string& reason);

}  // namespace o2c::portals::coupa
