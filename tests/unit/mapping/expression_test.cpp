// tests/unit/mapping/expression_test.cpp — the expression subset: parsing,
// type checks with positions, and evaluation semantics.
#include "mapping/expression.h"

#include <gtest/gtest.h>

namespace o2c::mapping {
namespace {

struct Compiled {
  Problems problems;
  std::vector<std::string> paths;
  Expr expr;
};

std::unique_ptr<Compiled> compile(std::string_view text) {
  auto c = std::make_unique<Compiled>();
  CompileContext ctx{1, 1, &c->problems, [p = c.get()](const std::string& path, int) {
                       p->paths.push_back(path);
                       return static_cast<int>(p->paths.size()) - 1;
                     }};
  c->expr = compile_expression(text, ctx);
  return c;
}

Value str(std::string s) { return Value::string(std::move(s)); }

Value eval(std::string_view text, std::vector<Value> slots = {}) {
  auto c = compile(text);
  EXPECT_TRUE(c->problems.empty()) << c->problems.items().front().message;
  return evaluate(c->expr, slots);
}

TEST(Expression, TextFunctionsAndComparisons) {
  EXPECT_EQ(eval("trim(x)", {str("  a b ")}).text, "a b");
  EXPECT_EQ(eval("upper(concat(x, '-', 12))", {str("ab")}).text, "AB-12");
  EXPECT_EQ(eval("lower(x)", {str("AbC")}).text, "abc");
  EXPECT_TRUE(eval("trim(x)", {Value{}}).is_null());
  EXPECT_TRUE(eval("x == 'T'", {str("T")}).flag);
  EXPECT_FALSE(eval("x == 'T'", {Value{}}).flag);
  EXPECT_TRUE(eval("x != 'T'", {Value{}}).flag);
  EXPECT_TRUE(eval("x == null", {Value{}}).flag);
  EXPECT_EQ(eval("coalesce(a, b, 'z')", {Value{}, str("")}).text, "z");
}

TEST(Expression, MoneyDatesBoolsCaseAndNegate) {
  Value n;
  n.kind = Value::Kind::number;
  n.text = "1.2E3";
  EXPECT_EQ(eval("money(a, 'EUR')", {n}).money, Money(120000, Currency::parse("EUR")));
  EXPECT_EQ(eval("negate(money(a, c))", {str("12.5"), str("BHD")}).money.minor(), -12500);
  EXPECT_THROW(eval("money(a, c)", {str("1"), str("EUX")}), EvalError);
  EXPECT_EQ(eval("date(x, \"M/D/YYYY\")", {str("5/2/2024")}).date, parse_date("2024-05-02"));
  EXPECT_EQ(eval("date(x, 'DD.MM.YYYY')", {str("02.05.2024")}).date, parse_date("2024-05-02"));
  EXPECT_THROW(eval("date(x, 'DD.MM.YYYY')", {str("2.5.2024")}), EvalError);
  EXPECT_THROW(eval("date(x)", {str("2024-02-30")}), EvalError);
  EXPECT_EQ(eval("date(datetime(x))", {str("2026-05-01T23:30:00.000+0000")}).date, parse_date("2026-05-01"));
  EXPECT_TRUE(eval("bool(x)", {str("T")}).flag);
  EXPECT_FALSE(eval("bool(x)", {str("false")}).flag);
  EXPECT_THROW(eval("bool(x)", {str("maybe")}), EvalError);
  EXPECT_EQ(eval("case(x, {a: one, 'b c': two}, default: three)", {str("b c")}).text, "two");
  EXPECT_EQ(eval("case(x, {a: one}, default: three)", {str("q")}).text, "three");
  EXPECT_THROW(eval("case(x, {a: one})", {str("q")}), EvalError);
}

TEST(Expression, CheckerReportsPositionsArityAndTypes) {
  auto c = compile("concat(money(a, 'EUR'), uper(b), date(c, 'QQ'), negate(d), bool(1))");
  std::vector<std::string> messages;
  for (const auto& p : c->problems.items()) messages.push_back(std::to_string(p.column) + " " + p.message);
  ASSERT_EQ(messages.size(), 5u);
  EXPECT_EQ(messages[0], "25 unknown function 'uper'; did you mean 'upper'?");
  EXPECT_EQ(messages[1], "42 invalid date format 'QQ' (use YYYY, MM, M, DD, D and separators)");
  EXPECT_EQ(messages[2], "56 type mismatch: negate() takes a money value, e.g. negate(money(amount, currency))");
  EXPECT_EQ(messages[3], "65 type mismatch: bool() does not take a number value");
  EXPECT_EQ(messages[4], "8 type mismatch: concat() does not take a money value");  // failed args don't cascade
}

TEST(Expression, FieldPathsRegisterSlots) {
  auto c = compile("coalesce(Account.Name, Name)");
  EXPECT_TRUE(c->problems.empty());
  EXPECT_EQ(c->paths, (std::vector<std::string>{"Account.Name", "Name"}));
  EXPECT_EQ(c->expr.type, ExprType::any);
}

}  // namespace
}  // namespace o2c::mapping
