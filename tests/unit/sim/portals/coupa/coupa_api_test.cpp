// The simulated Coupa: OAuth client credentials per instance and the legacy
// API key, the invoice checks and their error shapes, duplicate numbers,
// lookup filters and paging, the rate limit, and the decision over polls.
#include "sim/portals/coupa/coupa_api.h"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "../portal_test_support.h"

namespace o2c::sim::portals::coupa {
namespace {

namespace json = boost::json;
using testing::Case;
using testing::request;
using testing::World;

struct CoupaFixture : ::testing::Test {
  std::shared_ptr<FixedClock> clock = std::make_shared<FixedClock>(testing::fixed_now());
  std::shared_ptr<PortalLedger> ledger = std::make_shared<PortalLedger>();
  CoupaApi api{CoupaOptions{}, World::get().directory(), ledger, PortalOptions{1}, clock};

  std::string token(const std::string& instance, const std::string& scope = "core.invoice.read core.invoice.write") {
    const SimReply r = api.handle(request("POST", "/" + instance + "/oauth2/token",
                                          "grant_type=client_credentials&client_id=o2c-demo-coupa-client&"
                                          "client_secret=o2c-demo-coupa-secret&scope=" + percent_encode(scope)));
    EXPECT_EQ(r.status, 200) << r.body;
    return std::string(json::parse(r.body).at("access_token").get_string());
  }
  static std::string percent_encode(const std::string& s) {
    std::string out;
    for (char c : s) out += c == ' ' ? std::string("%20") : std::string(1, c);
    return out;
  }
  SimReply post(const std::string& instance, const json::object& invoice, const std::string& bearer) {
    return api.handle(request("POST", "/" + instance + "/api/invoices", json::serialize(invoice),
                              {{"authorization", "Bearer " + bearer}, {"content-type", "application/json"}}));
  }
  SimReply get(const std::string& instance, const std::string& target, const std::string& bearer) {
    return api.handle(request("GET", "/" + instance + target, "", {{"authorization", "Bearer " + bearer}}));
  }
  static json::object invoice(const Case& c) {
    json::object line{{"line-num", 1}, {"description", "Subscription"}, {"price", "1000.00"}, {"quantity", "1"}};
    if (!c.doc.po.empty()) line["order-header-num"] = c.doc.po;
    return json::object{{"invoice-number", c.doc.number},
                        {"invoice-date", "2026-11-20"},
                        {"supplier", json::object{{"number", c.buyer.supplier_ref}}},
                        {"currency", json::object{{"code", c.doc.currency}}},
                        {"tax-amount", "0.00"},
                        {"invoice-lines", json::array{line}}};
  }
  static std::string first_error(const SimReply& r) {
    return std::string(json::parse(r.body).at("errors").at("invoice-header").at(0).get_string());
  }
};

TEST_F(CoupaFixture, TokenNeedsClientCredentialsAndSpaceSeparatedKnownScopes) {
  const Case c = World::get().accepted(PortalKind::coupa);
  const std::string base = "/" + c.buyer.buyer_id + "/oauth2/token";
  SimReply r = api.handle(request("POST", base, "grant_type=client_credentials&client_id=o2c-demo-coupa-client&"
                                                "client_secret=wrong&scope=core.invoice.read"));
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(json::parse(r.body).at("error"), "invalid_client");
  r = api.handle(request("POST", base, "grant_type=client_credentials&client_id=o2c-demo-coupa-client&"
                                       "client_secret=o2c-demo-coupa-secret&scope=core.invoice.read,core.invoice.write"));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(json::parse(r.body).at("error"), "invalid_scope");
  r = api.handle(request("POST", base, "grant_type=password&client_id=o2c-demo-coupa-client&"
                                       "client_secret=o2c-demo-coupa-secret&scope=core.invoice.read"));
  EXPECT_EQ(json::parse(r.body).at("error"), "unsupported_grant_type");
  r = api.handle(request("POST", base, "grant_type=client_credentials&client_id=o2c-demo-coupa-client&"
                                       "client_secret=o2c-demo-coupa-secret&scope=core.invoice.read+core.invoice.write"));
  ASSERT_EQ(r.status, 200) << r.body;
  const json::value t = json::parse(r.body);
  EXPECT_EQ(t.at("token_type"), "bearer");
  EXPECT_EQ(t.at("expires_in").as_int64(), 86399);
}

TEST_F(CoupaFixture, TokensAreBoundToTheirInstanceExpireAndNeedTheWriteScope) {
  const Case c = World::get().accepted(PortalKind::coupa);
  const Case other = World::get().find(PortalKind::coupa, [&](const PortalBuyer& b, const testing::Doc&) {
    return b.buyer_id != c.buyer.buyer_id;
  });
  const std::string read_only = token(c.buyer.buyer_id, "core.invoice.read");
  EXPECT_EQ(post(c.buyer.buyer_id, invoice(c), read_only).status, 403);
  EXPECT_EQ(post(c.buyer.buyer_id, invoice(c), token(other.buyer.buyer_id)).status, 401);
  EXPECT_EQ(post(c.buyer.buyer_id, invoice(c), "not-a-token").status, 401);
  const std::string good = token(c.buyer.buyer_id);
  clock->set(testing::fixed_now() + std::chrono::seconds(86400));
  const SimReply expired = post(c.buyer.buyer_id, invoice(c), good);
  EXPECT_EQ(expired.status, 401);
  EXPECT_NE(expired.body.find("Invalid or expired access token"), std::string::npos);
  const std::string fresh = token(c.buyer.buyer_id);
  api.expire_tokens();
  EXPECT_EQ(post(c.buyer.buyer_id, invoice(c), fresh).status, 401);
  EXPECT_EQ(ledger->record(PortalKind::coupa, c.doc.number).deliveries, 0);
}

TEST_F(CoupaFixture, LegacyApiKeyHeaderIsAccepted) {
  const Case c = World::get().accepted(PortalKind::coupa);
  const SimReply r = api.handle(request("POST", "/" + c.buyer.buyer_id + "/api/invoices", json::serialize(invoice(c)),
                                        {{"x-coupa-api-key", "o2c-demo-coupa-api-key"}}));
  EXPECT_EQ(r.status, 201) << r.body;
  const SimReply bad = api.handle(request("GET", "/" + c.buyer.buyer_id + "/api/invoices", "",
                                          {{"x-coupa-api-key", "nope"}}));
  EXPECT_EQ(bad.status, 401);
}

TEST_F(CoupaFixture, CreateAnswersTheInvoiceWithIdAndStatusAndCountsOneDelivery) {
  const Case c = World::get().accepted(PortalKind::coupa);
  const SimReply r = post(c.buyer.buyer_id, invoice(c), token(c.buyer.buyer_id));
  ASSERT_EQ(r.status, 201) << r.body;
  const json::value v = json::parse(r.body);
  EXPECT_GE(v.at("id").as_int64(), 5001);
  EXPECT_EQ(v.at("status"), "pending_approval");
  EXPECT_EQ(v.at("invoice-number"), json::value(c.doc.number));
  EXPECT_EQ(v.at("supplier").at("number"), json::value(c.buyer.supplier_ref));
  EXPECT_EQ(ledger->record(PortalKind::coupa, c.doc.number).deliveries, 1);
}

TEST_F(CoupaFixture, EachValidationRuleAnswersCoupasErrorShape) {
  const Case c = World::get().accepted(PortalKind::coupa);
  const std::string t = token(c.buyer.buyer_id);
  const auto refused = [&](json::object inv, int status, std::string_view text) {
    const SimReply r = post(c.buyer.buyer_id, inv, t);
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_NE(first_error(r).find(text), std::string::npos) << r.body;
  };
  json::object inv = invoice(c);
  inv["supplier"] = json::object{{"number", "S99999"}};
  refused(inv, 422, "is not a supplier of");
  inv = invoice(c);
  inv.erase("currency");
  refused(inv, 422, "Currency can't be blank");
  inv = invoice(c);
  inv["invoice-lines"] = json::array{};
  refused(inv, 422, "Invoice lines can't be blank");
  inv = invoice(c);
  inv["invoice-lines"].as_array()[0].as_object()["order-header-num"] = "PO-2026-999999";
  refused(inv, 417, "Invalid order reference");
  inv = invoice(c);
  inv["invoice-lines"].as_array()[0].as_object()["price"] = "12,50";
  refused(inv, 422, "price is not a number");
  const SimReply malformed = api.handle(request("POST", "/" + c.buyer.buyer_id + "/api/invoices", "{\"invoice-number\":",
                                                {{"authorization", "Bearer " + t}}));
  EXPECT_EQ(malformed.status, 400);
  EXPECT_NE(first_error(malformed).find("not valid JSON"), std::string::npos);
  EXPECT_EQ(ledger->record(PortalKind::coupa, c.doc.number).deliveries, 0);
}

TEST_F(CoupaFixture, UnknownInstanceIsAnUnknownBuyer) {
  const SimReply r = api.handle(request("POST", "/coupa-nobody/oauth2/token", "grant_type=client_credentials"));
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("unknown buyer"), std::string::npos);
}

TEST_F(CoupaFixture, PoRequiredBuyerRefusesAnInvoiceWithoutPo) {
  const Case c = World::get().accepted(PortalKind::coupa, false, true);
  json::object inv = invoice(c);
  inv["invoice-lines"].as_array()[0].as_object().erase("order-header-num");
  const SimReply r = post(c.buyer.buyer_id, inv, token(c.buyer.buyer_id));
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(first_error(r).find("Order header num can't be blank"), std::string::npos);
}

TEST_F(CoupaFixture, SameSupplierAndNumberIsRefusedAsDuplicateAndCounted) {
  const Case c = World::get().accepted(PortalKind::coupa);
  const std::string t = token(c.buyer.buyer_id);
  ASSERT_EQ(post(c.buyer.buyer_id, invoice(c), t).status, 201);
  const SimReply again = post(c.buyer.buyer_id, invoice(c), t);
  EXPECT_EQ(again.status, 422);
  EXPECT_EQ(first_error(again), "Invoice number has already been used");
  const DocumentRecord rec = ledger->record(PortalKind::coupa, c.doc.number);
  EXPECT_EQ(rec.deliveries, 1);
  EXPECT_EQ(rec.refused_duplicates, 1);
  EXPECT_EQ(rec.duplicate_deliveries, 0);
}

TEST_F(CoupaFixture, LookupByNumberAndSupplierFindsTheInvoiceAndUnknownArgumentsAreRefused) {
  const Case c = World::get().accepted(PortalKind::coupa);
  const std::string t = token(c.buyer.buyer_id);
  const std::string q = "/api/invoices?invoice-number=" + c.doc.number + "&supplier%5Bnumber%5D=" + c.buyer.supplier_ref;
  EXPECT_EQ(get(c.buyer.buyer_id, q, t).body, "[]");
  const json::value created = json::parse(post(c.buyer.buyer_id, invoice(c), t).body);
  const json::value found = json::parse(get(c.buyer.buyer_id, q, t).body);
  ASSERT_EQ(found.as_array().size(), 1u);
  EXPECT_EQ(found.at(0).at("id"), created.at("id"));
  const json::value underscored = json::parse(get(c.buyer.buyer_id, "/api/invoices?invoice_number=" + c.doc.number, t).body);
  EXPECT_EQ(underscored.at(0).at("id"), created.at("id"));
  EXPECT_EQ(get(c.buyer.buyer_id, "/api/invoices?invoice-number=" + c.doc.number + "&supplier%5Bnumber%5D=S1", t).body,
            "[]");
  EXPECT_EQ(get(c.buyer.buyer_id, "/api/invoices?invoice_numbr=X", t).status, 400);
  EXPECT_EQ(get(c.buyer.buyer_id, "/api/invoices/999999", t).status, 404);
}

TEST_F(CoupaFixture, PagesHoldAtMostFiftyInvoices) {
  const Case c = World::get().accepted(PortalKind::coupa);
  const std::string t = token(c.buyer.buyer_id);
  for (int i = 0; i < 60; ++i) {
    json::object inv = invoice(c);
    inv["invoice-number"] = fmt::format("{}-{}", c.doc.number, i);
    clock->set(testing::fixed_now() + std::chrono::seconds(i));   // stay under the rate limit
    ASSERT_EQ(post(c.buyer.buyer_id, inv, t).status, 201);
  }
  EXPECT_EQ(json::parse(get(c.buyer.buyer_id, "/api/invoices?limit=100", t).body).as_array().size(), 50u);
  EXPECT_EQ(json::parse(get(c.buyer.buyer_id, "/api/invoices?offset=50&limit=50", t).body).as_array().size(), 10u);
}

TEST_F(CoupaFixture, MoreThanTheBurstInOneInstantIsThrottledWithRetryAfter) {
  const Case c = World::get().accepted(PortalKind::coupa);
  const std::string t = token(c.buyer.buyer_id);   // 1 of the 20
  int throttled = 0;
  for (int i = 0; i < 25; ++i) {
    const SimReply r = get(c.buyer.buyer_id, "/api/invoices", t);
    if (r.status == 429) {
      ++throttled;
      bool retry_after = false;
      for (const auto& [k, v] : r.headers) retry_after |= k == "Retry-After" && v == "1";
      EXPECT_TRUE(retry_after);
    }
  }
  EXPECT_EQ(throttled, 6);
  clock->set(testing::fixed_now() + std::chrono::seconds(1));
  EXPECT_EQ(get(c.buyer.buyer_id, "/api/invoices", t).status, 200);
}

TEST_F(CoupaFixture, DecisionShowsAfterThePollsAndPaidOnePollLater) {
  const Case paid = World::get().accepted(PortalKind::coupa, true);
  const std::string t = token(paid.buyer.buyer_id);
  const json::value created = json::parse(post(paid.buyer.buyer_id, invoice(paid), t).body);
  const std::string by_id = fmt::format("/api/invoices/{}", created.at("id").as_int64());
  const auto status = [&] { return json::parse(get(paid.buyer.buyer_id, by_id, t).body); };
  EXPECT_EQ(status().at("status"), "pending_approval");
  json::value second = status();
  EXPECT_EQ(second.at("status"), "approved");
  EXPECT_EQ(second.at("paid"), false);
  json::value third = status();
  EXPECT_EQ(third.at("status"), "approved");
  EXPECT_EQ(third.at("paid"), true);
  EXPECT_EQ(ledger->record(PortalKind::coupa, paid.doc.number).status, "approved (paid)");

  const Case rejected = World::get().rejected(PortalKind::coupa);
  const std::string t2 = token(rejected.buyer.buyer_id);
  const json::value r = json::parse(post(rejected.buyer.buyer_id, invoice(rejected), t2).body);
  const std::string id = fmt::format("/api/invoices/{}", r.at("id").as_int64());
  (void)get(rejected.buyer.buyer_id, id, t2);
  const json::value decided = json::parse(get(rejected.buyer.buyer_id, id, t2).body);
  EXPECT_EQ(decided.at("status"), "disputed");
  EXPECT_EQ(decided.at("dispute-reason").at("description"), json::value(rejected.doc.decision->reason));
  EXPECT_EQ(ledger->record(PortalKind::coupa, rejected.doc.number).reason, rejected.doc.decision->reason);
}

TEST_F(CoupaFixture, FaultRepliesAreCoupasOwn) {
  const SimReply throttled = api.fault_reply("429");
  EXPECT_EQ(throttled.status, 429);
  EXPECT_NE(throttled.body.find("\"errors\""), std::string::npos);
  EXPECT_EQ(api.fault_reply("5xx").status, 503);
}

}  // namespace
}  // namespace o2c::sim::portals::coupa
