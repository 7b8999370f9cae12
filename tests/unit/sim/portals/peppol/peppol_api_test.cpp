// The simulated Peppol access point: API key, SBD checks and their error
// codes, the unregistered receiver (pitfall #41), the same instance id twice
// (pitfall #42), a new instance id for a delivered number (a duplicate
// delivery), lookup, and the Invoice Response codes over polls.
#include "sim/portals/peppol/peppol_api.h"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "../portal_test_support.h"
#include "sim/portals/peppol/peppol_sbd.h"

namespace o2c::sim::portals::peppol {
namespace {

namespace json = boost::json;
using testing::Case;
using testing::InvoiceSpec;
using testing::request;
using testing::sbd;
using testing::World;

struct PeppolFixture : ::testing::Test {
  std::shared_ptr<FixedClock> clock = std::make_shared<FixedClock>(testing::fixed_now());
  std::shared_ptr<PortalLedger> ledger = std::make_shared<PortalLedger>();
  PeppolApi api{PeppolOptions{}, World::get().directory(), ledger, PortalOptions{1}, clock};

  SimReply post(const std::string& body, const std::string& key = "o2c-demo-peppol-key") {
    return api.handle(request("POST", "/api/v1/documents", body,
                              {{"authorization", "Bearer " + key}, {"content-type", "application/xml"}}));
  }
  SimReply get(const std::string& target) {
    return api.handle(request("GET", target, "", {{"authorization", "Bearer o2c-demo-peppol-key"}}));
  }
  static InvoiceSpec spec(const Case& c) {
    InvoiceSpec s;
    s.number = c.doc.number;
    s.currency = c.doc.currency;
    s.po = c.doc.po;
    s.buyer_scheme = c.buyer.buyer_scheme;
    s.buyer_id = c.buyer.buyer_id;
    return s;
  }
  static std::string code(const SimReply& r) {
    return std::string(json::parse(r.body).at("error").at("code").get_string());
  }
};

TEST_F(PeppolFixture, AValidSbdIsAcceptedForDeliveryWith202) {
  const Case c = World::get().accepted(PortalKind::peppol);
  const SimReply r = post(sbd(spec(c), "6f1c0e62-0d6b-4b4e-9b1c-3f1d2a9b7c01"));
  ASSERT_EQ(r.status, 202) << r.body;
  const json::value v = json::parse(r.body);
  EXPECT_EQ(v.at("status"), "accepted_for_delivery");
  EXPECT_EQ(v.at("instanceIdentifier"), "6f1c0e62-0d6b-4b4e-9b1c-3f1d2a9b7c01");
  EXPECT_TRUE(v.at("id").get_string().starts_with("tx-"));
  EXPECT_EQ(ledger->record(PortalKind::peppol, c.doc.number).deliveries, 1);
}

TEST_F(PeppolFixture, WrongApiKeyIs401) {
  const Case c = World::get().accepted(PortalKind::peppol);
  const SimReply r = post(sbd(spec(c), "u1"), "nope");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(code(r), "UNAUTHORIZED");
  EXPECT_EQ(api.handle(request("GET", "/api/v1/documents?instanceIdentifier=u1")).status, 401);
}

TEST_F(PeppolFixture, EachRefusalHasItsCode) {
  const Case c = World::get().accepted(PortalKind::peppol);
  const auto refused = [&](const std::string& body, int status, std::string_view expected) {
    const SimReply r = post(body);
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(code(r), expected) << r.body;
    EXPECT_EQ(json::parse(r.body).at("error").at("retryable"), false);
  };
  refused("<StandardBusinessDocument><", 400, "MALFORMED_XML");
  refused(testing::ubl(spec(c)), 422, "INVALID_SBDH");
  refused(sbd(spec(c), "u2", "0009:12345678900011"), 403, "SENDER_NOT_REGISTERED");
  refused(sbd(spec(c), "u3", "0009:55210055400013", "urn:oasis:names:specification:ubl:schema:xsd:Order-2::Order"), 422,
          "DOCUMENT_TYPE_NOT_SUPPORTED");
  InvoiceSpec s = spec(c);
  s.buyer_id = "4300000000000";
  s.buyer_scheme = "0088";
  refused(sbd(s, "u4"), 422, "RECEIVER_NOT_FOUND");
  s = spec(c);
  s.currency = "";
  refused(sbd(s, "u5"), 422, "VALIDATION_FAILED");
  s = spec(c);
  s.customization = "urn:cen.eu:en16931:2017";
  refused(sbd(s, "u6"), 422, "VALIDATION_FAILED");
  EXPECT_EQ(ledger->record(PortalKind::peppol, c.doc.number).deliveries, 0);
}

TEST_F(PeppolFixture, AReceiverNotInTheSmpIsAPermanentClearError) {
  std::optional<PortalBuyer> unregistered;
  for (const PortalBuyer& b : World::get().directory()->buyers(PortalKind::peppol))
    if (!b.registered) unregistered = b;
  ASSERT_TRUE(unregistered.has_value()) << "the test business has no unregistered Peppol receiver";
  Case c = World::get().accepted(PortalKind::peppol);
  c.buyer = *unregistered;
  const SimReply r = post(sbd(spec(c), "u7"));
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(code(r), "RECEIVER_NOT_REGISTERED");
  EXPECT_NE(r.body.find("not registered in its SMP"), std::string::npos);
}

TEST_F(PeppolFixture, TheSameInstanceIdIsTheSameTransmissionNeverASecondDelivery) {
  const Case c = World::get().accepted(PortalKind::peppol);
  const SimReply first = post(sbd(spec(c), "same-uuid"));
  const SimReply again = post(sbd(spec(c), "same-uuid"));
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(json::parse(again.body).at("id"), json::parse(first.body).at("id"));
  const DocumentRecord r = ledger->record(PortalKind::peppol, c.doc.number);
  EXPECT_EQ(r.deliveries, 1);
  EXPECT_EQ(r.resends, 1);
}

TEST_F(PeppolFixture, ANewInstanceIdForADeliveredNumberIsDeliveredAgainAndCounted) {
  const Case c = World::get().accepted(PortalKind::peppol);
  ASSERT_EQ(post(sbd(spec(c), "uuid-a")).status, 202);
  EXPECT_EQ(post(sbd(spec(c), "uuid-b")).status, 202);
  const DocumentRecord r = ledger->record(PortalKind::peppol, c.doc.number);
  EXPECT_EQ(r.deliveries, 2);
  EXPECT_EQ(r.duplicate_deliveries, 1);
}

TEST_F(PeppolFixture, LookupByInstanceIdFindsTheTransmission) {
  const Case c = World::get().accepted(PortalKind::peppol);
  EXPECT_EQ(get("/api/v1/documents?instanceIdentifier=uuid-l").body, R"({"items":[]})");
  const json::value created = json::parse(post(sbd(spec(c), "uuid-l")).body);
  const json::value found = json::parse(get("/api/v1/documents?instanceIdentifier=uuid-l").body);
  ASSERT_EQ(found.at("items").as_array().size(), 1u);
  EXPECT_EQ(found.at("items").at(0).at("id"), created.at("id"));
  EXPECT_EQ(get("/api/v1/documents").status, 400);
  EXPECT_EQ(get("/api/v1/documents/tx-99999999").status, 404);
}

TEST_F(PeppolFixture, InvoiceResponseCodesFollowThePolls) {
  const Case paid = World::get().accepted(PortalKind::peppol, true);
  const std::string id(json::parse(post(sbd(spec(paid), "uuid-p")).body).at("id").get_string());
  const auto response = [&] { return json::parse(get("/api/v1/documents/" + id + "/status").body); };
  const json::value first = response();
  EXPECT_EQ(first.at("invoiceResponse").at("code"), "AB");
  EXPECT_EQ(first.at("status"), "delivered");
  EXPECT_EQ(response().at("invoiceResponse").at("code"), "AP");
  EXPECT_EQ(response().at("invoiceResponse").at("code"), "PD");
  EXPECT_EQ(ledger->record(PortalKind::peppol, paid.doc.number).status, "PD");

  const Case rejected = World::get().rejected(PortalKind::peppol);
  const std::string rid(json::parse(post(sbd(spec(rejected), "uuid-r")).body).at("id").get_string());
  (void)get("/api/v1/documents/" + rid + "/status");
  const json::value re = json::parse(get("/api/v1/documents/" + rid + "/status").body);
  EXPECT_EQ(re.at("invoiceResponse").at("code"), "RE");
  EXPECT_EQ(re.at("invoiceResponse").at("reason"), json::value(rejected.doc.decision->reason));
}

TEST_F(PeppolFixture, AnUnknownPoIsDeliveredAndThenRejectedByTheReceiver) {
  const Case c = World::get().accepted(PortalKind::peppol);
  InvoiceSpec s = spec(c);
  s.po = "PO-2026-999999";
  const std::string id(json::parse(post(sbd(s, "uuid-po")).body).at("id").get_string());
  (void)get("/api/v1/documents/" + id + "/status");
  const json::value re = json::parse(get("/api/v1/documents/" + id + "/status").body);
  EXPECT_EQ(re.at("invoiceResponse").at("code"), "RE");
  EXPECT_EQ(re.at("invoiceResponse").at("statusReasonCode"), "REF");
}

}  // namespace
}  // namespace o2c::sim::portals::peppol
