#include <gtest/gtest.h>

#include "sf_crm_fixture.h"

namespace o2c::sim::salesforce::testing {
namespace {

class SalesforceQuery : public ::testing::Test {
 protected:
  SimReply run(std::string_view soql, bool all_rows = false) {
    return api_.handle(get(query_target(soql, all_rows), token_));
  }
  // Order numbers of the records a query returns, in order.
  std::vector<std::string> numbers(std::string_view soql, bool all_rows = false) {
    std::vector<std::string> out;
    for (const auto& r : query_all_pages(api_, token_, soql, all_rows).records)
      out.emplace_back(r.at("OrderNumber").as_string());
    return out;
  }
  std::vector<std::string> where(std::string_view condition, bool all_rows = false) {
    return numbers(fmt::format("SELECT OrderNumber FROM Order WHERE {} ORDER BY Id", condition), all_rows);
  }

  std::shared_ptr<FixedClock> clock_ = std::make_shared<FixedClock>(at("2026-11-24T12:00:00Z"));
  SalesforceApi api_{SalesforceOptions{}, crm_catalog(), clock_};
  std::string token_ = token_for(api_);
};

using Numbers = std::vector<std::string>;

TEST_F(SalesforceQuery, RecordsAreWrittenExactlyAsSalesforceDoes) {
  const SimReply r =
      run(fmt::format("select orderNumber, id, totalamount, EFFECTIVEDATE, activateddate, isdeleted, "
                      "PoNumber from ORDER where ID = '{}'",
                      order_id(1)));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(header(r, "Content-Type"), "application/json;charset=UTF-8");
  EXPECT_EQ(r.body,
            fmt::format(R"({{"totalSize":1,"done":true,"records":[{{"attributes":{{"type":"Order",)"
                        R"("url":"/services/data/v59.0/sobjects/Order/{0}"}},"OrderNumber":"00000001","Id":"{0}",)"
                        R"("TotalAmount":1200.50,"EffectiveDate":"2026-01-15",)"
                        R"("ActivatedDate":"2026-01-15T09:00:00.000+0000","IsDeleted":false,)"
                        R"("PoNumber":"PO-2026-000001"}}]}})",
                        order_id(1)));
}

TEST_F(SalesforceQuery, NullsBadTypesInvalidUtf8AndEscapesAreWrittenAsTheyAre) {
  const SimReply r =
      run("SELECT Id, TotalAmount, PoNumber, ActivatedDate, SystemModstamp FROM Order "
          "WHERE OrderNumber IN ('00000002', '00000004', '00000006') ORDER BY Id");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find(R"("TotalAmount":980,"PoNumber":null,"ActivatedDate":null)"), std::string::npos);
  EXPECT_NE(r.body.find(R"("TotalAmount":"12,50 EUR","PoNumber":"PO-)"
                        "\xff\xfe"
                        R"(-BAD")"),
            std::string::npos);
  EXPECT_NE(r.body.find(R"("SystemModstamp":"2026-05-03T10:00:00.250+0000")"), std::string::npos);
  EXPECT_NE(r.body.find(R"("TotalAmount":true,"PoNumber":"Line1\nLine2 \"quoted\" \\ tab\t")"), std::string::npos);
}

TEST_F(SalesforceQuery, RelationshipFieldsAreNestedRecordsOrNull) {
  const auto pages = query_all_pages(
      api_, token_, "SELECT Id, Account.Name, account.parent.name, Bill_To__r.Name, AccountId FROM Order ORDER BY Id");
  ASSERT_EQ(pages.records.size(), 5u);  // the deleted order is not in `query`
  const json::object& first = pages.records[0];
  const json::object& account = first.at("Account").as_object();
  EXPECT_EQ(account.at("attributes").at("type").as_string(), "Account");
  EXPECT_EQ(account.at("attributes").at("url").as_string(), "/services/data/v59.0/sobjects/Account/" + kAcme);
  EXPECT_EQ(account.at("Name").as_string(), "Acme Corp");
  EXPECT_TRUE(account.at("Parent").is_null());
  EXPECT_EQ(first.at("Bill_To__r").at("Name").as_string(), "M\xc3\xbcller & S\xc3\xb6hne GmbH");
  EXPECT_EQ(pages.records[1].at("Account").at("Parent").at("Name").as_string(), "Acme Corp");
  EXPECT_TRUE(pages.records[1].at("Bill_To__r").is_null());
  EXPECT_TRUE(pages.records[2].at("Account").is_null());  // AccountId null
  EXPECT_TRUE(pages.records[4].at("Account").is_null());  // AccountId points to no account
  EXPECT_EQ(pages.records[4].at("AccountId").as_string(), "001999999999999999AAA");
  // Keys in SELECT order: one nested object per relationship, at its first mention.
  std::vector<std::string> keys;
  for (const auto& kv : first) keys.emplace_back(kv.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"attributes", "Id", "Account", "Bill_To__r", "AccountId"}));
}

