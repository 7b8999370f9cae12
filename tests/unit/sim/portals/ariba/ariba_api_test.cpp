// The simulated Ariba Network: cXML Status codes in HTTP 200, the Sender
// credential and SharedSecret, each refusal with its reason, payloadID
// dedupe, INVOICE_DUPLICATE, and StatusUpdateRequests through GetPendingRequest.
#include "sim/portals/ariba/ariba_api.h"

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "../portal_test_support.h"

namespace o2c::sim::portals::ariba {
namespace {

using testing::Case;
using testing::CxmlSpec;
using testing::invoice_cxml;
using testing::request;
using testing::World;

std::string get_pending(const std::string& secret = "o2c-demo-ariba-secret", const std::string& extra = "") {
  return fmt::format(R"(<?xml version="1.0"?><cXML payloadID="poll-{}@o2csync" timestamp="2026-11-24T12:00:00Z"><Header>
<From><Credential domain="NetworkID"><Identity>AN01000012345</Identity></Credential></From>
<To><Credential domain="NetworkID"><Identity>AN01000000001</Identity></Credential></To>
<Sender><Credential domain="NetworkID"><Identity>AN01000012345</Identity><SharedSecret>{}</SharedSecret></Credential></Sender>
</Header><Request><GetPendingRequest maxMessages="100"{}><MessageType>StatusUpdateRequest</MessageType></GetPendingRequest></Request></cXML>)",
                     extra.size(), secret, extra);
}

struct Status {
  int http = 0, code = 0;
  std::string text, message;
};

Status status_of(const SimReply& r) {
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_string(r.body.c_str())) << r.body;
  const pugi::xml_node s = doc.child("cXML").child("Response").child("Status");
  return Status{r.status, s.attribute("code").as_int(), s.attribute("text").value(), s.child_value()};
}

struct AribaFixture : ::testing::Test {
  std::shared_ptr<FixedClock> clock = std::make_shared<FixedClock>(testing::fixed_now());
  std::shared_ptr<PortalLedger> ledger = std::make_shared<PortalLedger>();
  AribaApi api{AribaOptions{}, World::get().directory(), ledger, PortalOptions{1}, clock};

  SimReply post(const std::string& body) {
    return api.handle(request("POST", "/cxml/invoices", body, {{"content-type", "text/xml; charset=UTF-8"}}));
  }
  static CxmlSpec spec(const Case& c, std::string payload = "p1@o2csync") {
    return CxmlSpec{std::move(payload), c.doc.number, c.buyer.buyer_id, c.doc.po, c.doc.currency};
  }
};

TEST_F(AribaFixture, AValidInvoiceIsAcceptedWith201InAnHttp200) {
  const Case c = World::get().accepted(PortalKind::ariba);
  const Status s = status_of(post(invoice_cxml(spec(c))));
  EXPECT_EQ(s.http, 200);
  EXPECT_EQ(s.code, 201);
  EXPECT_EQ(s.text, "Accepted");
  EXPECT_EQ(ledger->record(PortalKind::ariba, c.doc.number).deliveries, 1);
}

TEST_F(AribaFixture, WrongSharedSecretOrSenderIs401AndCreatesNothing) {
  const Case c = World::get().accepted(PortalKind::ariba);
  CxmlSpec bad = spec(c);
  bad.secret = "guess";
  Status s = status_of(post(invoice_cxml(bad)));
  EXPECT_EQ(s.http, 200);
  EXPECT_EQ(s.code, 401);
  EXPECT_NE(s.message.find("SharedSecret mismatch"), std::string::npos);
  bad = spec(c);
  bad.sender = "AN09999999999";
  EXPECT_EQ(status_of(post(invoice_cxml(bad))).code, 401);
  EXPECT_EQ(ledger->record(PortalKind::ariba, c.doc.number).deliveries, 0);
  // A 401 answer is not remembered: the same payloadID with the right secret goes through.
  EXPECT_EQ(status_of(post(invoice_cxml(spec(c)))).code, 201);
}

TEST_F(AribaFixture, UnparseableDocumentIs406) {
  const Status s = status_of(post("<cXML payloadID=\"x\"><Header>"));
  EXPECT_EQ(s.code, 406);
  EXPECT_NE(s.message.find("Unable to parse"), std::string::npos);
  EXPECT_EQ(status_of(post("<Invoice/>")).code, 406);
}

