// One answer key for every ERP (DATA.md "One answer key for every ERP"): only
// the source and object of the DATA_INVALID entries of NetSuite records change.
#include <gtest/gtest.h>

#include "core/error.h"
#include "sim/dataset/answer_key.h"
#include "tests/unit/sim/dataset/dataset_test_support.h"

namespace o2c::sim {
namespace {

using namespace testing_support;

struct ErpNames {
  const char* erp;
  const char* invoice;
  const char* invalid_line = "";  // EBS: the line of a planted invalid invoice is invalid too
};

class ErpAnswerKey : public ::testing::TestWithParam<ErpNames> {};

TEST_P(ErpAnswerKey, DiffersFromNetSuitesOnlyInTheNamingOfInvalidErpRecords) {
  const ErpNames names = GetParam();
  Dataset ds(options(2000));
  // The ERPs whose demo pushes to the portals share NetSuite's key; the others
  // are held against NetSuite's without the portals.
  const bool pushes = dataset::erp_objects(names.erp)->pushes;
  const auto& opts = ds.options();
  const std::string plain = dataset::answer_key_json(
      dataset::AnswerKeyHeader{opts.seed, opts.orders, opts.now},
      dataset::compute_answer_key(*ds.salesforce(), *ds.netsuite(), opts.now, nullptr));
  const auto netsuite = boost::json::parse(pushes ? ds.answer_key_json() : plain).as_object();
  const auto erp = boost::json::parse(ds.answer_key_json(names.erp)).as_object();
  auto counts = netsuite.at("counts").as_object();
  EXPECT_EQ(erp.at("seed"), netsuite.at("seed"));
  EXPECT_EQ(erp.at("now"), netsuite.at("now"));
  const auto& a = netsuite.at("exceptions").as_array();
  const auto& b = erp.at("exceptions").as_array();
  std::size_t renamed = 0;
  std::vector<boost::json::object> expected;
  for (const auto& item : a) {
    auto e = item.as_object();
    if (e.at("kind") == "DATA_INVALID" && e.at("source") == "netsuite") {
      ASSERT_EQ(e.at("object"), "transaction");  // only transactions are planted invalid
      e["source"] = names.erp;
      e["object"] = names.invoice;
      ++renamed;
      if (*names.invalid_line) {
        auto line = e;
        line["object"] = names.invalid_line;
        expected.push_back(line);
        counts["DATA_INVALID"] = counts["DATA_INVALID"].as_int64() + 1;
      }
    }
    expected.push_back(e);
  }
  EXPECT_GE(renamed, 2u);
  EXPECT_EQ(erp.at("counts"), counts);
  ASSERT_EQ(expected.size(), b.size());
  // Same entries; and listed in the order of the key (kind, then source/object/record_id).
  std::vector<boost::json::object> got;
  for (const auto& item : b) got.push_back(item.as_object());
  const auto order = [](const boost::json::object& x, const boost::json::object& y) {
    return boost::json::serialize(x) < boost::json::serialize(y);
  };
  auto sorted_expected = expected, sorted_got = got;
  std::sort(sorted_expected.begin(), sorted_expected.end(), order);
  std::sort(sorted_got.begin(), sorted_got.end(), order);
  EXPECT_EQ(sorted_got, sorted_expected);
  for (std::size_t k = 1; k < got.size(); ++k) {
    const auto key = [](const boost::json::object& o) {
      if (o.at("kind") != "DATA_INVALID") return std::string();
      return std::string(o.at("source").as_string()) + "/" + std::string(o.at("object").as_string()) + "/" +
             std::string(o.at("record_id").as_string());
    };
    if (got[k].at("kind") == got[k - 1].at("kind")) {
      EXPECT_LE(key(got[k - 1]), key(got[k]));
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Erps, ErpAnswerKey,
                         ::testing::Values(ErpNames{"sap", "A_BillingDocument"}, ErpNames{"oracle", "receivablesInvoices"},
                                           ErpNames{"ebs", "RA_CUSTOMER_TRX_ALL", "RA_CUSTOMER_TRX_LINES_ALL"}),
                         [](const auto& info) { return std::string(info.param.erp); });

TEST(ErpAnswerKeyNaming, PaymentsAndCustomersGetTheirOwnObjectAndOtherSourcesStay) {
  const Dataset ds(options(400));
  const auto tx = table(ds, "netsuite", "transaction");
  std::string payment;
  for (std::size_t r = 0; r < tx->size() && payment.empty(); ++r)
    if (text(*tx, r, "type") == "CustPymt") payment = text(*tx, r, "id");
  const auto invalid = [](std::string source, std::string object, std::string id) {
    dataset::ExpectedException e;
    e.kind = "DATA_INVALID", e.source = std::move(source), e.object = std::move(object), e.record_id = std::move(id);
    return e;
  };
  std::vector<dataset::ExpectedException> key{invalid("netsuite", "customer", "1002"),
                                              invalid("netsuite", "transaction", payment),
                                              invalid("netsuite", "transaction", "100001"),
                                              invalid("salesforce", "Order", "801x")};
  const auto named = dataset::name_for_erp(key, *dataset::erp_objects("oracle"), *tx);
  ASSERT_EQ(named.size(), 4u);
  EXPECT_EQ(named[0].key(), "oracle/receivablesCustomerAccountActivities/1002");
  EXPECT_EQ(named[1].key(), "oracle/receivablesInvoices/100001");
  EXPECT_EQ(named[2].key(), "oracle/standardReceipts/" + payment);
  EXPECT_EQ(named[3].key(), "salesforce/Order/801x");
  EXPECT_EQ(dataset::name_for_erp(key, *dataset::erp_objects("SAP"), *tx)[3].key(),  // "salesforce" < "sap"
            "sap/A_OperationalAcctgDocItemCube/" + payment);
  EXPECT_EQ(dataset::name_for_erp(key, *dataset::erp_objects("ebs"), *tx)[0].key(), "ebs/AR_CASH_RECEIPTS_ALL/" + payment);
}

TEST(ErpAnswerKeyNaming, FollowsMutationsForEveryErpAndRefusesAnUnknownOne) {
  Dataset ds(options(600));
  const auto sap_before = answer_key_sets(ds.answer_key_json("sap"));
  const std::string order = *sap_before.at("ORDER_NOT_INVOICED").begin();
  ASSERT_EQ(ds.mutate({"delete", "salesforce", "Order", order}), "");
  for (const char* erp : {"netsuite", "sap", "oracle", "ebs"})
    EXPECT_EQ(answer_key_sets(ds.answer_key_json(erp))["ORDER_NOT_INVOICED"].count(order), 0u) << erp;
  EXPECT_EQ(ds.answer_key_json("SAP"), ds.answer_key_json("sap"));
  EXPECT_EQ(ds.answer_key_json(), ds.answer_key_json("netsuite"));
  try {
    (void)ds.answer_key_json("coupa");
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::config);
    EXPECT_NE(std::string(e.what()).find("unknown ERP 'coupa'"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace o2c::sim
