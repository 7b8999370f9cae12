// Each ERP other than NetSuite through the real binaries, step by step:
// incremental syncs that read only the lookback window, an invoice created
// late in the ERP resolving its order's exception, and the invoice cancelled
// (SAP BillingDocumentIsCancelled, Oracle void, EBS STATUS_TRX 'VD') bringing
// the exception back.
#include <regex>
#include <string>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "tests/integration/sim_session.h"

namespace o2c::testing {
namespace {

struct ErpCase {
  const char* erp;
  const char* invoice_object;  // the mapping's object, as the simulator's mutations name it
};

void PrintTo(const ErpCase& c, std::ostream* os) { *os << c.erp; }

class ErpLifecycle : public ::testing::TestWithParam<ErpCase> {
 protected:
  SimSession sim_{std::string("o2c-erp-") + GetParam().erp, {"--orders", "600", "--seed", "13"}, GetParam().erp};
  CommandResult o2c(std::vector<std::string> args) { return sim_.o2c(std::move(args)); }
  std::string mutate(const std::string& action, const std::string& id) {
    return sim_.mutate(R"({"action":")" + action + R"(","system":")" + GetParam().erp + R"(","object":")" +
                       GetParam().invoice_object + R"(","id":")" + id + "\"}");
  }
};

long total_records(const std::string& sync_output) {
  const std::regex total(R"(total\s+\d+\s+(\d+))");
  std::smatch m;
  return std::regex_search(sync_output, m, total) ? std::stol(m[1]) : -1;
}

TEST_P(ErpLifecycle, SecondSyncReadsOnlyTheLookbackWindow) {
  const auto first = o2c({"sync"});
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  const auto second = o2c({"sync"});
  ASSERT_EQ(second.exit_code, 0) << second.out << second.err;
  ASSERT_GT(total_records(first.out), 0) << first.out;
  EXPECT_LT(total_records(second.out), total_records(first.out) / 2) << second.out;
}

TEST_P(ErpLifecycle, LateInvoiceResolvesItsOrderAndItsCancellationReopensIt) {
  ASSERT_EQ(o2c({"sync"}).exit_code, 0);
  ASSERT_EQ(o2c({"reconcile"}).exit_code, 0);
  std::string order;
  for (const auto& e : sim_.exceptions())
    if (e.as_object().at("kind").as_string() == "ORDER_NOT_INVOICED") {
      order = e.as_object().at("order_id").as_string().c_str();
      break;
    }
  ASSERT_FALSE(order.empty());

  const auto reply = mutate("insert_late", order);
  const auto invoice = boost::json::parse(reply).as_object().at("id").as_string();
  ASSERT_FALSE(invoice.empty()) << reply;
  auto sync = o2c({"sync"});
  ASSERT_EQ(sync.exit_code, 0) << sync.out << sync.err;
  ASSERT_EQ(o2c({"reconcile"}).exit_code, 0);
  EXPECT_EQ(sim_.state_of("ORDER_NOT_INVOICED", order), "resolved");

  const auto cancelled = mutate("delete", std::string(invoice.data(), invoice.size()));
  ASSERT_NE(cancelled.find("\"ok\":true"), std::string::npos) << cancelled;
  sync = o2c({"sync"});
  ASSERT_EQ(sync.exit_code, 0) << sync.out << sync.err;
  ASSERT_EQ(o2c({"reconcile"}).exit_code, 0);
  EXPECT_EQ(sim_.state_of("ORDER_NOT_INVOICED", order), "open");
}

INSTANTIATE_TEST_SUITE_P(Erps, ErpLifecycle,
                         ::testing::Values(ErpCase{"sap", "A_BillingDocument"}, ErpCase{"oracle", "receivablesInvoices"},
                                           ErpCase{"ebs", "RA_CUSTOMER_TRX_ALL"}),
                         [](const ::testing::TestParamInfo<ErpCase>& info) { return std::string(info.param.erp); });

}  // namespace
}  // namespace o2c::testing
