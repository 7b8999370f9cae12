// SuiteQL semantics over the small hand-written business (VectorTable).
#include <gtest/gtest.h>

#include "netsuite_test_data.h"

namespace o2c::sim::netsuite::test {
namespace {

struct QueryFixture : ::testing::Test {
  std::shared_ptr<FixedClock> clock = std::make_shared<FixedClock>(kNow);
  NetSuiteApi api{NetSuiteOptions{}, make_business_catalog(), clock};
  Client client{api};

  std::vector<Item> rows(const std::string& q) { return all_rows(client, q); }
  std::vector<std::string> column(const std::string& q, const std::string& key) {
    std::vector<std::string> out;
    for (const auto& r : rows(q)) out.push_back(r.count(key) ? r.at(key) : "<null>");
    return out;
  }
};

using Strings = std::vector<std::string>;

TEST_F(QueryFixture, ConnectorInvoiceQueryJoinsFormatsAndFilters) {
  const std::string q =
      "SELECT t.id AS o2c_id, TO_CHAR(t.lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS o2c_modified, "
      "t.tranid AS tranid, TO_CHAR(t.trandate, 'YYYY-MM-DD') AS trandate, cur.symbol AS currency, "
      "t.foreigntotal AS foreigntotal, t.otherrefnum AS otherrefnum, c.custentity_o2c_sf_account AS crm_account, "
      "TO_CHAR(t.lastmodifieddate, 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS lastmodifieddate "
      "FROM transaction t JOIN customer c ON c.id = t.entity JOIN currency cur ON cur.id = t.currency "
      "WHERE (t.type IN ('CustInvc', 'CustCred')) AND t.lastmodifieddate >= TO_DATE('2026-05-01 10:00:00', "
      "'YYYY-MM-DD HH24:MI:SS') AND t.id > 0 ORDER BY t.id ASC";
  const auto r = rows(q);
  ASSERT_EQ(r.size(), 4u);  // 9 is a payment, 11 has no customer, 12 no entity
  EXPECT_EQ(r[0], (Item{{"o2c_id", "1"},
                        {"o2c_modified", "2026-05-01 10:00:00"},
                        {"tranid", "INV100001"},
                        {"trandate", "2026-05-01"},
                        {"currency", "EUR"},
                        {"foreigntotal", "1200.50"},
                        {"otherrefnum", "PO-2026-004471"},
                        {"crm_account", "001A"},
                        {"lastmodifieddate", "2026-05-01T10:00:00Z"}}));
  EXPECT_EQ(r[1].count("otherrefnum"), 0u);  // null omitted
  EXPECT_EQ(r[2].at("foreigntotal"), "-100.25");
  EXPECT_EQ(r[3].at("o2c_id"), "10");
  EXPECT_EQ(r[3].at("currency"), "GBP");
  EXPECT_EQ(r[3].count("crm_account"), 0u);
}

TEST_F(QueryFixture, InnerJoinDropsAndLeftJoinKeepsRowsWithoutMatch) {
  EXPECT_EQ(column("SELECT t.id FROM transaction t INNER JOIN customer c ON t.entity = c.id ORDER BY t.id", "id"),
            (Strings{"1", "2", "3", "9", "10"}));
  EXPECT_EQ(column("SELECT t.id, c.entityid AS cust FROM transaction t LEFT JOIN customer c ON c.id = t.entity "
                   "ORDER BY t.id", "cust"),
            (Strings{"CUST-000001", "CUST-000002", "CUST-000001", "CUST-000003", "CUST-000010", "<null>",
                     "<null>"}));
  // An ON filter only decides the match; a WHERE filter removes rows.
  EXPECT_EQ(column("SELECT t.id, c.entityid AS cust FROM transaction t LEFT OUTER JOIN customer c "
                   "ON c.id = t.entity AND c.currency = 4 ORDER BY t.id", "cust"),
            (Strings{"CUST-000001", "CUST-000002", "CUST-000001", "<null>", "<null>", "<null>", "<null>"}));
  EXPECT_EQ(column("SELECT t.id FROM transaction t LEFT JOIN customer c ON c.id = t.entity "
                   "WHERE c.id IS NULL ORDER BY t.id", "id"),
            (Strings{"11", "12"}));
}

TEST_F(QueryFixture, JoinOnNonKeyColumnFansOutThroughHashIndex) {
  EXPECT_EQ(column("SELECT c.id AS cust, t.tranid FROM customer c JOIN transaction t ON t.entity = c.id "
                   "ORDER BY c.id, t.id DESC", "tranid"),
            (Strings{"CM100001", "INV100001", "INV100002", "PYMT100001", "INV100003"}));
  // Without ORDER BY: driving order, matches in the joined table's order.
  EXPECT_EQ(column("SELECT c.id AS cust, t.tranid FROM customer c JOIN transaction t ON t.entity = c.id", "tranid"),
            (Strings{"INV100001", "CM100001", "INV100002", "PYMT100001", "INV100003"}));
  EXPECT_EQ(column("SELECT p.entityid AS parent FROM customer c JOIN customer p ON p.id = c.parent", "parent"),
            (Strings{"CUST-000001"}));
}

TEST_F(QueryFixture, ToCharAndToDateRoundTripInUtc) {
  EXPECT_EQ(column("SELECT TO_CHAR(TO_DATE('2026-11-24T10:05:07Z', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
                   "'YYYY/MM/DD HH24.MI.SS') AS x FROM currency cur WHERE cur.id = 1", "x"),
            (Strings{"2026/11/24 10.05.07"}));
  EXPECT_EQ(column("SELECT TO_CHAR(t.lastmodifieddate, 'yyyy-mm-dd hh24:mi:ss') AS m FROM transaction t "
                   "WHERE t.id = 9", "m"),
            (Strings{"2026-05-04 23:59:59"}));
  EXPECT_EQ(column("SELECT TO_CHAR(t.trandate, 'DD.MM.YYYY') AS d FROM transaction t WHERE t.id = 2", "d"),
            (Strings{"02.05.2026"}));
}

TEST_F(QueryFixture, DateRangesCompareAsInstants) {
  const std::string f = "'YYYY-MM-DD HH24:MI:SS'";
  EXPECT_EQ(column("SELECT t.id FROM transaction t WHERE t.lastmodifieddate >= TO_DATE('2026-05-02 09:30:00', " +
                       f + ") AND t.lastmodifieddate < TO_DATE('2026-05-04 23:59:59', " + f + ")",
                   "id"),
            (Strings{"2", "3"}));
  EXPECT_EQ(column("SELECT t.id FROM transaction t WHERE t.lastmodifieddate > TO_DATE('2026-05-04 23:59:59', " +
                       f + ") AND t.lastmodifieddate <= TO_DATE('2026-05-06 12:00:00', " + f + ")",
                   "id"),
            (Strings{"10", "11"}));
  // A date column against a datetime: the date is its midnight.
  EXPECT_EQ(column("SELECT t.id FROM transaction t WHERE t.trandate = TO_DATE('2026-05-03', 'YYYY-MM-DD')", "id"),
            (Strings{"3"}));
  EXPECT_EQ(column("SELECT t.id FROM transaction t WHERE t.trandate BETWEEN TO_DATE('2026-05-02', 'YYYY-MM-DD') "
                   "AND TO_DATE('2026-05-04', 'YYYY-MM-DD')", "id"),
            (Strings{"2", "3", "9"}));
}

TEST_F(QueryFixture, DatesWithoutToCharUseTheAccountDateFormat) {
  const auto r = rows("SELECT t.trandate, t.lastmodifieddate FROM transaction t WHERE t.id = 9");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].at("trandate"), "5/4/2026");
  EXPECT_EQ(r[0].at("lastmodifieddate"), "5/4/2026");
}