TEST_F(SalesforceQuery, WhereOnARelationshipPath) {
  EXPECT_EQ(where("Account.Name LIKE 'acme%'"), (Numbers{"00000001", "00000005"}));
  EXPECT_EQ(where("Account.Parent.Name = 'Acme Corp'"), (Numbers{"00000002"}));
}

TEST_F(SalesforceQuery, QueryHidesDeletedRowsAndQueryAllShowsThem) {
  EXPECT_EQ(where("StatusCode = 'Activated'"), (Numbers{"00000001", "00000004", "00000005", "00000006"}));
  EXPECT_EQ(where("StatusCode = 'Activated'", true),
            (Numbers{"00000001", "00000003", "00000004", "00000005", "00000006"}));
  EXPECT_EQ(where("IsDeleted = true"), Numbers{});
  EXPECT_EQ(where("IsDeleted = true", true), Numbers{"00000003"});
}

TEST_F(SalesforceQuery, CountReturnsOnlyTotalSize) {
  const SimReply r = run("SELECT COUNT() FROM Order WHERE StatusCode = 'Activated'");
  EXPECT_EQ(r.body, R"({"totalSize":4,"done":true,"records":[]})");
  EXPECT_EQ(run("SELECT COUNT() FROM Order WHERE StatusCode = 'Activated'", true).body,
            R"({"totalSize":5,"done":true,"records":[]})");
  EXPECT_EQ(run("SELECT COUNT() FROM Order LIMIT 2").body, R"({"totalSize":2,"done":true,"records":[]})");
}

TEST_F(SalesforceQuery, ComparisonSemantics) {
  EXPECT_EQ(where("PoNumber != 'PO-X'"), (Numbers{"00000001", "00000002", "00000004", "00000005", "00000006"}));
  EXPECT_EQ(where("PoNumber = null"), (Numbers{"00000002"}));
  EXPECT_EQ(where("PoNumber <> null AND StatusCode = 'ACTIVATED'"),
            (Numbers{"00000001", "00000004", "00000005", "00000006"}));
  EXPECT_EQ(where("TotalAmount > 100"), (Numbers{"00000001", "00000002"}));
  EXPECT_EQ(where("TotalAmount IN (980, 1200.5)"), (Numbers{"00000001", "00000002"}));
  EXPECT_EQ(where("TotalAmount NOT IN (980, 1200.5)"), (Numbers{"00000004", "00000005", "00000006"}));
  EXPECT_EQ(where("NOT TotalAmount > 0"), (Numbers{"00000004", "00000005", "00000006"}));
  EXPECT_EQ(where("TotalAmount <= -3.00"), (Numbers{"00000005"}));
  EXPECT_EQ(where("EffectiveDate >= 2026-03-01"), (Numbers{"00000004", "00000005", "00000006"}));
  EXPECT_EQ(where("ActivatedDate > 2026-03-01T10:00:00+02:00"), (Numbers{"00000004", "00000005", "00000006"}));
  EXPECT_EQ(where("SystemModstamp = 2026-05-03T10:00:00.25Z"), (Numbers{"00000004"}));
  EXPECT_EQ(where("(StatusCode = 'Draft' OR PoNumber LIKE 'po%') AND Id != null"),
            (Numbers{"00000001", "00000002", "00000004", "00000005"}));
  EXPECT_EQ(where(fmt::format("Id > '{}' AND Id <= '{}'", order_id(1), order_id(4))),
            (Numbers{"00000002", "00000004"}));
  EXPECT_EQ(where("AccountId = null OR Account.Requires_PO__c = true"), (Numbers{"00000001", "00000004", "00000005"}));
}

TEST_F(SalesforceQuery, OrderByLimitAndOffset) {
  EXPECT_EQ(numbers("SELECT OrderNumber FROM Order ORDER BY ActivatedDate DESC NULLS LAST"),
            (Numbers{"00000006", "00000005", "00000004", "00000001", "00000002"}));
  EXPECT_EQ(numbers("SELECT OrderNumber FROM Order ORDER BY ActivatedDate"),
            (Numbers{"00000002", "00000001", "00000004", "00000005", "00000006"}));
  EXPECT_EQ(numbers("SELECT OrderNumber FROM Order ORDER BY Account.Name NULLS LAST, OrderNumber DESC"),
            (Numbers{"00000005", "00000001", "00000002", "00000006", "00000004"}));
  EXPECT_EQ(numbers("SELECT OrderNumber FROM Order ORDER BY OrderNumber LIMIT 2 OFFSET 1"),
            (Numbers{"00000002", "00000004"}));
  EXPECT_EQ(numbers("SELECT OrderNumber FROM Order LIMIT 2 OFFSET 4"), (Numbers{"00000006"}));
  EXPECT_EQ(numbers("SELECT OrderNumber FROM Order ORDER BY Id OFFSET 2000"), Numbers{});
}

