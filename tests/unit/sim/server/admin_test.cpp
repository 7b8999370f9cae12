#include "sim/server/admin.h"

#include <boost/json.hpp>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/error.h"

namespace o2c::sim::server {
namespace {

namespace json = boost::json;

SimRequest req(std::string method, std::string target, std::string body = "") {
  SimRequest r;
  r.method = std::move(method);
  r.target = std::move(target);
  r.body = std::move(body);
  return r;
}

struct Hooks {
  std::vector<MutationRequest> applied;
  AdminHooks hooks() {
    AdminHooks h;
    h.answer_key = [](std::string_view) { return std::string(R"({"seed":42,"exceptions":[]})"); };
    h.mutate = [this](const MutationRequest& m, std::string& id) -> std::string {
      if (m.id == "missing") return "no Order with id 'missing'";
      applied.push_back(m);
      if (m.action == "insert_late") id = "801NEW";
      return "";
    };
    return h;
  }
};

TEST(AdminTargets, OnlyTheAdminPrefixIsAdmin) {
  EXPECT_TRUE(is_admin_target("/sim/admin/health"));
  EXPECT_TRUE(is_admin_target("/sim/admin/health?x=1"));
  EXPECT_TRUE(is_admin_target("/sim/admin"));
  EXPECT_FALSE(is_admin_target("/sim/administrator"));
  EXPECT_FALSE(is_admin_target("/services/data/v59.0/query?q=/sim/admin/"));
}

TEST(AdminApi, HealthAndAnswerKey) {
  Hooks h;
  const SimReply health = handle_admin(req("GET", "/sim/admin/health"), h.hooks(), {}, 0);
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, R"({"ok":true})");
  const SimReply key = handle_admin(req("GET", "/sim/admin/answer-key"), h.hooks(), {}, 0);
  EXPECT_EQ(key.status, 200);
  EXPECT_EQ(key.body, R"({"seed":42,"exceptions":[]})");
  EXPECT_EQ(handle_admin(req("GET", "/sim/admin/answer-key"), AdminHooks{}, {}, 0).status, 404);
}

TEST(AdminApi, AnswerKeyNamesTheErpAskedFor) {
  AdminHooks hooks;
  hooks.answer_key = [](std::string_view erp) -> std::string {
    if (erp == "cobol") fail(Error::Kind::config, "unknown ERP 'cobol'");
    return fmt::format(R"({{"erp":"{}"}})", erp);
  };
  EXPECT_EQ(handle_admin(req("GET", "/sim/admin/answer-key?erp=sap"), hooks, {}, 0).body, R"({"erp":"sap"})");
  EXPECT_EQ(handle_admin(req("GET", "/sim/admin/answer-key"), hooks, {}, 0).body, R"({"erp":""})");
  const SimReply unknown = handle_admin(req("GET", "/sim/admin/answer-key?erp=cobol"), hooks, {}, 0);
  EXPECT_EQ(unknown.status, 400);
  EXPECT_NE(unknown.body.find("unknown ERP 'cobol'"), std::string::npos);
}

TEST(AdminApi, MutateAppliesAndReturnsTheAffectedId) {
  Hooks h;
  const SimReply touched = handle_admin(
      req("POST", "/sim/admin/mutate", R"({"action":"touch","system":"salesforce","object":"Order","id":"801A"})"),
      h.hooks(), {}, 0);
  EXPECT_EQ(touched.status, 200);
  EXPECT_EQ(touched.body, R"({"ok":true,"id":"801A"})");
  const SimReply inserted = handle_admin(
      req("POST", "/sim/admin/mutate", R"({"action":"insert_late","system":"netsuite","object":"transaction"})"),
      h.hooks(), {}, 0);
  EXPECT_EQ(inserted.body, R"({"ok":true,"id":"801NEW"})");
  ASSERT_EQ(h.applied.size(), 2u);
  EXPECT_EQ(h.applied[0].action, "touch");
  EXPECT_EQ(h.applied[0].system, "salesforce");
  EXPECT_EQ(h.applied[0].object, "Order");
  EXPECT_EQ(h.applied[1].id, "");
}

TEST(AdminApi, MutateErrorsAre400WithTheReason) {
  Hooks h;
  const auto error_of = [&](const std::string& body) {
    const SimReply r = handle_admin(req("POST", "/sim/admin/mutate", body), h.hooks(), {}, 0);
    EXPECT_EQ(r.status, 400) << body;
    return std::string(json::parse(r.body).at("error").as_string());
  };
  EXPECT_NE(error_of("{").find("not JSON"), std::string::npos);
  EXPECT_NE(error_of("[1]").find("must be a JSON object"), std::string::npos);
  EXPECT_NE(error_of(R"({"system":"salesforce","object":"Order"})").find("lacks \"action\""), std::string::npos);
  EXPECT_NE(error_of(R"({"action":1,"system":"salesforce","object":"Order"})").find("\"action\" must be a string"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"action":"touch","system":"salesforce","object":"Order","idd":"x"})")
                .find("unknown key \"idd\"; did you mean 'id'?"),
            std::string::npos);
  EXPECT_EQ(error_of(R"({"action":"touch","system":"salesforce","object":"Order","id":"missing"})"),
            "no Order with id 'missing'");
  EXPECT_TRUE(h.applied.empty());
}