TEST_F(QueryFixture, InAndNotInLists) {
  EXPECT_EQ(column("SELECT t.id FROM transaction t WHERE t.type NOT IN ('CustInvc')", "id"), (Strings{"3", "9"}));
  EXPECT_EQ(column("SELECT t.id FROM transaction t WHERE t.id IN (12, 1, 10)", "id"), (Strings{"1", "10", "12"}));
  EXPECT_EQ(column("SELECT t.id FROM transaction t WHERE t.entity IN ('3', '10')", "id"), (Strings{"9", "10"}));
  // NOT IN with a NULL in the list is never true (three-valued logic).
  EXPECT_TRUE(rows("SELECT t.id FROM transaction t WHERE t.id NOT IN (1, NULL)").empty());
}

TEST_F(QueryFixture, NullsAreOmittedAndTestedWithIsNull) {
  const auto r = rows("SELECT t.id, t.otherrefnum, t.memo FROM transaction t WHERE t.otherrefnum IS NULL");
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0], (Item{{"id", "2"}}));
  EXPECT_EQ(r[1], (Item{{"id", "9"}, {"memo", "wire"}}));
  EXPECT_EQ(column("SELECT t.id FROM transaction t WHERE t.memo IS NOT NULL AND t.otherrefnum IS NOT NULL", "id"),
            (Strings{"1", "10"}));
  EXPECT_TRUE(rows("SELECT t.id FROM transaction t WHERE t.otherrefnum = NULL").empty());
}

