// Parse and bind errors: what is wrong and exactly where.
#include "sim/netsuite/suiteql_error.h"
#include "sim/netsuite/suiteql_exec.h"
#include "sim/netsuite/suiteql_parser.h"

#include <gtest/gtest.h>

#include "netsuite_test_data.h"

namespace o2c::sim::netsuite::test {
namespace {

struct Failure {
  std::string message;
  std::size_t position = 0;
};

Failure failure_of(const std::string& q) {
  const auto catalog = make_business_catalog();
  try {
    PreparedQuery prepared(q, *catalog, AccountZone());
  } catch (const QueryError& e) {
    return {e.what(), e.position()};
  }
  ADD_FAILURE() << "query was accepted: " << q;
  return {};
}

// The position must point at `marker` (its first occurrence in the query, or its last).
void expect_error(const std::string& q, const std::string& marker, const std::string& words, bool last = false) {
  const Failure f = failure_of(q);
  EXPECT_EQ(f.position, last ? q.rfind(marker) : q.find(marker)) << q << "\n  -> " << f.message;
  EXPECT_NE(f.message.find(words), std::string::npos) << f.message;
}

TEST(SuiteQlParser, ParsesTheConnectorsQueryShape) {
  const auto q = parse_suiteql(
      "SELECT t.id AS o2c_id, TO_CHAR(t.lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS o2c_modified, t.tranid tranid "
      "FROM transaction t JOIN customer c ON c.id = t.entity LEFT OUTER JOIN currency cur ON cur.id = t.currency "
      "WHERE (t.type IN ('CustInvc', 'CustCred')) AND t.lastmodifieddate >= TO_DATE('2026-11-24 10:00:00', "
      "'YYYY-MM-DD HH24:MI:SS') AND t.id > 12345 AND 1 = 1 ORDER BY t.id ASC;");
  ASSERT_EQ(q.select.size(), 3u);
  EXPECT_EQ(q.select[2].alias, "tranid");
  EXPECT_EQ(q.from.name, "transaction");
  ASSERT_EQ(q.joins.size(), 2u);
  EXPECT_EQ(q.joins[1].kind, JoinKind::left);
  EXPECT_EQ(q.joins[1].table.alias, "cur");
  ASSERT_TRUE(q.where);
  EXPECT_EQ(q.where->kind, ExprKind::and_);
  ASSERT_EQ(q.order_by.size(), 1u);
  EXPECT_FALSE(q.order_by[0].descending);
}

TEST(SuiteQlParser, StringEscapesCommentsAndCase) {
  const auto q = parse_suiteql("select /* c */ T.memo -- note\n from Transaction T where T.memo = 'it''s'");
  ASSERT_TRUE(q.where);
  EXPECT_EQ(q.where->args[1]->name, "it's");
  EXPECT_EQ(q.select[0].expr->qualifier, "T");
}

TEST(SuiteQlParser, SyntaxErrorsPointAtTheOffendingToken) {
  expect_error("SELECT t.id transaction t", "t", "expected FROM", true);
  expect_error("SELECT t.id FROM transaction t WHERE t.id = ", "", "expected an expression", true);
  expect_error("SELECT t.id FROM transaction t WHERE t.memo = 'open", "'open", "unterminated string");
  expect_error("SELECT t.id FROM transaction t WHERE t.id = 1 t.id", "t.id", "after the end", true);
  expect_error("SELECT t.id FROM transaction t WHERE t.id ? 3", "?", "unexpected character");
  expect_error("SELECT t.id FROM transaction t WHERE t.id IN (1, 2", "", "expected ')'", true);
  expect_error("SELECT t.id FROM transaction t JOIN customer c WHERE t.id = 1", "WHERE", "expected ON");
  expect_error("SELECT FROM transaction t", "FROM", "expected an expression");
}

TEST(SuiteQlParser, UnsupportedConstructsAreNamed) {
  expect_error("SELECT * FROM transaction t", "*", "SELECT *");
  expect_error("SELECT t.id FROM transaction t GROUP BY t.id", "GROUP", "GROUP");
  expect_error("SELECT t.id FROM transaction t RIGHT JOIN customer c ON c.id = t.entity", "RIGHT", "RIGHT JOIN");
  expect_error("SELECT t.id + 1 FROM transaction t", "+", "operator '+'");
  expect_error("SELECT t.id FROM transaction t WHERE t.id IN (SELECT c.id FROM customer c)", "SELECT c", "subquery");
}

TEST(SuiteQlParser, UnknownNamesAreReportedWithSuggestions) {
  expect_error("SELECT t.id FROM transactions t", "transactions", "unknown table 'transactions'");
  expect_error("SELECT t.tranidd FROM transaction t", "t.tranidd", "did you mean 'tranid'");
  expect_error("SELECT x.id FROM transaction t", "x.id", "unknown table alias 'x'");
  expect_error("SELECT t.id FROM transaction t WHERE nosuch = 1", "nosuch", "unknown column 'nosuch'");
  expect_error("SELECT id FROM transaction t JOIN customer c ON c.id = t.entity", "id", "ambiguous");
  expect_error("SELECT t.id FROM transaction t JOIN customer c ON c.id = cur.id JOIN currency cur ON cur.id = 1",
               "cur.id", "joined later");
  expect_error("SELECT t.id FROM transaction t WHERE FOO(t.id) = 1", "FOO", "unknown function 'FOO'");
  expect_error("SELECT t.id FROM transaction t JOIN customer t ON t.id = t.entity", "customer", "used twice");
}

TEST(SuiteQlParser, TypeErrorsAreCaughtBeforeExecution) {
  expect_error("SELECT t.id FROM transaction t WHERE t.lastmodifieddate >= '2026-01-01'", "'2026", "TO_DATE");
  expect_error("SELECT t.id FROM transaction t WHERE t.foreigntotal = 'abc'", "'abc'", "invalid number");
  expect_error("SELECT t.id FROM transaction t WHERE t.id", "t.id", "expected a condition", true);
  expect_error("SELECT t.id = 1 FROM transaction t", "t.id", "found a condition");
  expect_error("SELECT TO_CHAR(t.foreigntotal, '999') FROM transaction t", "t.foreigntotal", "number formats");
  expect_error("SELECT TO_DATE(t.memo) FROM transaction t", "TO_DATE", "takes 2 arguments");
  expect_error("SELECT t.id FROM transaction t JOIN customer c ON t.id = 5", "t.id = 5", "must equate");
  expect_error("SELECT t.id, t.id FROM transaction t", "t.id FROM", "twice");
  expect_error("SELECT t.id FROM transaction t ORDER BY 3", "3", "ORDER BY position 3");
}

TEST(SuiteQlParser, DateFormatAndLiteralErrorsPointIntoTheString) {
  const std::string q1 = "SELECT TO_CHAR(t.trandate, 'YYYY-Q-DD') FROM transaction t";
  EXPECT_EQ(failure_of(q1).position, q1.find("Q-DD"));
  const std::string q2 =
      "SELECT t.id FROM transaction t WHERE t.trandate >= TO_DATE('2026-13-01', 'YYYY-MM-DD')";
  const Failure f2 = failure_of(q2);
  EXPECT_NE(f2.message.find("not a valid calendar date"), std::string::npos) << f2.message;
  const std::string q3 =
      "SELECT t.id FROM transaction t WHERE t.trandate >= TO_DATE('2026-11-24 10:00', 'YYYY-MM-DD')";
  const Failure f3 = failure_of(q3);
  EXPECT_EQ(f3.position, q3.find(" 10:00"));
  EXPECT_NE(f3.message.find("ends before the whole input"), std::string::npos) << f3.message;
}

TEST(SuiteQlParser, ApiReportsErrorsAsInvalidParameterWithLineAndColumn) {
  NetSuiteApi api(NetSuiteOptions{}, make_business_catalog(), std::make_shared<FixedClock>(kNow));
  Client client(api);
  const SimReply r = client.query("SELECT t.id\nFROM transaction t\nWHERE t.nosuch = 1");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code_of(r), "INVALID_PARAMETER");
  const std::string detail = detail_of(r);
  EXPECT_NE(detail.find("Invalid search query"), std::string::npos) << detail;
  EXPECT_NE(detail.find("unknown column 'nosuch'"), std::string::npos) << detail;
  EXPECT_NE(detail.find("line 3, column 7"), std::string::npos) << detail;
}

}  // namespace
}  // namespace o2c::sim::netsuite::test
