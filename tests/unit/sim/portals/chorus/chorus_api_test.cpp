// The simulated Chorus Pro: PISTE token and cpro-account both required, the
// deposit answer, each processing rejection seen through consulterCRDetaille,
// "doublon", search and history with the buyer's decision over polls.
#include "sim/portals/chorus/chorus_api.h"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "../portal_test_support.h"

namespace o2c::sim::portals::chorus {
namespace {

namespace json = boost::json;
using testing::Case;
using testing::InvoiceSpec;
using testing::request;
using testing::World;

const std::string kAccount = base64_encode("TECH_1_acme@cpro.fr:o2c-demo-cpro-password");

struct ChorusFixture : ::testing::Test {
  std::shared_ptr<FixedClock> clock = std::make_shared<FixedClock>(testing::fixed_now());
  std::shared_ptr<PortalLedger> ledger = std::make_shared<PortalLedger>();
  ChorusApi api{ChorusOptions{}, World::get().directory(), ledger, PortalOptions{1}, clock};
  std::string token;

  void SetUp() override {
    const SimReply r = api.handle(request("POST", "/api/oauth/token",
                                          "grant_type=client_credentials&client_id=o2c-demo-piste-client&"
                                          "client_secret=o2c-demo-piste-secret&scope=openid"));
    ASSERT_EQ(r.status, 200) << r.body;
    token = std::string(json::parse(r.body).at("access_token").get_string());
  }
  SimReply call(const std::string& path, const json::object& body, const std::string& account = kAccount) {
    std::vector<std::pair<std::string, std::string>> headers{{"authorization", "Bearer " + token},
                                                             {"content-type", "application/json;charset=utf-8"}};
    if (!account.empty()) headers.emplace_back("cpro-account", account);
    return api.handle(request("POST", path, json::serialize(body), headers));
  }
  static InvoiceSpec spec(const Case& c) {
    InvoiceSpec s;
    s.number = c.doc.number;
    s.currency = c.doc.currency;
    s.po = c.doc.po;
    s.buyer_reference = c.buyer.service_code;
    s.buyer_scheme = "0009";
    s.buyer_id = c.buyer.buyer_id;
    return s;
  }
  std::string deposit(const std::string& xml, const std::string& syntax = "IN_DP_E1_UBL_INVOICE") {
    const SimReply r = call("/cpro/factures/v1/deposer/flux", json::object{{"idUtilisateurCourant", 0},
                                                                           {"fichierFlux", base64_encode(xml)},
                                                                           {"nomFichier", "invoice.xml"},
                                                                           {"syntaxeFlux", syntax},
                                                                           {"avecSignature", false}});
    EXPECT_EQ(r.status, 200) << r.body;
    const json::value v = json::parse(r.body);
    EXPECT_EQ(v.at("codeRetour").as_int64(), 0);
    return std::string(v.at("numeroFluxDepot").get_string());
  }
  json::value report(const std::string& flux) {
    const SimReply r = call("/cpro/transverses/v1/consulterCRDetaille", json::object{{"numeroFluxDepot", flux}});
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body);
  }
  // The final state and first error of a flux (polls once to get past IN_RECU).
  std::pair<std::string, std::string> outcome(const std::string& flux) {
    (void)report(flux);
    const json::value v = report(flux);
    const auto& errors = v.at("listeErreurDP").as_array();
    return {std::string(v.at("etatCourantDepotFlux").get_string()),
            errors.empty() ? "" : std::string(errors[0].at("libelleErreurDP").get_string())};
  }
};

TEST_F(ChorusFixture, TokenNeedsScopeOpenidAndCallsNeedBothCredentials) {
  SimReply r = api.handle(request("POST", "/api/oauth/token", "grant_type=client_credentials&client_id=o2c-demo-piste-client&"
                                                              "client_secret=o2c-demo-piste-secret&scope=all"));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(json::parse(r.body).at("error"), "invalid_scope");
  const json::object body{{"numeroFluxDepot", "CPP1"}};
  r = call("/cpro/transverses/v1/consulterCR", body, "");
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(r.body.find("cpro-account"), std::string::npos);
  r = call("/cpro/transverses/v1/consulterCR", body, base64_encode("TECH_1_acme@cpro.fr:wrong"));
  EXPECT_EQ(r.status, 403);
  token = "expired";
  r = call("/cpro/transverses/v1/consulterCR", body);
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(json::parse(r.body).at("httpCode"), "401");
}

TEST_F(ChorusFixture, ExpireFaultInvalidatesTheToken) {
  api.expire_tokens();
  EXPECT_EQ(call("/cpro/transverses/v1/consulterCR", json::object{{"numeroFluxDepot", "CPP1"}}).status, 401);
}

TEST_F(ChorusFixture, DepositAnswersAFluxNumberAndTheFluxIsIntegratedOverPolls) {
  const Case c = World::get().accepted(PortalKind::chorus);
  const std::string flux = deposit(testing::ubl(spec(c)));
  EXPECT_TRUE(flux.starts_with("CPP")) << flux;
  EXPECT_EQ(flux.size(), 25u);
  const SimReply first = call("/cpro/transverses/v1/consulterCR", json::object{{"numeroFluxDepot", flux}});
  EXPECT_EQ(json::parse(first.body).at("etatCourantFlux"), "IN_RECU");
  const SimReply second = call("/cpro/transverses/v1/consulterCR", json::object{{"numeroFluxDepot", flux}});
  EXPECT_EQ(json::parse(second.body).at("etatCourantFlux"), "IN_INTEGRE");
  EXPECT_EQ(ledger->record(PortalKind::chorus, c.doc.number).deliveries, 1);
}

TEST_F(ChorusFixture, CiiIsReadWhenTheSyntaxSaysCii) {
  const Case c = World::get().accepted(PortalKind::chorus);
  EXPECT_EQ(outcome(deposit(testing::cii(spec(c)), "IN_DP_E1_CII_16B")).first, "IN_INTEGRE");
}

TEST_F(ChorusFixture, EachContentProblemEndsTheFluxRejectedWithItsReason) {
  const Case c = World::get().accepted(PortalKind::chorus);
  const auto rejected = [&](const std::string& xml, std::string_view reason, const std::string& syntax = "IN_DP_E1_UBL_INVOICE") {
    const auto [state, error] = outcome(deposit(xml, syntax));
    EXPECT_EQ(state, "IN_REJETE");
    EXPECT_NE(error.find(reason), std::string::npos) << error;
  };
  rejected("<Invoice><cbc:ID>", "mal formé");
  rejected(testing::ubl(spec(c)), "syntaxe déclarée", "IN_DP_E1_CII");
  InvoiceSpec s = spec(c);
  s.seller_id = "12345678900011";
  rejected(testing::ubl(s), "Fournisseur inconnu");
  s = spec(c);
  s.buyer_id = "11111111111111";
  rejected(testing::ubl(s), "Destinataire inconnu");
  s = spec(c);
  s.currency = "";
  rejected(testing::ubl(s), "devise");
  s = spec(c);
  s.po = "PO-2026-999999";
  rejected(testing::ubl(s), "Engagement juridique inconnu");
  EXPECT_EQ(ledger->record(PortalKind::chorus, c.doc.number).deliveries, 0);
}

TEST_F(ChorusFixture, ServiceCodeAndEngagementAreRequiredWhereTheStructureSaysSo) {
  const Case with_service = World::get().find(PortalKind::chorus, [](const PortalBuyer& b, const testing::Doc&) {
    return !b.service_code.empty();
  });
  InvoiceSpec s = spec(with_service);
  s.buyer_reference = "";
  EXPECT_NE(outcome(deposit(testing::ubl(s))).second.find("code service est obligatoire"), std::string::npos);
  s.buyer_reference = "SERV-XXX";
  EXPECT_NE(outcome(deposit(testing::ubl(s))).second.find("Code service inconnu"), std::string::npos);
  const Case engagement = World::get().accepted(PortalKind::chorus, false, true);
  s = spec(engagement);
  s.po = "";
  EXPECT_NE(outcome(deposit(testing::ubl(s))).second.find("engagement juridique est obligatoire"), std::string::npos);
}

TEST_F(ChorusFixture, MalformedDepositsAreRefusedUpFrontWithCodeRetour) {
  SimReply r = call("/cpro/factures/v1/deposer/flux", json::object{{"nomFichier", "a.xml"}, {"syntaxeFlux", "IN_DP_E1_UBL_INVOICE"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(json::parse(r.body).at("libelle").get_string().find("fichierFlux"), std::string::npos);
  r = call("/cpro/factures/v1/deposer/flux",
           json::object{{"fichierFlux", "!!"}, {"nomFichier", "a.xml"}, {"syntaxeFlux", "IN_DP_E1_UBL_INVOICE"}});
  EXPECT_EQ(r.status, 400);
  r = call("/cpro/factures/v1/deposer/flux",
           json::object{{"fichierFlux", "PEE+"}, {"nomFichier", "a.xml"}, {"syntaxeFlux", "IN_DP_E9"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("syntaxeFlux inconnue"), std::string::npos);
  r = api.handle(request("POST", "/cpro/factures/v1/deposer/flux", "{not json",
                         {{"authorization", "Bearer " + token}, {"cpro-account", kAccount}}));
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(json::parse(r.body).as_object().contains("codeRetour"));
}

TEST_F(ChorusFixture, ASecondFluxWithAnIntegratedNumberIsRejectedAsDoublon) {
  const Case c = World::get().accepted(PortalKind::chorus);
  const std::string first = deposit(testing::ubl(spec(c)));
  const auto [state, error] = outcome(deposit(testing::ubl(spec(c))));
  EXPECT_EQ(state, "IN_REJETE");
  EXPECT_NE(error.find("Doublon"), std::string::npos);
  EXPECT_EQ(outcome(first).first, "IN_INTEGRE");
  const DocumentRecord r = ledger->record(PortalKind::chorus, c.doc.number);
  EXPECT_EQ(r.deliveries, 1);
  EXPECT_EQ(r.refused_duplicates, 1);
}

TEST_F(ChorusFixture, SearchFindsTheInvoiceAndHistoryShowsTheDecision) {
  const Case paid = World::get().accepted(PortalKind::chorus, true);
  EXPECT_TRUE(json::parse(call("/cpro/factures/v1/rechercher/fournisseur", json::object{{"numeroFacture", paid.doc.number}}).body)
                  .at("listeFactures").as_array().empty());
  (void)deposit(testing::ubl(spec(paid)));
  const json::value found = json::parse(
      call("/cpro/factures/v1/rechercher/fournisseur", json::object{{"numeroFacture", paid.doc.number}}).body);
  ASSERT_EQ(found.at("listeFactures").as_array().size(), 1u);
  const json::value& invoice = found.at("listeFactures").at(0);
  EXPECT_EQ(invoice.at("statut"), "DEPOSEE");
  const std::int64_t id = invoice.at("identifiantFactureCPP").as_int64();
  const auto history = [&] {
    return json::parse(call("/cpro/factures/v1/consulter/historique", json::object{{"idFacture", id}}).body);
  };
  EXPECT_EQ(history().at("statutCourantCode"), "SERVICE_FAIT");
  const json::value last = history();
  EXPECT_EQ(last.at("statutCourantCode"), "MISE_EN_PAIEMENT");
  EXPECT_EQ(last.at("historiquesDesStatuts").at("listeStatuts").as_array().size(), 3u);
  EXPECT_EQ(call("/cpro/factures/v1/consulter/historique", json::object{{"idFacture", 42}}).status, 404);

  const Case rejected = World::get().rejected(PortalKind::chorus);
  (void)deposit(testing::ubl(spec(rejected)));
  const json::value r = json::parse(
      call("/cpro/factures/v1/rechercher/fournisseur", json::object{{"numeroFacture", rejected.doc.number}}).body);
  const std::int64_t rid = r.at("listeFactures").at(0).at("identifiantFactureCPP").as_int64();
  const json::value h = json::parse(call("/cpro/factures/v1/consulter/historique", json::object{{"idFacture", rid}}).body);
  EXPECT_EQ(h.at("statutCourantCode"), "REJETEE");
  EXPECT_EQ(h.at("motifRejet"), json::value(rejected.doc.decision->reason));
}

}  // namespace
}  // namespace o2c::sim::portals::chorus
