// The Ariba connector against the simulated Ariba Network over HTTP.
#include "connectors/portals/ariba/ariba_portal.h"

#include <gtest/gtest.h>

#include "../portal_sim_server.h"
#include "core/error.h"

namespace o2c::portals::ariba {
namespace {

using sim::PortalKind;
using sim::portals::testing::CxmlSpec;
using test::PortalSimServer;
using test::Twist;
using test::World;

struct AribaConnector : ::testing::Test {
  PortalSimServer server{"ariba"};
  FixedClock clock{sim::portals::testing::fixed_now()};

  PortalSettings settings() const {
    PortalSettings s;
    s.name = "ariba";
    s.kind = "ariba";
    s.url = server.url() + "/cxml/invoices";
    s.supplier_id = "AN01000012345";
    s.shared_secret = Secret("o2c-demo-ariba-secret");
    s.http = PortalSimServer::client_settings();
    return s;
  }
  static SubmissionRef ref_of(const sim::portals::testing::Case& c, const std::string& key) {
    return SubmissionRef{c.doc.number, {}, key, "", PortalSimServer::route_of(c.buyer)};
  }
  static Payload payload(const sim::portals::testing::Case& c, const std::string& key, std::string po = "use-doc") {
    CxmlSpec s{key, c.doc.number, c.buyer.buyer_id, po == "use-doc" ? c.doc.po : po, c.doc.currency};
    return Payload{"cxml", "text/xml; charset=UTF-8", c.doc.number + ".xml", sim::portals::testing::invoice_cxml(s)};
  }
};

TEST_F(AribaConnector, KeysArePayloadIdsAndStatusComesFromGetPending) {
  AribaPortal portal(settings(), clock);
  EXPECT_TRUE(portal.resend_is_idempotent());
  const auto c = World::get().accepted(PortalKind::ariba, true);
  const std::string key = portal.new_key(c.doc.number, clock.now());
  EXPECT_TRUE(key.starts_with("20261124T120000.")) << key;
  EXPECT_TRUE(key.ends_with("@o2csync")) << key;
  EXPECT_NE(portal.new_key(c.doc.number, clock.now()), key);
  const SubmissionRef ref = ref_of(c, key);
  EXPECT_EQ(portal.lookup(ref).outcome, Outcome::unknown);   // nothing to look up yet: resend is the way
  const Answer sent = portal.submit(ref, payload(c, key));
  ASSERT_EQ(sent.outcome, Outcome::submitted) << sent.reason;
  EXPECT_EQ(sent.status, "Accepted");
  const Answer first = portal.status(ref);
  EXPECT_EQ(first.outcome, Outcome::submitted);
  EXPECT_EQ(first.status, "processing");
  EXPECT_EQ(portal.status(ref).outcome, Outcome::accepted);
  EXPECT_EQ(portal.status(ref).outcome, Outcome::paid);
}

TEST_F(AribaConnector, ARejectionByTheBuyerCarriesItsComments) {
  AribaPortal portal(settings(), clock);
  const auto c = World::get().rejected(PortalKind::ariba);
  const SubmissionRef ref = ref_of(c, "rej@o2csync");
  ASSERT_EQ(portal.submit(ref, payload(c, "rej@o2csync")).outcome, Outcome::submitted);
  (void)portal.status(ref);
  const Answer decided = portal.status(ref);
  EXPECT_EQ(decided.outcome, Outcome::rejected);
  EXPECT_EQ(decided.reason, c.doc.decision->reason);
}

TEST_F(AribaConnector, RefusalsAreRejectedAndAWrongSecretIsAConfigError) {
  AribaPortal portal(settings(), clock);
  const auto c = World::get().accepted(PortalKind::ariba);
  const Answer po = portal.submit(ref_of(c, "a@x"), payload(c, "a@x", "PO-2026-999999"));
  EXPECT_EQ(po.outcome, Outcome::rejected);
  EXPECT_NE(po.reason.find("Invalid order reference"), std::string::npos) << po.reason;
  PortalSettings s = settings();
  s.shared_secret = Secret("guess");
  AribaPortal wrong(s, clock);
  Payload bad = payload(c, "b@x");
  bad.body.replace(bad.body.find("o2c-demo-ariba-secret"), 21, "guess");
  try {
    (void)wrong.submit(ref_of(c, "b@x"), bad);
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::config);
  }
}

TEST_F(AribaConnector, ALostReplyIsResolvedByResendingTheSamePayload) {
  AribaPortal portal(settings(), clock);
  const auto c = World::get().accepted(PortalKind::ariba);
  const SubmissionRef ref = ref_of(c, "lost@o2csync");
  server.twist(Twist::lost, "/cxml/invoices");
  EXPECT_EQ(portal.submit(ref, payload(c, "lost@o2csync")).outcome, Outcome::unknown);
  const Answer resent = portal.submit(ref, payload(c, "lost@o2csync"));
  EXPECT_EQ(resent.outcome, Outcome::submitted);
  const auto record = server.record(PortalKind::ariba, c.doc.number);
  EXPECT_EQ(record.deliveries, 1);
  EXPECT_EQ(record.resends, 1);
  // A new payloadID for the same number (a daemon that minted a new key) is INVOICE_DUPLICATE: delivered, not rejected.
  EXPECT_EQ(portal.submit(ref_of(c, "new@o2csync"), payload(c, "new@o2csync")).outcome, Outcome::submitted);
  EXPECT_EQ(server.record(PortalKind::ariba, c.doc.number).deliveries, 1);
}

TEST_F(AribaConnector, ThrottlingHtmlAndCutAnswers) {
  AribaPortal portal(settings(), clock);
  const auto c = World::get().accepted(PortalKind::ariba);
  server.twist(Twist::throttle, "/cxml/invoices");
  const Answer throttled = portal.submit(ref_of(c, "t@x"), payload(c, "t@x"));
  EXPECT_EQ(throttled.outcome, Outcome::retry);
  EXPECT_EQ(throttled.retry_after, std::chrono::seconds(7));
  server.twist(Twist::html, "/cxml/invoices");
  EXPECT_EQ(portal.submit(ref_of(c, "h@x"), payload(c, "h@x")).outcome, Outcome::unknown);
  server.twist(Twist::truncate, "/cxml/invoices");
  EXPECT_EQ(portal.submit(ref_of(c, "c@x"), payload(c, "c@x")).outcome, Outcome::unknown);
  EXPECT_EQ(portal.submit(ref_of(c, "c@x"), payload(c, "c@x")).outcome, Outcome::submitted);
  EXPECT_EQ(server.record(PortalKind::ariba, c.doc.number).deliveries, 1);
}

}  // namespace
}  // namespace o2c::portals::ariba