TEST_F(AribaFixture, EachRefusalIs400WithItsReason) {
  const Case c = World::get().accepted(PortalKind::ariba);
  const auto refused = [&](CxmlSpec s, std::string_view reason) {
    const Status st = status_of(post(invoice_cxml(s)));
    EXPECT_EQ(st.code, 400) << st.message;
    EXPECT_NE(st.message.find(reason), std::string::npos) << st.message;
  };
  CxmlSpec s = spec(c, "a@x");
  s.buyer = "AN01999999999";
  refused(s, "Unknown buyer");
  s = spec(c, "b@x");
  s.currency = "";
  refused(s, "Money without currency");
  s = spec(c, "c@x");
  s.po = "PO-2026-999999";
  refused(s, "Invalid order reference");
  s = spec(c, "d@x");
  s.number = "";
  refused(s, "no invoiceID");
  const Case required = World::get().accepted(PortalKind::ariba, false, true);
  s = spec(required, "e@x");
  s.po = "";
  refused(s, "requires a purchase order");
  EXPECT_EQ(ledger->record(PortalKind::ariba, c.doc.number).deliveries, 0);
}

TEST_F(AribaFixture, SamePayloadIdGetsTheFirstAnswerAndCreatesNothing) {
  const Case c = World::get().accepted(PortalKind::ariba);
  const SimReply first = post(invoice_cxml(spec(c, "same@o2csync")));
  const SimReply again = post(invoice_cxml(spec(c, "same@o2csync")));
  EXPECT_EQ(again.body, first.body);
  const DocumentRecord r = ledger->record(PortalKind::ariba, c.doc.number);
  EXPECT_EQ(r.deliveries, 1);
  EXPECT_EQ(r.resends, 1);
  EXPECT_EQ(r.refused_duplicates, 0);
}

TEST_F(AribaFixture, NewPayloadIdWithAReceivedNumberIsInvoiceDuplicate) {
  const Case c = World::get().accepted(PortalKind::ariba);
  ASSERT_EQ(status_of(post(invoice_cxml(spec(c, "one@o2csync")))).code, 201);
  const Status s = status_of(post(invoice_cxml(spec(c, "two@o2csync"))));
  EXPECT_EQ(s.code, 400);
  EXPECT_NE(s.message.find("INVOICE_DUPLICATE"), std::string::npos);
  const DocumentRecord r = ledger->record(PortalKind::ariba, c.doc.number);
  EXPECT_EQ(r.deliveries, 1);
  EXPECT_EQ(r.refused_duplicates, 1);
}

TEST_F(AribaFixture, GetPendingReturnsStatusUpdatesAsThePollsGoBy) {
  const Case paid = World::get().accepted(PortalKind::ariba, true);
  const Case rejected = World::get().rejected(PortalKind::ariba);
  ASSERT_EQ(status_of(post(invoice_cxml(spec(paid, "paid@o2csync")))).code, 201);
  ASSERT_EQ(status_of(post(invoice_cxml(spec(rejected, "rej@o2csync")))).code, 201);
  const auto updates = [&](const std::string& body) {
    pugi::xml_document doc;
    const SimReply r = post(body);
    EXPECT_TRUE(doc.load_string(r.body.c_str()));
    std::vector<std::string> out;
    for (const auto& x : doc.select_nodes("//StatusUpdateRequest"))
      out.push_back(std::string(x.node().child("DocumentReference").attribute("payloadID").value()) + " " +
                    x.node().child("InvoiceStatus").attribute("type").value() + " " +
                    x.node().child("InvoiceStatus").child_value("Comments"));
    return out;
  };
  EXPECT_EQ(updates(get_pending()), (std::vector<std::string>{"paid@o2csync processing ", "rej@o2csync processing "}));
  const auto second = updates(get_pending());
  ASSERT_EQ(second.size(), 4u);   // nothing acknowledged: the queue keeps the first two
  EXPECT_EQ(second[2], "paid@o2csync reconciled ");
  EXPECT_EQ(second[3], "rej@o2csync rejected " + rejected.doc.decision->reason);
  // Acknowledging everything up to now leaves only what the next poll adds.
  const auto third = updates(get_pending("o2c-demo-ariba-secret", " lastReceivedTimestamp=\"2026-11-24T12:00:00Z\""));
  EXPECT_EQ(third, (std::vector<std::string>{"paid@o2csync paid "}));
  EXPECT_EQ(ledger->record(PortalKind::ariba, rejected.doc.number).reason, rejected.doc.decision->reason);
  EXPECT_EQ(status_of(post(get_pending("wrong"))).code, 401);
}

TEST_F(AribaFixture, OtherRequestTypesAre450) {
  std::string body = get_pending();
  body.replace(body.find("StatusUpdateRequest"), 19, "OrderRequest");
  EXPECT_EQ(status_of(post(body)).code, 450);
  EXPECT_EQ(api.handle(request("GET", "/cxml/invoices")).status, 405);
}

}  // namespace
}  // namespace o2c::sim::portals::ariba
