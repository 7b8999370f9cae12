// The portals served over real HTTP by sim/server: the `lost` fault lets the
// portal create the document and drops the reply; a lookup then finds it,
// and /sim/admin/portals counts exactly one delivery. 429 and 5xx faults
// answer before the portal sees the request: nothing is created.
#include "sim/portals/portal_sims.h"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "../server/test_support.h"
#include "portal_test_support.h"
#include "sim/portals/peppol/peppol_sbd.h"
#include "sim/server/server.h"

namespace o2c::sim::portals {
namespace {

namespace json = boost::json;
using server::testing::HttpResult;
using server::testing::TestClient;
using testing::World;

server::ServerOptions faults(std::string_view spec) {
  server::ServerOptions o;
  o.faults = server::parse_fault_spec(spec);
  o.threads = 2;
  return o;
}

std::string sbd_for(const testing::Case& c, const std::string& instance) {
  testing::InvoiceSpec s;
  s.number = c.doc.number;
  s.currency = c.doc.currency;
  s.po = c.doc.po;
  s.buyer_scheme = c.buyer.buyer_scheme;
  s.buyer_id = c.buyer.buyer_id;
  std::string ubl = testing::ubl(s);
  ubl.erase(0, ubl.find("?>") + 2);
  return fmt::format(
      "<StandardBusinessDocument xmlns=\"http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader\">"
      "<StandardBusinessDocumentHeader><HeaderVersion>1.0</HeaderVersion>"
      "<Sender><Identifier Authority=\"iso6523-actorid-upis\">0009:55210055400013</Identifier></Sender>"
      "<Receiver><Identifier Authority=\"iso6523-actorid-upis\">{}:{}</Identifier></Receiver>"
      "<DocumentIdentification><InstanceIdentifier>{}</InstanceIdentifier><Type>Invoice</Type></DocumentIdentification>"
      "<BusinessScope><Scope><Type>DOCUMENTID</Type><InstanceIdentifier>{}</InstanceIdentifier></Scope></BusinessScope>"
      "</StandardBusinessDocumentHeader>{}</StandardBusinessDocument>",
      c.buyer.buyer_scheme, c.buyer.buyer_id, instance, peppol::kInvoiceDocType, ubl);
}

const std::vector<std::pair<std::string, std::string>> kAuth{{"Authorization", "Bearer o2c-demo-peppol-key"},
                                                             {"Content-Type", "application/xml"}};

TEST(PortalSimsOverHttp, ALostReplyLeavesOneDeliveryThatALookupFinds) {
  PortalSims sims(World::get().directory(), PortalOptions{1});
  server::SimServer lossy(sims.endpoints({}), {}, faults("lost:1"));
  server::AdminHooks hooks;
  hooks.portals = [&sims] { return sims.admin_json(); };
  server::SimServer clean(sims.endpoints({}), hooks, faults(""));
  lossy.start();
  clean.start();
  const testing::Case c = World::get().accepted(PortalKind::peppol);
  TestClient client(lossy.port("peppol"));
  const HttpResult lost = client.request("POST", "/api/v1/documents", sbd_for(c, "uuid-lost"), kAuth);
  EXPECT_EQ(lost.status, 0) << lost.body;
  TestClient after(clean.port("peppol"));
  const HttpResult found = after.request("GET", "/api/v1/documents?instanceIdentifier=uuid-lost", "", kAuth);
  ASSERT_EQ(found.status, 200);
  EXPECT_EQ(json::parse(found.body).at("items").as_array().size(), 1u);
  const HttpResult resent = after.request("POST", "/api/v1/documents", sbd_for(c, "uuid-lost"), kAuth);
  EXPECT_EQ(resent.status, 200);   // the existing transmission, not a second one
  const json::value admin = json::parse(after.request("GET", "/sim/admin/portals").body);
  const json::value& record = admin.at("portals").at("peppol").at("documents").at(c.doc.number);
  EXPECT_EQ(record.at("deliveries").as_int64(), 1);
  EXPECT_EQ(record.at("duplicate_deliveries").as_int64(), 0);
  EXPECT_EQ(record.at("resends").as_int64(), 1);
}

TEST(PortalSimsOverHttp, ThrottleAndServerErrorFaultsCreateNothing) {
  PortalSims sims(World::get().directory(), PortalOptions{1});
  server::SimServer throttled(sims.endpoints({}), {}, faults("429:1,lost:1"));
  server::SimServer failing(sims.endpoints({}), {}, faults("5xx:1"));
  throttled.start();
  failing.start();
  const testing::Case c = World::get().accepted(PortalKind::peppol);
  const HttpResult t = TestClient(throttled.port("peppol")).request("POST", "/api/v1/documents", sbd_for(c, "u1"), kAuth);
  EXPECT_EQ(t.status, 429);
  EXPECT_EQ(t.header("Retry-After"), "1");
  const HttpResult f = TestClient(failing.port("peppol")).request("POST", "/api/v1/documents", sbd_for(c, "u2"), kAuth);
  EXPECT_EQ(f.status, 503);
  EXPECT_EQ(sims.ledger()->record(PortalKind::peppol, c.doc.number), DocumentRecord{});
}

TEST(PortalSimsOverHttp, ReadyFileNamesEachPortalsUrlAndCredentials) {
  PortalSims sims(World::get().directory(), PortalOptions{1});
  const json::object coupa = sims.ready("coupa", "http://127.0.0.1:1");
  EXPECT_EQ(coupa.at("url_template"), "http://127.0.0.1:1/{buyer}");
  EXPECT_EQ(sims.ready("ariba", "http://127.0.0.1:2").at("url"), "http://127.0.0.1:2/cxml/invoices");
  EXPECT_EQ(sims.ready("chorus", "http://127.0.0.1:3").at("token_url"), "http://127.0.0.1:3/api/oauth/token");
  EXPECT_EQ(sims.ready("peppol", "http://127.0.0.1:4").at("base_url"), "http://127.0.0.1:4/api/v1");
}

}  // namespace
}  // namespace o2c::sim::portals
