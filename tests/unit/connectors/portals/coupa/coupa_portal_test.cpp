// The Coupa connector against the simulated Coupa over HTTP.
#include "connectors/portals/coupa/coupa_portal.h"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "../portal_sim_server.h"
#include "core/error.h"

namespace o2c::portals::coupa {
namespace {

namespace json = boost::json;
using sim::PortalKind;
using test::PortalSimServer;
using test::Twist;
using test::World;

struct CoupaConnector : ::testing::Test {
  PortalSimServer server{"coupa"};
  FixedClock clock{sim::portals::testing::fixed_now()};

  PortalSettings settings(std::string grant = "client_credentials") const {
    PortalSettings s;
    s.name = "coupa";
    s.kind = "coupa";
    s.url = server.url() + "/{buyer}";
    s.token_url = server.url() + "/{buyer}/oauth2/token";
    s.grant = std::move(grant);
    s.client_id = Secret("o2c-demo-coupa-client");
    s.client_secret = Secret("o2c-demo-coupa-secret");
    s.api_key = Secret("o2c-demo-coupa-api-key");
    s.http = PortalSimServer::client_settings();
    return s;
  }
  static SubmissionRef ref_of(const sim::portals::testing::Case& c) {
    return SubmissionRef{c.doc.number, {}, c.doc.number, "", PortalSimServer::route_of(c.buyer)};
  }
  static Payload payload(const sim::portals::testing::Case& c, std::string po = "use-doc") {
    json::object line{{"line-num", 1}, {"description", "Subscription"}, {"price", "1000.00"}, {"quantity", "1"}};
    if (po == "use-doc") po = c.doc.po;
    if (!po.empty()) line["order-header-num"] = po;
    const json::object invoice{{"invoice-number", c.doc.number},
                               {"invoice-date", "2026-11-20"},
                               {"supplier", json::object{{"number", c.buyer.supplier_ref}}},
                               {"currency", json::object{{"code", c.doc.currency}}},
                               {"invoice-lines", json::array{line}}};
    return Payload{"coupa-json", "application/json", c.doc.number + ".json", json::serialize(invoice)};
  }
};

TEST_F(CoupaConnector, SubmitThenStatusFollowsTheBuyersDecision) {
  CoupaPortal portal(settings(), clock);
  const auto c = World::get().accepted(PortalKind::coupa, true);
  EXPECT_EQ(portal.new_key(c.doc.number, clock.now()), c.doc.number);
  SubmissionRef ref = ref_of(c);
  const Answer sent = portal.submit(ref, payload(c));
  ASSERT_EQ(sent.outcome, Outcome::submitted) << sent.reason;
  EXPECT_EQ(sent.status, "pending_approval");
  ref.portal_ref = sent.portal_ref;
  EXPECT_EQ(portal.status(ref).outcome, Outcome::submitted);
  EXPECT_EQ(portal.status(ref).outcome, Outcome::accepted);
  const Answer paid = portal.status(ref);
  EXPECT_EQ(paid.outcome, Outcome::paid);
  EXPECT_EQ(paid.status, "approved");
  EXPECT_EQ(server.record(PortalKind::coupa, c.doc.number).deliveries, 1);
}

TEST_F(CoupaConnector, AnExpiredTokenIsRefreshedOnceAndTheInvoiceGoesThrough) {
  CoupaPortal portal(settings(), clock);
  const auto c = World::get().accepted(PortalKind::coupa);
  SubmissionRef ref = ref_of(c);
  ASSERT_EQ(portal.lookup(ref).outcome, Outcome::not_found);   // fetches a token
  server.sims().coupa().expire_tokens();
  EXPECT_EQ(portal.submit(ref, payload(c)).outcome, Outcome::submitted);
  EXPECT_EQ(server.record(PortalKind::coupa, c.doc.number).deliveries, 1);
}

TEST_F(CoupaConnector, ValidationRejectsAndUnknownBuyersAreRejectedWithCoupasReason) {
  CoupaPortal portal(settings(), clock);
  const auto c = World::get().accepted(PortalKind::coupa);
  const Answer po = portal.submit(ref_of(c), payload(c, "PO-2026-999999"));
  EXPECT_EQ(po.outcome, Outcome::rejected);
  EXPECT_NE(po.reason.find("Invalid order reference"), std::string::npos) << po.reason;
  CoupaPortal keyed(settings("api_key"), clock);
  SubmissionRef nobody = ref_of(c);
  nobody.route.buyer_id = "coupa-nobody";
  const Answer unknown = keyed.submit(nobody, payload(c));
  EXPECT_EQ(unknown.outcome, Outcome::rejected);
  EXPECT_NE(unknown.reason.find("unknown buyer"), std::string::npos) << unknown.reason;
}

TEST_F(CoupaConnector, WrongCredentialsStopWithAConfigError) {
  PortalSettings s = settings("api_key");
  s.api_key = Secret("wrong");
  CoupaPortal portal(s, clock);
  const auto c = World::get().accepted(PortalKind::coupa);
  try {
    (void)portal.submit(ref_of(c), payload(c));
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::config);
    EXPECT_EQ(std::string(e.what()).find("wrong"), std::string::npos) << "the secret leaked: " << e.what();
  }
}

TEST_F(CoupaConnector, ALostReplyIsUnknownTheLookupFindsItAndABlindResendIsNeverRejected) {
  CoupaPortal portal(settings(), clock);
  const auto c = World::get().accepted(PortalKind::coupa);
  SubmissionRef ref = ref_of(c);
  (void)portal.lookup(ref);   // token first, so the lost request is the create
  server.twist(Twist::lost, "/api/invoices");
  EXPECT_EQ(portal.submit(ref, payload(c)).outcome, Outcome::unknown);
  const Answer found = portal.lookup(ref);
  EXPECT_EQ(found.outcome, Outcome::submitted);
  EXPECT_FALSE(found.portal_ref.empty());
  const Answer again = portal.submit(ref, payload(c));   // what a naive retry would do
  EXPECT_TRUE(again.outcome == Outcome::submitted || again.outcome == Outcome::accepted) << to_string(again.outcome);
  EXPECT_EQ(again.portal_ref, found.portal_ref);
  const auto record = server.record(PortalKind::coupa, c.doc.number);
  EXPECT_EQ(record.deliveries, 1);
  EXPECT_EQ(record.duplicate_deliveries, 0);
}

TEST_F(CoupaConnector, ThrottlingIsRetryWithRetryAfterAndOddAnswersAreUnknown) {
  CoupaPortal portal(settings("api_key"), clock);
  const auto c = World::get().accepted(PortalKind::coupa);
  server.twist(Twist::throttle, "/api/invoices");
  const Answer throttled = portal.submit(ref_of(c), payload(c));
  EXPECT_EQ(throttled.outcome, Outcome::retry);
  EXPECT_EQ(throttled.retry_after, std::chrono::seconds(7));
  server.twist(Twist::html, "/api/invoices");
  EXPECT_EQ(portal.submit(ref_of(c), payload(c)).outcome, Outcome::unknown);
  EXPECT_EQ(server.record(PortalKind::coupa, c.doc.number).deliveries, 0);
  server.twist(Twist::truncate, "/api/invoices");
  EXPECT_EQ(portal.submit(ref_of(c), payload(c)).outcome, Outcome::unknown);
  EXPECT_EQ(portal.lookup(ref_of(c)).outcome, Outcome::submitted);   // the cut answer had created it
}

TEST_F(CoupaConnector, SettingsAreCheckedByMakePortal) {
  PortalSettings s = settings();
  s.token_url.clear();
  try {
    (void)make_portal(s, clock);
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::config);
    EXPECT_NE(std::string(e.what()).find("token_url"), std::string::npos) << e.what();
  }
  s = settings();
  s.kind = "copua";
  EXPECT_THROW((void)make_portal(s, clock), Error);
  EXPECT_EQ(make_portal(settings(), clock)->kind(), "coupa");
}

}  // namespace
}  // namespace o2c::portals::coupa
