// What Coupa's answers mean: the create answer's class, and an invoice's status.
#include <array>

#include <boost/json.hpp>

#include "connectors/portals/coupa/coupa_portal.h"
#include "core/text.h"

namespace o2c::portals::coupa {

namespace json = boost::json;

namespace {

// Coupa's error texts: {"errors":{"invoice-header":["..."]}} or {"errors":[...]}.
std::string error_text(const json::value& body) {
  const json::value* errors = body.is_object() ? body.as_object().if_contains("errors") : nullptr;
  if (!errors) return {};
  std::string out;
  const auto add = [&out](const json::value& v) {
    if (v.is_string()) out += (out.empty() ? "" : "; ") + std::string(v.get_string());
    else if (v.is_object() && v.as_object().contains("message") && v.at("message").is_string())
      out += (out.empty() ? "" : "; ") + std::string(v.at("message").get_string());
  };
  if (errors->is_array())
    for (const auto& e : errors->get_array()) add(e);
  if (errors->is_object())
    for (const auto& [k, v] : errors->get_object())
      if (v.is_array())
        for (const auto& e : v.get_array()) add(e);
  return out;
}

std::string string_at(const json::value& v, std::string_view key) {
  const json::value* x = v.is_object() ? v.as_object().if_contains(key) : nullptr;
  if (!x) return {};
  if (x->is_string()) return std::string(x->get_string());
  if (x->is_int64()) return std::to_string(x->get_int64());
  return {};
}

// Coupa's invoice statuses (api-contracts §6.3) → the outbox's words.
constexpr std::array<std::pair<std::string_view, Outcome>, 12> kStatuses{{
    {"new", Outcome::submitted},          {"draft", Outcome::submitted},
    {"pending_approval", Outcome::submitted}, {"pending_receipt", Outcome::submitted},
    {"on_hold", Outcome::submitted},      {"ap_hold", Outcome::submitted},
    {"approved", Outcome::accepted},      {"disputed", Outcome::rejected},
    {"voided", Outcome::rejected},        {"abandoned", Outcome::rejected},
    {"rejected", Outcome::rejected},      {"paid", Outcome::paid},
}};

}  // namespace

Answer invoice_answer(const json::value& invoice) {
  Answer a;
  a.portal_ref = string_at(invoice, "id");
  a.status = string_at(invoice, "status");
  a.outcome = Outcome::unknown;
  for (const auto& [word, outcome] : kStatuses)
    if (word == a.status) a.outcome = outcome;
  if (a.outcome == Outcome::unknown) a.reason = "unknown Coupa status '" + a.status + "'";
  const json::value* paid = invoice.is_object() ? invoice.as_object().if_contains("paid") : nullptr;
  if (a.outcome == Outcome::accepted && paid && paid->is_bool() && paid->get_bool()) a.outcome = Outcome::paid;
  if (a.outcome == Outcome::rejected) {
    const json::value* dispute = invoice.as_object().if_contains("dispute-reason");
    a.reason = dispute ? string_at(*dispute, "description") : "";
    if (a.reason.empty()) a.reason = string_at(invoice, "comments");
    if (a.reason.empty()) a.reason = "Coupa status " + a.status;
  }
  return a;
}

AnswerClass submit_class(const http::Response& r, std::string& reason) {
  reason = r.excerpt();
  if (const auto generic = generic_class(r)) return *generic;
  json::error_code ec;
  const json::value body = json::parse(r.body, ec);
  if (r.status == 401 || r.status == 403) return AnswerClass::auth_failure;
  if (ec || !r.is_json()) return r.status >= 200 && r.status < 300 ? AnswerClass::unparseable : AnswerClass::unparseable;
  if (r.status >= 200 && r.status < 300)
    return body.is_object() && !string_at(body, "id").empty() ? AnswerClass::received : AnswerClass::unparseable;
  reason = error_text(body);
  if (reason.empty()) reason = r.excerpt();
  if (to_lower_ascii(reason).find("already been used") != std::string::npos) return AnswerClass::duplicate;
  if (r.status == 404) return AnswerClass::unknown_buyer;
  if (r.status == 400 || r.status == 417 || r.status == 422) return AnswerClass::validation_reject;
  return AnswerClass::unparseable;
}

}  // namespace o2c::portals::coupa
