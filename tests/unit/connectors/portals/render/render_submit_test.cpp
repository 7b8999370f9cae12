// Each connector renders a real e-invoice Document (einvoice/) and the
// simulated portal takes it: the formats and identifiers are right end to end.
#include <filesystem>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "../portal_sim_server.h"
#include "tests/unit/einvoice/einvoice_fixtures.h"

namespace o2c::portals {
namespace {

using sim::PortalKind;
using test::PortalSimServer;
using test::World;

// The fixture invoice, made the seller's and addressed to the case's buyer.
einvoice::Document document_for(const sim::portals::testing::Case& c) {
  einvoice::Document d = einvoice::fixtures::invoice();
  d.number = c.doc.number;
  d.purchase_order = c.doc.po;
  d.buyer_reference = c.buyer.service_code.empty() ? "BR-77" : c.buyer.service_code;
  d.seller.name = "Acme Cloud Software SAS";
  d.seller.vat_id = "FR96552100554";
  d.seller.legal_id = {"552100554", "0002"};
  d.seller.endpoint = {"55210055400013", "0009"};
  if (c.buyer.kind == PortalKind::peppol) d.buyer.endpoint = {c.buyer.buyer_id, c.buyer.buyer_scheme};
  if (c.buyer.kind == PortalKind::chorus) {
    d.buyer.endpoint = {c.buyer.buyer_id, "0009"};
    d.buyer.legal_id = {c.buyer.buyer_id, "0009"};
    d.buyer.vat_id = "FR40303265045";
    d.buyer.address.country = "FR";
  }
  return d;
}

struct Rendered : ::testing::Test {
  FixedClock clock{sim::portals::testing::fixed_now()};
  PortalSettings base(const PortalSimServer& server, std::string kind) {
    PortalSettings s;
    s.name = s.kind = std::move(kind);
    s.http = PortalSimServer::client_settings();
    (void)server;
    return s;
  }
  Answer send(Portal& portal, const sim::portals::testing::Case& c) {
    const std::string key = portal.new_key(c.doc.number, clock.now());
    const Route route = PortalSimServer::route_of(c.buyer);
    const Payload payload = portal.render(document_for(c), route, key, clock.now());
    return portal.submit(SubmissionRef{c.doc.number, {}, key, "", route}, payload);
  }
};

TEST_F(Rendered, CoupaTakesTheRenderedJson) {
  PortalSimServer server("coupa");
  PortalSettings s = base(server, "coupa");
  s.url = server.url() + "/{buyer}";
  s.grant = "api_key";
  s.api_key = Secret("o2c-demo-coupa-api-key");
  const auto portal = make_portal(s, clock);
  const auto c = World::get().accepted(PortalKind::coupa);
  const Answer a = send(*portal, c);
  EXPECT_EQ(a.outcome, Outcome::submitted) << a.reason;
  EXPECT_EQ(server.record(PortalKind::coupa, c.doc.number).deliveries, 1);
}

TEST_F(Rendered, AribaTakesTheRenderedCxml) {
  PortalSimServer server("ariba");
  PortalSettings s = base(server, "ariba");
  s.url = server.url() + "/cxml/invoices";
  s.supplier_id = "AN01000012345";
  s.shared_secret = Secret("o2c-demo-ariba-secret");
  const auto portal = make_portal(s, clock);
  const auto c = World::get().accepted(PortalKind::ariba);
  const Answer a = send(*portal, c);
  EXPECT_EQ(a.outcome, Outcome::submitted) << a.reason;
  EXPECT_EQ(server.record(PortalKind::ariba, c.doc.number).deliveries, 1);
}

TEST_F(Rendered, ChorusIntegratesTheRenderedUblAndCii) {
  for (const std::string format : {"ubl", "cii"}) {
    PortalSimServer server("chorus");
    PortalSettings s = base(server, "chorus");
    s.url = server.url();
    s.token_url = server.url() + "/api/oauth/token";
    s.client_id = Secret("o2c-demo-piste-client");
    s.client_secret = Secret("o2c-demo-piste-secret");
    s.user = "TECH_1_acme@cpro.fr";
    s.password = Secret("o2c-demo-cpro-password");
    s.format = format;
    const auto portal = make_portal(s, clock);
    const auto c = World::get().accepted(PortalKind::chorus);
    const Answer sent = send(*portal, c);
    ASSERT_EQ(sent.outcome, Outcome::submitted) << sent.reason;
    SubmissionRef ref{c.doc.number, {}, c.doc.number, sent.portal_ref, PortalSimServer::route_of(c.buyer)};
    (void)portal->status(ref);
    const Answer integrated = portal->status(ref);
    EXPECT_NE(integrated.outcome, Outcome::rejected) << format << ": " << integrated.reason;
    EXPECT_EQ(server.record(PortalKind::chorus, c.doc.number).deliveries, 1) << format;
  }
}

TEST_F(Rendered, TheAccessPointDeliversTheRenderedSbd) {
  PortalSimServer server("peppol");
  PortalSettings s = base(server, "peppol");
  s.url = server.url() + "/api/v1";
  s.grant = "api_key";
  s.api_key = Secret("o2c-demo-peppol-key");
  s.supplier_id = "55210055400013";
  s.supplier_scheme = "0009";
  const auto portal = make_portal(s, clock);
  const auto c = World::get().accepted(PortalKind::peppol);
  const Answer a = send(*portal, c);
  EXPECT_EQ(a.outcome, Outcome::submitted) << a.reason;
  EXPECT_EQ(server.record(PortalKind::peppol, c.doc.number).deliveries, 1);
}

TEST_F(Rendered, TheFileDropWritesTheRenderedUblWithItsPdf) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / fmt::format("o2c-render-{}", ::getpid());
  std::filesystem::create_directories(dir);
  PortalSettings s;
  s.name = s.kind = "file";
  s.url = "file://" + dir.string();
  s.format = "ubl";
  s.with_pdf = true;
  const auto portal = make_portal(s, clock);
  const auto c = World::get().accepted(PortalKind::peppol);
  const Answer a = send(*portal, c);
  EXPECT_EQ(a.outcome, Outcome::accepted) << a.reason;
  const auto size = std::filesystem::file_size(dir / (c.doc.number + ".xml"));
  EXPECT_GT(size, 2000u);   // the UBL and the PDF inside it
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace o2c::portals
