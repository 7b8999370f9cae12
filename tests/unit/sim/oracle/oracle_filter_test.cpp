// tests/unit/sim/oracle/oracle_filter_test.cpp — the q parsers on their own
// (tree shape, precedence, literals, positions of errors) and the value
// helpers they rely on: exact decimal comparison, cells of mixed kinds,
// LIKE patterns, the timestamp text Oracle writes.
#include <gtest/gtest.h>

#include "sim/oracle/oracle_filter.h"
#include "sim/oracle/oracle_value.h"

namespace o2c::sim::oracle {
namespace {

using Kind = FilterNode::Kind;

std::size_t error_position(std::string_view q, bool rowmatch = true) {
  try {
    if (rowmatch) parse_rowmatch(q);
    else parse_query_by_example(q);
  } catch (const FilterError& e) {
    return e.position();
  }
  ADD_FAILURE() << "no FilterError for " << q;
  return 0;
}

TEST(OracleRowmatch, AndBindsTighterThanOrAndNotAppliesToItsOperand) {
  const auto tree = parse_rowmatch("A = 1 or B = 2 and not C = 3");
  ASSERT_EQ(tree->kind, Kind::or_);
  EXPECT_EQ(tree->args[0]->attribute, "A");
  ASSERT_EQ(tree->args[1]->kind, Kind::and_);
  EXPECT_EQ(tree->args[1]->args[1]->kind, Kind::not_);
  EXPECT_EQ(tree->args[1]->args[1]->args[0]->attribute, "C");
}

TEST(OracleRowmatch, PredicatesAndLiterals) {
  const auto between = parse_rowmatch("Amount NOT BETWEEN -1.5 AND 2");
  EXPECT_EQ(between->op, FilterOp::between);
  EXPECT_TRUE(between->negated);
  EXPECT_EQ(between->values[0].text, "-1.5");
  EXPECT_EQ(between->values[0].kind, FilterLiteral::Kind::number);
  const auto in = parse_rowmatch("Code in ('a''b', 'c')");
  EXPECT_EQ(in->op, FilterOp::in);
  ASSERT_EQ(in->values.size(), 2u);
  EXPECT_EQ(in->values[0].text, "a'b");
  const auto null = parse_rowmatch("PO is not null");
  EXPECT_EQ(null->op, FilterOp::is_null);
  EXPECT_TRUE(null->negated);
  const auto flag = parse_rowmatch("Flag = TRUE");
  EXPECT_EQ(flag->values[0].kind, FilterLiteral::Kind::boolean);
  EXPECT_TRUE(flag->values[0].flag);
  EXPECT_EQ(parse_rowmatch("X <> 'y'")->op, FilterOp::ne);
  EXPECT_EQ(parse_rowmatch("((X >= 'y'))")->op, FilterOp::ge);
}

TEST(OracleRowmatch, ErrorsSayWhere) {
  EXPECT_EQ(error_position("A = 'open"), 4u);
  EXPECT_EQ(error_position("A = 1 B"), 6u);
  EXPECT_EQ(error_position("A = 1 and"), 9u);
  EXPECT_EQ(error_position("(A = 1"), 6u);
  EXPECT_EQ(error_position("A # 1"), 2u);
  EXPECT_EQ(error_position("A = word"), 4u);
  EXPECT_EQ(error_position("and = 1"), 0u);
  EXPECT_EQ(error_position("A = 1."), 4u);
  EXPECT_EQ(error_position("   "), 0u);
  EXPECT_EQ(describe_position("A = 1 B", 6), "at character 7 (near 'B')");
}

TEST(OracleQueryByExample, ConditionsSplitOnSemicolonsOutsideQuotes) {
  const auto tree = parse_query_by_example("Currency=EUR; Amount >= 10;Name LIKE 'A;B*'");
  ASSERT_EQ(tree->kind, Kind::and_);
  const auto& name = *tree->args[1];
  EXPECT_EQ(name.op, FilterOp::like);
  EXPECT_EQ(name.values[0].text, "A;B*");
  const auto& amount = *tree->args[0]->args[1];
  EXPECT_EQ(amount.attribute, "Amount");
  EXPECT_EQ(amount.op, FilterOp::ge);
  EXPECT_EQ(amount.values[0].text, "10");
  EXPECT_EQ(amount.values[0].position, 24u);
  EXPECT_EQ(error_position("Currency EUR", false), 9u);
  EXPECT_EQ(error_position("=EUR", false), 0u);
  EXPECT_EQ(error_position("Name='open", false), 0u);
}

TEST(OracleValues, DecimalsCompareExactlyAsText) {
  EXPECT_EQ(compare_decimal("1200.50", "1200.5"), 0);
  EXPECT_EQ(compare_decimal("-0.00", "0"), 0);
  EXPECT_EQ(compare_decimal("0.1", "0.10000000000000001"), -1) << "a double would call them equal";
  EXPECT_EQ(compare_decimal("99999999999999999.99", "100000000000000000"), -1);
  EXPECT_EQ(compare_decimal("-2", "-10"), 1);
  EXPECT_EQ(compare_decimal("007", "7.0"), 0);
  EXPECT_FALSE(compare_decimal("abc", "1"));
  EXPECT_FALSE(compare_decimal("1.", "1"));
  EXPECT_FALSE(compare_decimal("", "1"));
}

TEST(OracleValues, CellsOfMixedKinds) {
  EXPECT_EQ(compare_cells(std::string("100010"), Decimal{"99999"}), 1) << "a numeric id held as text";
  EXPECT_FALSE(compare_cells(std::string("abc"), Decimal{"1"}));
  EXPECT_FALSE(compare_cells(SimValue{}, Decimal{"1"}));
  using namespace std::chrono;
  const SimDate d = sys_days(year{2026} / 5 / 1);
  EXPECT_EQ(compare_cells(d, SimTime(d) + milliseconds(1)), -1);
  EXPECT_EQ(compare_cells(d, SimTime(d)), 0);
  EXPECT_EQ(sort_order(SimValue{}, std::string("a")), 1) << "nulls last";
}

TEST(OracleValues, LikePatterns) {
  EXPECT_TRUE(like_match("INV100001", "INV%"));
  EXPECT_TRUE(like_match("INV100001", "*0001"));
  EXPECT_TRUE(like_match("INV100001", "INV1000_1"));
  EXPECT_TRUE(like_match("abcabc", "%b%c"));
  EXPECT_TRUE(like_match("", "%"));
  EXPECT_FALSE(like_match("INV100001", "inv%")) << "case-sensitive";
  EXPECT_FALSE(like_match("INV1", "INV1_"));
  EXPECT_FALSE(like_match("CM1", "INV%"));
}

TEST(OracleValues, TimestampsAreWrittenWithMillisecondsAndOffset) {
  using namespace std::chrono;
  const SimTime t = SimTime(sys_days(year{2026} / 11 / 24)) + hours(10) + milliseconds(5);
  EXPECT_EQ(format_datetime(t), "2026-11-24T10:00:00.005+00:00");
  EXPECT_EQ(cell_text(Decimal{"-3.10"}), "-3.10");
  EXPECT_EQ(cell_text(SimDate(sys_days(year{2026} / 1 / 2))), "2026-01-02");
}

}  // namespace
}  // namespace o2c::sim::oracle