TEST_F(QueryFixture, NumbersCompareNumericallyOnExactText) {
  EXPECT_EQ(column("SELECT t.id FROM transaction t WHERE t.id > 9", "id"), (Strings{"10", "11", "12"}));
  EXPECT_EQ(column("SELECT t.id FROM transaction t WHERE t.id >= '10'", "id"), (Strings{"10", "11", "12"}));
  EXPECT_EQ(column("SELECT t.id FROM transaction t WHERE t.foreigntotal = 1200.5", "id"), (Strings{"1"}));
  EXPECT_EQ(column("SELECT t.id FROM transaction t WHERE t.foreigntotal > 980", "id"), (Strings{"1"}));
  EXPECT_EQ(column("SELECT t.id FROM transaction t WHERE t.foreigntotal < -100.2", "id"), (Strings{"3"}));
  EXPECT_EQ(column("SELECT t.id FROM transaction t WHERE t.foreigntotal <= 75.50", "id"),
            (Strings{"3", "10", "11"}));  // "abc" compares with nothing
  EXPECT_EQ(column("SELECT t.foreigntotal AS amount FROM transaction t WHERE t.id = 12", "amount"),
            (Strings{"abc"}));  // served exactly as stored
}

TEST_F(QueryFixture, LikeBetweenNvlAndBooleanLogic) {
  EXPECT_EQ(column("SELECT t.id FROM transaction t WHERE t.tranid LIKE 'INV10000_' AND t.id < 3", "id"),
            (Strings{"1", "2"}));
  EXPECT_EQ(column("SELECT t.id FROM transaction t WHERE t.tranid NOT LIKE 'INV%'", "id"), (Strings{"3", "9"}));
  EXPECT_EQ(column("SELECT c.id FROM customer c WHERE c.companyname LIKE 'Soci_t_ G%'", "id"), (Strings{"1"}));
  EXPECT_EQ(column("SELECT t.id FROM transaction t WHERE t.id BETWEEN 3 AND 10", "id"), (Strings{"3", "9", "10"}));
  EXPECT_EQ(column("SELECT t.id FROM transaction t WHERE t.id NOT BETWEEN 2 AND 11", "id"), (Strings{"1", "12"}));
  EXPECT_EQ(column("SELECT NVL(t.otherrefnum, 'none') AS po FROM transaction t WHERE t.id <= 3", "po"),
            (Strings{"PO-2026-004471", "none", "po 2026 004471"}));
  EXPECT_EQ(column("SELECT t.id FROM transaction t WHERE (t.type = 'CustPymt' OR t.id = 1) AND NOT t.id = 9 "
                   "AND 1 = 1", "id"),
            (Strings{"1"}));
  EXPECT_EQ(column("SELECT t.id FROM transaction t WHERE NOT (t.voided = 'F' OR t.id < 5)", "id"),
            (Strings{"10"}));
}

