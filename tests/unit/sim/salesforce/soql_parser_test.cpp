#include "sim/salesforce/soql_parser.h"

#include <gtest/gtest.h>

#include "core/time.h"
#include "sim/salesforce/salesforce_error.h"
#include "sim/salesforce/soql_lexer.h"

namespace o2c::sim::salesforce::soql {
namespace {

struct Failure {
  std::string code;
  std::string message;
};

Failure parse_failure(std::string_view soql) {
  try {
    parse_query(soql);
  } catch (const ApiError& e) {
    EXPECT_EQ(e.status(), 400);
    return {e.error_code(), e.what()};
  }
  ADD_FAILURE() << "parsed without error: " << soql;
  return {};
}

TEST(SoqlParser, ParsesTheConnectorsQueryShape) {
  const Query q = parse_query(
      "SELECT Id, SystemModstamp, Account.Name FROM Order WHERE SystemModstamp >= 2026-11-24T10:00:00Z "
      "AND Id > '801000000000123AAA' AND (StatusCode = 'Activated' OR NOT Type IN ('Renewal', 'Upsell')) "
      "ORDER BY Id ASC");
  ASSERT_EQ(q.select.size(), 3u);
  EXPECT_EQ(q.select[2].parts, (std::vector<std::string>{"Account", "Name"}));
  EXPECT_EQ(q.object, "Order");
  ASSERT_TRUE(q.where);
  EXPECT_EQ(q.where->kind, Condition::Kind::all_of);
  ASSERT_EQ(q.where->children.size(), 3u);
  EXPECT_EQ(q.where->children[0].values[0].kind, LiteralKind::datetime);
  EXPECT_EQ(q.where->children[2].kind, Condition::Kind::any_of);
  EXPECT_EQ(q.where->children[2].children[1].kind, Condition::Kind::negation);
  ASSERT_EQ(q.order_by.size(), 1u);
  EXPECT_FALSE(q.order_by[0].descending);
  EXPECT_TRUE(q.order_by[0].nulls_first);
}

TEST(SoqlParser, KeywordsAreCaseInsensitiveAndOrderIsAnObjectName) {
  const Query q = parse_query(
      "select id from order where name like 'a%' order by systemmodstamp desc nulls first, id "
      "limit 10 offset 5");
  EXPECT_EQ(q.object, "order");
  EXPECT_EQ(q.where->op, CompareOp::like);
  ASSERT_EQ(q.order_by.size(), 2u);
  EXPECT_TRUE(q.order_by[0].descending);
  EXPECT_TRUE(q.order_by[0].nulls_first);
  EXPECT_EQ(q.limit, 10u);
  EXPECT_EQ(q.offset, 5u);
}

TEST(SoqlParser, CountAndLiteralsOfEveryKind) {
  const Query q = parse_query(
      "SELECT COUNT() FROM Order WHERE TotalAmount >= -12.50 AND IsDeleted = false AND PoNumber != null "
      "AND EffectiveDate < 2026-05-01 AND Name NOT IN ('a\\'b', 'c\\\\d', 'e\\u00e9') AND Status <> 'x'");
  EXPECT_TRUE(q.count_only);
  const auto& c = q.where->children;
  EXPECT_EQ(c[0].values[0].kind, LiteralKind::number);
  EXPECT_EQ(c[0].values[0].text, "-12.50");
  EXPECT_EQ(c[1].values[0].kind, LiteralKind::boolean);
  EXPECT_EQ(c[2].values[0].kind, LiteralKind::null);
  EXPECT_EQ(c[2].op, CompareOp::ne);
  EXPECT_EQ(c[3].values[0].kind, LiteralKind::date);
  EXPECT_EQ(c[4].op, CompareOp::not_in);
  EXPECT_EQ(c[4].values[0].text, "a'b");
  EXPECT_EQ(c[4].values[1].text, "c\\d");
  EXPECT_EQ(c[4].values[2].text, "e\xc3\xa9");
  EXPECT_EQ(c[5].op, CompareOp::ne);
}

TEST(SoqlParser, LikePatternKeepsEscapedWildcards) {
  const Query q = parse_query("SELECT Id FROM Order WHERE Name LIKE '50\\%\\_off%'");
  EXPECT_EQ(q.where->values[0].text, "50%_off%");
  EXPECT_EQ(q.where->values[0].like_pattern, "50\\%\\_off%");
}

TEST(SoqlParser, DatetimeLiteralsAreInstantsWithTheirOffsetApplied) {
  const Query q = parse_query("SELECT Id FROM Order WHERE SystemModstamp = 2026-11-24T12:30:00.5+02:30");
  const Literal& lit = q.where->values[0];
  ASSERT_EQ(lit.kind, LiteralKind::datetime);
  EXPECT_EQ(lit.time, parse_timestamp("2026-11-24T10:00:00.500Z"));
  const Query z = parse_query("SELECT Id FROM Order WHERE SystemModstamp = 2026-11-24T10:00:00.500Z");
  EXPECT_EQ(z.where->values[0].time, lit.time);
}

struct BadQuery {
  const char* soql;
  const char* expected_message;
};

class SoqlParserErrors : public ::testing::TestWithParam<BadQuery> {};

TEST_P(SoqlParserErrors, AreMalformedQueryWithThePosition) {
  const Failure f = parse_failure(GetParam().soql);
  EXPECT_EQ(f.code, "MALFORMED_QUERY");
  EXPECT_EQ(f.message, GetParam().expected_message);
}

INSTANTIATE_TEST_SUITE_P(
    EveryCase, SoqlParserErrors,
    ::testing::Values(BadQuery{"SELECT FROM Order", "unexpected token 'FROM' at position 8"},
                      BadQuery{"SELECT Id, FROM Order", "unexpected token 'FROM' at position 12"},
                      BadQuery{"SELECT Id Order", "unexpected token 'Order' at position 11"},
                      BadQuery{"SELECT * FROM Order", "unexpected token '*' at position 8"},
                      BadQuery{"SELECT Id FROM", "unexpected token '<EOF>' at position 15"},
                      BadQuery{"SELECT Id FROM Order WHERE", "unexpected token '<EOF>' at position 27"},
                      BadQuery{"SELECT Id FROM Order extra", "unexpected token 'extra' at position 22"},
                      BadQuery{"SELECT Id FROM Order;", "unexpected token ';' at position 21"},
                      BadQuery{"SELECT COUNT( FROM Order", "unexpected token 'FROM' at position 15"},
                      BadQuery{"SELECT Id FROM Order WHERE Name == 'a'", "unexpected token '=' at position 34"},
                      BadQuery{"SELECT Id FROM Order WHERE Name = 'a' AND Type = 'b' OR Id = 'c'",
                               "unexpected token 'OR' at position 54"},
                      BadQuery{"SELECT Id FROM Order WHERE Name = 'a' OR Type = 'b' AND Id = 'c'",
                               "unexpected token 'AND' at position 53"},
                      BadQuery{"SELECT Id FROM Order WHERE (Name = 'a'", "unexpected token '<EOF>' at position 39"},
                      BadQuery{"SELECT Id FROM Order WHERE Name = 'abc", "unterminated string literal at position 35"},
                      BadQuery{"SELECT Id FROM Order WHERE Name = 'a\\qb'",
                               "invalid escape sequence '\\q' in string literal at position 37"},
                      BadQuery{"SELECT Id FROM Order WHERE Id IN ()", "unexpected token ')' at position 35"},
                      BadQuery{"SELECT Id FROM Order WHERE Id IN ('a',)", "unexpected token ')' at position 39"},
                      BadQuery{"SELECT Id FROM Order WHERE Id NOT = 'a'", "unexpected token 'NOT' at position 31"},
                      BadQuery{"SELECT Id FROM Order WHERE Name LIKE", "unexpected token '<EOF>' at position 37"},
                      BadQuery{"SELECT Id FROM Order WHERE Amount > 12abc", "unexpected token '12abc' at position 37"},
                      BadQuery{"SELECT Id FROM Order ORDER Id", "unexpected token 'Id' at position 28"},
                      BadQuery{"SELECT Id FROM Order ORDER BY Id NULLS", "unexpected token '<EOF>' at position 39"},
                      BadQuery{"SELECT Id FROM Order LIMIT x", "unexpected token 'x' at position 28"},
                      BadQuery{"SELECT Id FROM Order LIMIT 1.5", "unexpected token '1.5' at position 28"},
                      BadQuery{"SELECT Id FROM Order LIMIT -1", "unexpected token '-1' at position 28"},
                      BadQuery{"SELECT Id FROM Order WHERE Name = \"a\"", "unexpected token '\"' at position 35"},
                      BadQuery{"SELECT Id FROM Order WHERE EffectiveDate = 2026-02-30",
                               "invalid date literal '2026-02-30': expected YYYY-MM-DD at position 44"}));

class SoqlDatetimeStrictness : public ::testing::TestWithParam<const char*> {};

TEST_P(SoqlDatetimeStrictness, RejectsAnythingButTheIsoForm) {
  const std::string literal = GetParam();
  const Failure f = parse_failure("SELECT Id FROM Order WHERE SystemModstamp >= " + literal);
  EXPECT_EQ(f.code, "MALFORMED_QUERY");
  EXPECT_NE(f.message.find("at position 46"), std::string::npos) << f.message;
}

INSTANTIATE_TEST_SUITE_P(BadLiterals, SoqlDatetimeStrictness,
                         ::testing::Values("2026-11-24T10:00:00 01:00",    // '+' decoded to a space
                                           "2026-11-24T10:00:00",          // no zone
                                           "2026-11-24T10:00:00+0100",     // offset without colon
                                           "2026-11-24T10:00Z",            // no seconds
                                           "2026-11-24T24:00:00Z",         // hour out of range
                                           "2026-13-01T00:00:00Z",         // month out of range
                                           "2026-11-24T10:00:00.Z",        // empty fraction
                                           "2026-11-24T10:00:00.1234Z"));  // four fraction digits

TEST(SoqlDatetimeStrictness, SpaceInsteadOfTIsRejected) {
  const Failure f = parse_failure("SELECT Id FROM Order WHERE SystemModstamp >= 2026-11-24 10:00:00Z");
  EXPECT_EQ(f.code, "MALFORMED_QUERY");
  EXPECT_EQ(f.message, "unexpected token '10:00:00Z' at position 57");
}

TEST(SoqlDatetimeStrictness, TheSpaceCaseNamesTheLiteral) {
  const Failure f = parse_failure("SELECT Id FROM Order WHERE SystemModstamp >= 2026-11-24T10:00:00 01:00");
  EXPECT_EQ(f.message,
            "invalid datetime literal '2026-11-24T10:00:00': expected YYYY-MM-DDThh:mm:ss[.sss] followed by Z, "
            "+hh:mm or -hh:mm at position 46");
}

TEST(SoqlParser, OffsetAbove2000IsNumberOutsideValidRange) {
  EXPECT_NO_THROW(parse_query("SELECT Id FROM Order ORDER BY Id LIMIT 10 OFFSET 2000"));
  const Failure f = parse_failure("SELECT Id FROM Order ORDER BY Id LIMIT 10 OFFSET 2001");
  EXPECT_EQ(f.code, "NUMBER_OUTSIDE_VALID_RANGE");
  EXPECT_NE(f.message.find("Maximum SOQL offset allowed is 2000"), std::string::npos);
}

TEST(SoqlLexer, PositionsAreOneBasedCharacterOffsets) {
  const auto tokens = tokenize("SELECT Id FROM\tOrder");
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[0].position, 1u);
  EXPECT_EQ(tokens[1].position, 8u);
  EXPECT_EQ(tokens[3].position, 16u);
  EXPECT_EQ(tokens[4].kind, TokenKind::end);
  EXPECT_EQ(tokens[4].position, 21u);
}

}  // namespace
}  // namespace o2c::sim::salesforce::soql