struct QueryError {
  int status;
  std::string code;
  std::string message;
};

class SalesforceQueryErrors : public SalesforceQuery {
 protected:
  QueryError error(std::string_view soql) {
    const SimReply r = run(soql);
    return {r.status, error_code(r), error_message(r)};
  }
};

TEST_F(SalesforceQueryErrors, UnknownNamesAreNamedWithTheirPosition) {
  const QueryError field = error("SELECT Id, Foo FROM Order");
  EXPECT_EQ(field.status, 400);
  EXPECT_EQ(field.code, "INVALID_FIELD");
  EXPECT_TRUE(field.message.starts_with("No such column 'Foo' on entity 'Order' at position 12.")) << field.message;
  const QueryError nested = error("SELECT Account.Nme FROM Order");
  EXPECT_TRUE(nested.message.starts_with("No such column 'Nme' on entity 'Account' at position 8.")) << nested.message;
  const QueryError relationship = error("SELECT Acount.Name FROM Order");
  EXPECT_EQ(relationship.code, "INVALID_FIELD");
  EXPECT_TRUE(relationship.message.starts_with("Didn't understand relationship 'Acount' in field path"))
      << relationship.message;
  EXPECT_EQ(error("SELECT Id FROM Order WHERE Bogus = 1").code, "INVALID_FIELD");
  EXPECT_EQ(error("SELECT Id FROM Order ORDER BY Bogus").code, "INVALID_FIELD");
  const QueryError type = error("SELECT Id FROM Orders");
  EXPECT_EQ(type.code, "INVALID_TYPE");
  EXPECT_TRUE(type.message.starts_with("sObject type 'Orders' is not supported at position 16.")) << type.message;
  EXPECT_EQ(error("SELECT Id, id FROM Order").code, "INVALID_FIELD");  // duplicate field selected
}

TEST_F(SalesforceQueryErrors, LiteralsMustFitTheFieldType) {
  const QueryError quoted = error("SELECT Id FROM Order WHERE SystemModstamp >= '2026-11-24T10:00:00Z'");
  EXPECT_EQ(quoted.code, "INVALID_FIELD");
  EXPECT_NE(quoted.message.find("value of filter criterion for field 'SystemModstamp' must be of type dateTime and "
                                "should not be enclosed in quotes"),
            std::string::npos)
      << quoted.message;
  EXPECT_EQ(error("SELECT Id FROM Order WHERE SystemModstamp >= 2026-11-24").code, "INVALID_FIELD");
  EXPECT_EQ(error("SELECT Id FROM Order WHERE TotalAmount > '5'").code, "INVALID_FIELD");
  EXPECT_EQ(error("SELECT Id FROM Order WHERE OrderNumber = 5").code, "INVALID_FIELD");
  EXPECT_EQ(error("SELECT Id FROM Order WHERE IsDeleted = 'false'").code, "INVALID_FIELD");
  EXPECT_EQ(error("SELECT Id FROM Order WHERE TotalAmount LIKE '5%'").code, "INVALID_FIELD");
  EXPECT_EQ(error("SELECT Id FROM Order WHERE EffectiveDate LIKE '2026%'").code, "INVALID_FIELD");
  EXPECT_EQ(error("SELECT Id FROM Order WHERE PoNumber LIKE null").code, "INVALID_QUERY_FILTER_OPERATOR");
}

TEST_F(SalesforceQueryErrors, SyntaxErrorsComeBackAsMalformedQuery) {
  const QueryError e = error("SELECT Id FROM Order WHERE");
  EXPECT_EQ(e.status, 400);
  EXPECT_EQ(e.code, "MALFORMED_QUERY");
  EXPECT_EQ(e.message, "unexpected token '<EOF>' at position 27");
  EXPECT_EQ(error("").code, "MALFORMED_QUERY");
  EXPECT_EQ(error("SELECT Id FROM Order ORDER BY Id OFFSET 2001").code, "NUMBER_OUTSIDE_VALID_RANGE");
}

TEST_F(SalesforceQueryErrors, APlusLeftUnencodedInTheUrlBecomesASpaceAndFails) {
  const std::string raw =
      "/services/data/v59.0/query?q=SELECT+Id+FROM+Order+WHERE+SystemModstamp+%3E%3D+"
      "2026-05-01T10:00:00+01:00";
  const SimReply r = api_.handle(get(raw, token_));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code(r), "MALFORMED_QUERY");
  EXPECT_NE(error_message(r).find("'2026-05-01T10:00:00'"), std::string::npos) << error_message(r);
  std::string encoded = raw;
  encoded.replace(encoded.rfind('+'), 1, "%2B");
  EXPECT_EQ(api_.handle(get(encoded, token_)).status, 200);
}

}  // namespace
}  // namespace o2c::sim::salesforce::testing
