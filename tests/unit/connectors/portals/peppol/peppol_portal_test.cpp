// The Peppol connector against the simulated access point over HTTP.
#include "connectors/portals/peppol/peppol_portal.h"

#include <gtest/gtest.h>

#include "../portal_sim_server.h"
#include "core/error.h"

namespace o2c::portals::peppol {
namespace {

using sim::PortalKind;
using sim::portals::testing::InvoiceSpec;
using test::PortalSimServer;
using test::Twist;
using test::World;

struct PeppolConnector : ::testing::Test {
  PortalSimServer server{"peppol"};
  FixedClock clock{sim::portals::testing::fixed_now()};

  PortalSettings settings() const {
    PortalSettings s;
    s.name = "peppol";
    s.kind = "peppol";
    s.url = server.url() + "/api/v1";
    s.grant = "api_key";
    s.api_key = Secret("o2c-demo-peppol-key");
    s.supplier_id = "55210055400013";
    s.supplier_scheme = "0009";
    s.http = PortalSimServer::client_settings();
    return s;
  }
  static SubmissionRef ref_of(const sim::PortalBuyer& b, const std::string& number, const std::string& key) {
    return SubmissionRef{number, {}, key, "", PortalSimServer::route_of(b)};
  }
  static Payload payload(const sim::PortalBuyer& b, const sim::portals::testing::Doc& d, const std::string& key) {
    InvoiceSpec s;
    s.number = d.number;
    s.currency = d.currency;
    s.po = d.po;
    s.buyer_scheme = b.buyer_scheme;
    s.buyer_id = b.buyer_id;
    return Payload{"sbdh", "application/xml", d.number + ".xml", sim::portals::testing::sbd(s, key)};
  }
};

TEST_F(PeppolConnector, SubmitThenInvoiceResponses) {
  PeppolPortal portal(settings(), clock);
  const auto c = World::get().accepted(PortalKind::peppol, true);
  const std::string key = portal.new_key(c.doc.number, clock.now());
  SubmissionRef ref = ref_of(c.buyer, c.doc.number, key);
  EXPECT_EQ(portal.lookup(ref).outcome, Outcome::not_found);
  const Answer sent = portal.submit(ref, payload(c.buyer, c.doc, key));
  ASSERT_EQ(sent.outcome, Outcome::submitted) << sent.reason;
  EXPECT_EQ(sent.status, "accepted_for_delivery");
  ref.portal_ref = sent.portal_ref;
  EXPECT_EQ(portal.status(ref).status, "AB");
  EXPECT_EQ(portal.status(ref).outcome, Outcome::accepted);
  EXPECT_EQ(portal.status(ref).outcome, Outcome::paid);
}

TEST_F(PeppolConnector, AnUnregisteredReceiverIsAPermanentRejection) {
  PeppolPortal portal(settings(), clock);
  std::optional<sim::PortalBuyer> unregistered;
  for (const auto& b : World::get().directory()->buyers(PortalKind::peppol))
    if (!b.registered) unregistered = b;
  ASSERT_TRUE(unregistered);
  const auto c = World::get().accepted(PortalKind::peppol);
  const Answer a = portal.submit(ref_of(*unregistered, c.doc.number, "k1"), payload(*unregistered, c.doc, "k1"));
  EXPECT_EQ(a.outcome, Outcome::rejected);
  EXPECT_NE(a.reason.find("RECEIVER_NOT_REGISTERED"), std::string::npos) << a.reason;
}

TEST_F(PeppolConnector, ALostReceiptIsFoundByInstanceIdAndTheSameIdIsNeverDeliveredTwice) {
  PeppolPortal portal(settings(), clock);
  const auto c = World::get().accepted(PortalKind::peppol);
  const std::string key = portal.new_key(c.doc.number, clock.now());
  const SubmissionRef ref = ref_of(c.buyer, c.doc.number, key);
  server.twist(Twist::lost, "/documents");
  EXPECT_EQ(portal.submit(ref, payload(c.buyer, c.doc, key)).outcome, Outcome::unknown);
  const Answer found = portal.lookup(ref);
  EXPECT_EQ(found.outcome, Outcome::submitted);
  EXPECT_TRUE(found.portal_ref.starts_with("tx-"));
  EXPECT_EQ(portal.submit(ref, payload(c.buyer, c.doc, key)).portal_ref, found.portal_ref);
  const auto record = server.record(PortalKind::peppol, c.doc.number);
  EXPECT_EQ(record.deliveries, 1);
  EXPECT_EQ(record.duplicate_deliveries, 0);
}

TEST_F(PeppolConnector, AWrongApiKeyIsAConfigErrorAndThrottlingIsRetry) {
  PortalSettings s = settings();
  s.api_key = Secret("nope");
  PeppolPortal wrong(s, clock);
  const auto c = World::get().accepted(PortalKind::peppol);
  EXPECT_THROW((void)wrong.submit(ref_of(c.buyer, c.doc.number, "k"), payload(c.buyer, c.doc, "k")), Error);
  PeppolPortal portal(settings(), clock);
  server.twist(Twist::throttle, "/documents");
  const Answer throttled = portal.submit(ref_of(c.buyer, c.doc.number, "k"), payload(c.buyer, c.doc, "k"));
  EXPECT_EQ(throttled.outcome, Outcome::retry);
  EXPECT_EQ(throttled.retry_after, std::chrono::seconds(7));
  server.twist(Twist::truncate, "/documents");
  EXPECT_EQ(portal.submit(ref_of(c.buyer, c.doc.number, "k"), payload(c.buyer, c.doc, "k")).outcome, Outcome::unknown);
  EXPECT_EQ(portal.lookup(ref_of(c.buyer, c.doc.number, "k")).outcome, Outcome::submitted);
}

}  // namespace
}  // namespace o2c::portals::peppol