TEST(AdminApi, UnknownPathAndWrongMethod) {
  Hooks h;
  const SimReply unknown = handle_admin(req("GET", "/sim/admin/helth"), h.hooks(), {}, 0);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_NE(unknown.body.find("did you mean '/sim/admin/health'"), std::string::npos) << unknown.body;
  const SimReply wrong = handle_admin(req("GET", "/sim/admin/mutate"), h.hooks(), {}, 0);
  EXPECT_EQ(wrong.status, 405);
  EXPECT_NE(wrong.body.find("takes POST"), std::string::npos);
}

TEST(AdminApi, StatsListEveryEndpointWithCountsByKindAndStatus) {
  EndpointStats sf;
  sf.name = "salesforce";
  sf.port = 4000;
  sf.requests = 12;
  sf.max_in_flight = 3;
  sf.limit_rejections = 1;
  sf.faults[static_cast<std::size_t>(FaultKind::html)] = 2;
  sf.statuses = {{200, 10}, {403, 2}};
  EndpointStats ns;
  ns.name = "netsuite";
  const SimReply r = handle_admin(req("GET", "/sim/admin/stats"), AdminHooks{}, {sf, ns}, 5);
  ASSERT_EQ(r.status, 200);
  const json::value doc = json::parse(r.body);
  EXPECT_EQ(doc.at("admin_requests").as_int64(), 5);
  const auto& s = doc.at("endpoints").at("salesforce");
  EXPECT_EQ(s.at("port").as_int64(), 4000);
  EXPECT_EQ(s.at("requests").as_int64(), 12);
  EXPECT_EQ(s.at("max_in_flight").as_int64(), 3);
  EXPECT_EQ(s.at("limit_rejections").as_int64(), 1);
  EXPECT_EQ(s.at("faults").at("html").as_int64(), 2);
  EXPECT_EQ(s.at("faults").at("429").as_int64(), 0);
  EXPECT_EQ(s.at("statuses").at("403").as_int64(), 2);
  EXPECT_EQ(doc.at("endpoints").at("netsuite").at("requests").as_int64(), 0);
}

TEST(AdminApi, PortalsComesFromItsHookOr404) {
  AdminHooks hooks;
  EXPECT_EQ(handle_admin(req("GET", "/sim/admin/portals"), hooks, {}, 0).status, 404);
  hooks.portals = [] { return std::string(R"({"portals":{},"totals":{}})"); };
  const SimReply r = handle_admin(req("GET", "/sim/admin/portals"), hooks, {}, 0);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"portals":{},"totals":{}})");
  EXPECT_EQ(handle_admin(req("POST", "/sim/admin/portals"), hooks, {}, 0).status, 405);
}

}  // namespace
}  // namespace o2c::sim::server