TEST_F(QueryFixture, KeysAreLowerCasedAliasesOrColumnNames) {
  const auto r = rows("select T.ID as O2C_Id, t.TranId, UPPER(t.type), \"MixedCase\".symbol "
                      "from TRANSACTION t join Currency \"MixedCase\" on \"MixedCase\".id = t.currency "
                      "where t.id = 1");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0], (Item{{"o2c_id", "1"}, {"tranid", "INV100001"}, {"expr1", "CUSTINVC"}, {"symbol", "EUR"}}));
}

TEST_F(QueryFixture, OrderByDescendingAliasAndPosition) {
  EXPECT_EQ(column("SELECT t.id AS o2c_id FROM transaction t ORDER BY t.id DESC", "o2c_id"),
            (Strings{"12", "11", "10", "9", "3", "2", "1"}));
  EXPECT_EQ(column("SELECT t.id AS o2c_id, t.type FROM transaction t ORDER BY type DESC, o2c_id", "o2c_id"),
            (Strings{"9", "1", "2", "10", "11", "12", "3"}));
  EXPECT_EQ(column("SELECT t.tranid, t.foreigntotal FROM transaction t WHERE t.id < 12 ORDER BY 2", "tranid"),
            (Strings{"CM100001", "INV100004", "INV100003", "PYMT100001", "INV100002", "INV100001"}));
  // Nulls sort last ascending, first descending (Oracle).
  EXPECT_EQ(column("SELECT t.id, t.otherrefnum FROM transaction t WHERE t.id < 10 ORDER BY t.otherrefnum", "id"),
            (Strings{"1", "3", "2", "9"}));
  EXPECT_EQ(column("SELECT t.id, t.otherrefnum FROM transaction t WHERE t.id < 10 ORDER BY t.otherrefnum DESC",
                   "id"),
            (Strings{"2", "9", "3", "1"}));
}

TEST_F(QueryFixture, StringsAreEscapedButInvalidUtf8PassesRaw) {
  const SimReply bad = client.query("SELECT t.memo FROM transaction t WHERE t.id = 10");
  ASSERT_EQ(bad.status, 200);
  EXPECT_NE(bad.body.find("\"memo\":\"bad\xff\xfe bytes\""), std::string::npos) << bad.body;
  const SimReply names = client.query("SELECT c.companyname FROM customer c WHERE c.id IN (1, 3, 10)");
  ASSERT_EQ(names.status, 200);
  EXPECT_NE(names.body.find(R"("Acme \"Quotes\" \\ Inc")"), std::string::npos) << names.body;
  EXPECT_NE(names.body.find(R"("Tab\tCo\n")"), std::string::npos) << names.body;
  EXPECT_NE(names.body.find("\"Société Générale Équipements\""), std::string::npos) << names.body;
  EXPECT_EQ(column("SELECT c.companyname FROM customer c WHERE c.id = 3", "companyname"),
            (Strings{"Acme \"Quotes\" \\ Inc"}));
}

TEST_F(QueryFixture, ItemsCarryEmptyLinksAndEnvelopeCountsThem) {
  const SimReply reply = client.query("SELECT cur.symbol FROM currency cur", 2, 0);
  const auto doc = parse_ok(reply);
  EXPECT_EQ(doc.at("count").as_int64(), 2);
  EXPECT_EQ(doc.at("totalResults").as_int64(), 3);
  EXPECT_TRUE(doc.at("hasMore").as_bool());
  EXPECT_TRUE(doc.at("items").at(0).at("links").as_array().empty());
  EXPECT_NE(reply.body.find(R"({"links":[],"symbol":"USD"})"), std::string::npos) << reply.body;
}

}  // namespace
}  // namespace o2c::sim::netsuite::test
