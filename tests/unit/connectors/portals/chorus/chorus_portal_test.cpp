// The Chorus Pro connector against the simulated Chorus Pro over HTTP.
#include "connectors/portals/chorus/chorus_portal.h"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "../portal_sim_server.h"
#include "connectors/portals/portal_auth.h"
#include "core/error.h"

namespace o2c::portals::chorus {
namespace {

namespace json = boost::json;
using sim::PortalKind;
using sim::portals::testing::InvoiceSpec;
using test::PortalSimServer;
using test::Twist;
using test::World;

struct ChorusConnector : ::testing::Test {
  PortalSimServer server{"chorus"};
  FixedClock clock{sim::portals::testing::fixed_now()};

  PortalSettings settings() const {
    PortalSettings s;
    s.name = "chorus";
    s.kind = "chorus";
    s.url = server.url();
    s.token_url = server.url() + "/api/oauth/token";
    s.client_id = Secret("o2c-demo-piste-client");
    s.client_secret = Secret("o2c-demo-piste-secret");
    s.user = "TECH_1_acme@cpro.fr";
    s.password = Secret("o2c-demo-cpro-password");
    s.format = "ubl";
    s.http = PortalSimServer::client_settings();
    return s;
  }
  static SubmissionRef ref_of(const sim::portals::testing::Case& c) {
    return SubmissionRef{c.doc.number, {}, c.doc.number, "", PortalSimServer::route_of(c.buyer)};
  }
  static Payload payload(const sim::portals::testing::Case& c, std::string po = "use-doc") {
    InvoiceSpec s;
    s.number = c.doc.number;
    s.currency = c.doc.currency;
    s.po = po == "use-doc" ? c.doc.po : po;
    s.buyer_reference = c.buyer.service_code;
    s.buyer_scheme = "0009";
    s.buyer_id = c.buyer.buyer_id;
    const json::object deposit{{"idUtilisateurCourant", 0},
                               {"fichierFlux", base64(sim::portals::testing::ubl(s))},
                               {"nomFichier", c.doc.number + ".xml"},
                               {"syntaxeFlux", "IN_DP_E1_UBL_INVOICE"},
                               {"avecSignature", false}};
    return Payload{"ubl", "application/json", c.doc.number + ".xml", json::serialize(deposit)};
  }
};

TEST_F(ChorusConnector, DepositThenTheFluxThenTheInvoiceStatus) {
  ChorusPortal portal(settings(), clock);
  const auto c = World::get().accepted(PortalKind::chorus, true);
  SubmissionRef ref = ref_of(c);
  const Answer sent = portal.submit(ref, payload(c));
  ASSERT_EQ(sent.outcome, Outcome::submitted) << sent.reason;
  EXPECT_TRUE(sent.portal_ref.starts_with("CPP")) << sent.portal_ref;
  ref.portal_ref = sent.portal_ref;
  EXPECT_EQ(portal.status(ref).status, "IN_RECU");
  const Answer integrated = portal.status(ref);   // the flux is integrated: the invoice's own status
  EXPECT_EQ(integrated.outcome, Outcome::submitted);
  EXPECT_EQ(integrated.status, "DEPOSEE");
  EXPECT_EQ(portal.status(ref).outcome, Outcome::accepted);
  EXPECT_EQ(portal.status(ref).outcome, Outcome::paid);
}

TEST_F(ChorusConnector, ARejectedFluxCarriesChorusReasonAndAnExpiredTokenIsRefreshed) {
  ChorusPortal portal(settings(), clock);
  const auto c = World::get().accepted(PortalKind::chorus);
  SubmissionRef ref = ref_of(c);
  ASSERT_EQ(portal.lookup(ref).outcome, Outcome::not_found);
  server.sims().chorus().expire_tokens();
  const Answer sent = portal.submit(ref, payload(c, "PO-2026-999999"));
  ASSERT_EQ(sent.outcome, Outcome::submitted);
  ref.portal_ref = sent.portal_ref;
  (void)portal.status(ref);
  const Answer rejected = portal.status(ref);
  EXPECT_EQ(rejected.outcome, Outcome::rejected);
  EXPECT_NE(rejected.reason.find("Engagement juridique inconnu"), std::string::npos) << rejected.reason;
}

TEST_F(ChorusConnector, AWrongTechnicalAccountIsAConfigError) {
  PortalSettings s = settings();
  s.password = Secret("nope");
  ChorusPortal portal(s, clock);
  const auto c = World::get().accepted(PortalKind::chorus);
  EXPECT_THROW((void)portal.submit(ref_of(c), payload(c)), Error);
}

TEST_F(ChorusConnector, ALostDepositIsFoundByItsNumberAndADoublonIsNeverARejection) {
  ChorusPortal portal(settings(), clock);
  const auto c = World::get().accepted(PortalKind::chorus);
  SubmissionRef ref = ref_of(c);
  ASSERT_EQ(portal.lookup(ref).outcome, Outcome::not_found);
  server.twist(Twist::lost, "deposer/flux");
  EXPECT_EQ(portal.submit(ref, payload(c)).outcome, Outcome::unknown);
  EXPECT_EQ(portal.lookup(ref).outcome, Outcome::submitted);
  const Answer again = portal.submit(ref, payload(c));   // a blind resend: Chorus takes the flux...
  ASSERT_EQ(again.outcome, Outcome::submitted);
  ref.portal_ref = again.portal_ref;
  (void)portal.status(ref);
  EXPECT_NE(portal.status(ref).outcome, Outcome::rejected);   // ...rejects it as a doublon: this very invoice
  const auto record = server.record(PortalKind::chorus, c.doc.number);
  EXPECT_EQ(record.deliveries, 1);
  EXPECT_EQ(record.refused_duplicates, 1);
}

TEST_F(ChorusConnector, ThrottledAndHtmlDeposits) {
  ChorusPortal portal(settings(), clock);
  const auto c = World::get().accepted(PortalKind::chorus);
  (void)portal.lookup(ref_of(c));
  server.twist(Twist::throttle, "deposer/flux");
  const Answer throttled = portal.submit(ref_of(c), payload(c));
  EXPECT_EQ(throttled.outcome, Outcome::retry);
  EXPECT_EQ(throttled.retry_after, std::chrono::seconds(7));
  server.twist(Twist::html, "deposer/flux");
  EXPECT_EQ(portal.submit(ref_of(c), payload(c)).outcome, Outcome::unknown);
  EXPECT_EQ(server.record(PortalKind::chorus, c.doc.number).deliveries, 0);
}

}  // namespace
}  // namespace o2c::portals::chorus
