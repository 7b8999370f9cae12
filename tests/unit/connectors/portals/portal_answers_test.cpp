// Field-pitfalls #43, table-driven: every answer class of every portal maps
// to the outcome the outbox needs — validation rejects and unknown buyers are
// rejected, a duplicate of this submission is submitted, quota and 503 are
// retried, 5xx / timeouts / unreadable answers / HTML pages are unknown (look
// it up, never resend blindly), refused credentials stop with Error(config).
#include "connectors/portals/portal_answers.h"

#include <boost/json.hpp>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "connectors/portals/ariba/ariba_portal.h"
#include "connectors/portals/chorus/chorus_portal.h"
#include "connectors/portals/coupa/coupa_portal.h"
#include "connectors/portals/peppol/peppol_portal.h"
#include "core/error.h"

namespace o2c::portals {
namespace {

http::Response response(int status, std::string content_type, std::string body,
                        std::vector<http::Header> headers = {}) {
  http::Response r;
  r.status = status;
  r.headers = std::move(headers);
  r.headers.push_back({"content-type", std::move(content_type)});
  r.body = std::move(body);
  return r;
}

TEST(AnswerTable, EveryClassHasItsOutcome) {
  const std::vector<std::pair<AnswerClass, Outcome>> expected{
      {AnswerClass::received, Outcome::submitted},        {AnswerClass::duplicate, Outcome::submitted},
      {AnswerClass::validation_reject, Outcome::rejected}, {AnswerClass::unknown_buyer, Outcome::rejected},
      {AnswerClass::quota, Outcome::retry},               {AnswerClass::unavailable, Outcome::retry},
      {AnswerClass::server_error, Outcome::unknown},      {AnswerClass::timeout, Outcome::unknown},
      {AnswerClass::unparseable, Outcome::unknown},       {AnswerClass::html_page, Outcome::unknown}};
  for (const auto& [c, outcome] : expected) {
    const Answer a = answer_for(c, "why", "p");
    EXPECT_EQ(a.outcome, outcome) << to_string(c);
    EXPECT_EQ(a.reason, "why");
  }
  try {
    (void)answer_for(AnswerClass::auth_failure, "HTTP 401", "coupa", "check client_id");
    ADD_FAILURE() << "auth failure must throw";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::config);
    EXPECT_NE(std::string(e.what()).find("check client_id"), std::string::npos);
  }
  EXPECT_EQ(kAnswerRules.size(), 11u);
}

TEST(AnswerTable, GenericClassesAndRetryAfter) {
  const http::Response throttled = response(429, "application/json", "{}", {{"retry-after", "7"}});
  EXPECT_EQ(generic_class(throttled), AnswerClass::quota);
  EXPECT_EQ(retry_after_of(throttled), std::chrono::seconds(7));
  EXPECT_EQ(generic_class(response(503, "text/html", "<html>")), AnswerClass::unavailable);
  EXPECT_EQ(generic_class(response(502, "text/plain", "bad gateway")), AnswerClass::server_error);
  EXPECT_EQ(generic_class(response(200, "text/html; charset=utf-8", "<html>")), AnswerClass::html_page);
  EXPECT_EQ(generic_class(response(200, "application/json", "{}")), std::nullopt);
  EXPECT_EQ(submit_verdict(response(401, "application/json", "{}")), http::Verdict::refresh_auth);
  EXPECT_EQ(submit_verdict(response(429, "application/json", "{}")), http::Verdict::ok);
  EXPECT_EQ(submit_verdict(response(500, "text/html", "")), http::Verdict::ok);
  EXPECT_EQ(with_buyer("https://{buyer}.coupahost.com/{buyer}", "acme"), "https://acme.coupahost.com/acme");
}

struct Row {
  std::string portal;
  http::Response r;
  AnswerClass expected;
};

AnswerClass classify(const Row& row, std::string& reason) {
  if (row.portal == "coupa") return coupa::submit_class(row.r, reason);
  if (row.portal == "ariba") return ariba::submit_class(row.r, reason);
  if (row.portal == "chorus") return chorus::deposit_class(row.r, reason);
  return peppol::submit_class(row.r, reason);
}

std::string cxml(int code, std::string_view message) {
  return fmt::format("<?xml version=\"1.0\"?><cXML payloadID=\"x\"><Response><Status code=\"{}\" text=\"t\">{}</Status>"
                     "</Response></cXML>", code, message);
}

TEST(AnswerTable, EachPortalsAnswersAreSortedIntoTheirClass) {
  const std::string json = "application/json", xml = "text/xml";
  const std::vector<Row> rows{
      {"coupa", response(201, json, R"({"id":5001,"status":"pending_approval"})"), AnswerClass::received},
      {"coupa", response(422, json, R"({"errors":{"invoice-header":["Invoice number has already been used"]}})"), AnswerClass::duplicate},
      {"coupa", response(422, json, R"({"errors":{"invoice-header":["Currency can't be blank"]}})"), AnswerClass::validation_reject},
      {"coupa", response(417, json, R"({"errors":{"invoice-header":["Invalid order reference"]}})"), AnswerClass::validation_reject},
      {"coupa", response(404, json, R"({"errors":{"instance":["No Coupa instance"]}})"), AnswerClass::unknown_buyer},
      {"coupa", response(401, json, R"({"errors":{"authentication":["Invalid"]}})"), AnswerClass::auth_failure},
      {"coupa", response(429, json, "{}"), AnswerClass::quota},
      {"coupa", response(201, json, R"({"id":50)"), AnswerClass::unparseable},
      {"coupa", response(200, "text/html", "<html>"), AnswerClass::html_page},
      {"ariba", response(200, xml, cxml(201, "accepted")), AnswerClass::received},
      {"ariba", response(200, xml, cxml(400, "INVOICE_DUPLICATE: used")), AnswerClass::duplicate},
      {"ariba", response(200, xml, cxml(400, "Unknown buyer: AN1")), AnswerClass::unknown_buyer},
      {"ariba", response(200, xml, cxml(400, "Invalid order reference")), AnswerClass::validation_reject},
      {"ariba", response(200, xml, cxml(401, "SharedSecret mismatch")), AnswerClass::auth_failure},
      {"ariba", response(200, xml, cxml(500, "down")), AnswerClass::server_error},
      {"ariba", response(200, xml, "<cXML><Resp"), AnswerClass::unparseable},
      {"ariba", response(503, "text/html", "<html>"), AnswerClass::unavailable},
      {"chorus", response(200, json, R"({"codeRetour":0,"numeroFluxDepot":"CPP001"})"), AnswerClass::received},
      {"chorus", response(400, json, R"({"codeRetour":20002,"libelle":"Champ absent"})"), AnswerClass::validation_reject},
      {"chorus", response(403, json, R"({"codeRetour":20001,"libelle":"cpro-account"})"), AnswerClass::auth_failure},
      {"chorus", response(200, json, R"({"codeRetour":0})"), AnswerClass::unparseable},
      {"chorus", response(504, "text/plain", "gateway timeout"), AnswerClass::server_error},
      {"peppol", response(202, json, R"({"id":"tx-1","status":"accepted_for_delivery"})"), AnswerClass::received},
      {"peppol", response(422, json, R"({"error":{"code":"RECEIVER_NOT_REGISTERED","message":"no SMP"}})"), AnswerClass::unknown_buyer},
      {"peppol", response(422, json, R"({"error":{"code":"VALIDATION_FAILED","message":"BR-05"}})"), AnswerClass::validation_reject},
      {"peppol", response(403, json, R"({"error":{"code":"SENDER_NOT_REGISTERED","message":"x"}})"), AnswerClass::auth_failure},
      {"peppol", response(429, json, "{}"), AnswerClass::quota},
      {"peppol", response(202, json, R"({"id":"tx)"), AnswerClass::unparseable},
  };
  for (const Row& row : rows) {
    std::string reason;
    EXPECT_EQ(classify(row, reason), row.expected) << row.portal << " " << row.r.status << " " << row.r.body;
  }
}

TEST(AnswerTable, InvoiceStatusesMapToOutcomes) {
  EXPECT_EQ(chorus::invoice_outcome("DEPOSEE"), Outcome::submitted);
  EXPECT_EQ(chorus::invoice_outcome("SERVICE_FAIT"), Outcome::accepted);
  EXPECT_EQ(chorus::invoice_outcome("MISE_EN_PAIEMENT"), Outcome::paid);
  EXPECT_EQ(chorus::invoice_outcome("REJETEE"), Outcome::rejected);
  EXPECT_EQ(chorus::invoice_outcome("PERDUE"), Outcome::unknown);
  EXPECT_EQ(peppol::response_outcome("AB"), Outcome::submitted);
  EXPECT_EQ(peppol::response_outcome("IP"), Outcome::submitted);
  EXPECT_EQ(peppol::response_outcome("AP"), Outcome::accepted);
  EXPECT_EQ(peppol::response_outcome("PD"), Outcome::paid);
  EXPECT_EQ(peppol::response_outcome("RE"), Outcome::rejected);
  const auto coupa = [](std::string_view json) { return coupa::invoice_answer(boost::json::parse(json)); };
  EXPECT_EQ(coupa(R"({"id":1,"status":"pending_approval"})").outcome, Outcome::submitted);
  EXPECT_EQ(coupa(R"({"id":1,"status":"approved","paid":false})").outcome, Outcome::accepted);
  EXPECT_EQ(coupa(R"({"id":1,"status":"approved","paid":true})").outcome, Outcome::paid);
  const Answer disputed = coupa(R"({"id":1,"status":"disputed","dispute-reason":{"description":"Wrong price"}})");
  EXPECT_EQ(disputed.outcome, Outcome::rejected);
  EXPECT_EQ(disputed.reason, "Wrong price");
  EXPECT_EQ(disputed.portal_ref, "1");
  EXPECT_EQ(coupa(R"({"id":1,"status":"teleported"})").outcome, Outcome::unknown);
}

TEST(PeppolKey, IsAVersion4Uuid) {
  const std::string a = peppol::uuid_v4(), b = peppol::uuid_v4();
  EXPECT_NE(a, b);
  ASSERT_EQ(a.size(), 36u);
  EXPECT_EQ(a[14], '4');
  EXPECT_TRUE(a[19] == '8' || a[19] == '9' || a[19] == 'a' || a[19] == 'b') << a;
  EXPECT_EQ(a[8], '-');
}

}  // namespace
}  // namespace o2c::portals
