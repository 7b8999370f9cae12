// The $filter / $orderby parser: precedence, literals of each protocol
// version, and errors that name the problem and its offset.
#include <gtest/gtest.h>

#include "core/time.h"
#include "sim/sap/odata_filter.h"

namespace o2c::sim::sap {
namespace {

using K = FilterNode::Kind;

std::string message_of(std::string_view text, ODataVersion version) {
  try {
    parse_filter(text, version);
  } catch (const ODataError& e) {
    EXPECT_EQ(e.status(), 400);
    EXPECT_EQ(e.target(), "$filter");
    return e.what();
  }
  ADD_FAILURE() << "no error for " << text;
  return {};
}

TEST(ODataFilter, AndBindsTighterThanOrAndParenthesesGroup) {
  const FilterNode f = parse_filter("A eq 'x' or B eq 'y' and C eq 'z'", ODataVersion::v2);
  ASSERT_EQ(f.kind, K::any_of);
  ASSERT_EQ(f.children.size(), 2u);
  EXPECT_EQ(f.children[0].property, "A");
  EXPECT_EQ(f.children[1].kind, K::all_of);
  const FilterNode g = parse_filter("(A eq 'x' or B eq 'y') and not (C eq 'z')", ODataVersion::v2);
  ASSERT_EQ(g.kind, K::all_of);
  EXPECT_EQ(g.children[0].kind, K::any_of);
  EXPECT_EQ(g.children[1].kind, K::negation);
  EXPECT_EQ(g.children[1].children[0].property, "C");
}

TEST(ODataFilter, StringLiteralsUnescapeDoubledQuotesAndKeepAmpersands) {
  const FilterNode f = parse_filter("CustomerName eq 'O''Brien & Söhne'", ODataVersion::v2);
  EXPECT_EQ(f.literal.kind, Literal::Kind::string);
  EXPECT_EQ(f.literal.text, "O'Brien & Söhne");
  EXPECT_EQ(f.literal.raw, "'O''Brien & Söhne'");
}

TEST(ODataFilter, LiteralOnTheLeftIsMirrored) {
  const FilterNode f = parse_filter("'100457' lt BillingDocument", ODataVersion::v2);
  EXPECT_EQ(f.property, "BillingDocument");
  EXPECT_EQ(f.op, CompareOp::gt);
}

TEST(ODataFilter, V2DateTimeLiterals) {
  const FilterNode a = parse_filter("LastChangeDateTime ge datetimeoffset'2026-11-24T10:00:00+01:00'", ODataVersion::v2);
  EXPECT_EQ(a.literal.kind, Literal::Kind::datetimeoffset);
  EXPECT_EQ(a.literal.time, SimTime{parse_timestamp("2026-11-24T09:00:00Z").time_since_epoch()});
  const FilterNode b = parse_filter("BillingDocumentDate eq datetime'2026-11-24T00:00'", ODataVersion::v2);
  EXPECT_EQ(b.literal.kind, Literal::Kind::datetime);
  EXPECT_EQ(b.literal.time, SimTime{parse_timestamp("2026-11-24T00:00:00Z").time_since_epoch()});
  EXPECT_NE(message_of("X ge datetime'2026-11-24T10:00:00Z'", ODataVersion::v2).find("UTC without a zone"),
            std::string::npos);
  EXPECT_NE(message_of("X ge datetimeoffset'2026-11-24T10:00:00'", ODataVersion::v2).find("datetimeoffset"),
            std::string::npos);
  // '+' sent unencoded arrives as a space (field-pitfalls #49): the message says so.
  EXPECT_NE(message_of("X ge datetimeoffset'2026-11-24T10:00:00 01:00'", ODataVersion::v2).find("reads as a space"),
            std::string::npos);
}

TEST(ODataFilter, V4DateTimeLiteralsAreBareAndV2SyntaxIsRefused) {
  const FilterNode a = parse_filter("LastChangeDateTime ge 2026-11-24T10:00:00.500Z", ODataVersion::v4);
  EXPECT_EQ(a.literal.kind, Literal::Kind::datetimeoffset);
  EXPECT_EQ(a.literal.time, SimTime{parse_timestamp("2026-11-24T10:00:00.500Z").time_since_epoch()});
  const FilterNode d = parse_filter("BillingDocumentDate lt 2026-11-24", ODataVersion::v4);
  EXPECT_EQ(d.literal.kind, Literal::Kind::date);
  EXPECT_NE(message_of("X ge datetimeoffset'2026-11-24T10:00:00Z'", ODataVersion::v4).find("OData V2 syntax"),
            std::string::npos);
  EXPECT_NE(message_of("X ge 2026-11-24T10:00:00Z", ODataVersion::v2).find("datetimeoffset'"), std::string::npos);
  EXPECT_NE(message_of("X ge 2026-11-24T10:00:00", ODataVersion::v4).find("Edm.DateTimeOffset"), std::string::npos);
}

TEST(ODataFilter, NumbersBooleansNull) {
  const FilterNode m = parse_filter("TotalNetAmount gt 1234567890123.45M", ODataVersion::v2);
  EXPECT_EQ(m.literal.kind, Literal::Kind::number);
  EXPECT_EQ(m.literal.text, "1234567890123.45");
  EXPECT_EQ(m.literal.suffix, 'M');
  EXPECT_EQ(parse_filter("N le -3", ODataVersion::v2).literal.text, "-3");
  EXPECT_NE(message_of("N gt 12.5M", ODataVersion::v4).find("suffix"), std::string::npos);
  const FilterNode t = parse_filter("BillingDocumentIsCancelled eq true", ODataVersion::v2);
  EXPECT_EQ(t.literal.kind, Literal::Kind::boolean);
  EXPECT_TRUE(t.literal.flag);
  EXPECT_EQ(parse_filter("P ne null", ODataVersion::v4).literal.kind, Literal::Kind::null);
  const FilterNode bare = parse_filter("not BillingDocumentIsCancelled", ODataVersion::v2);
  ASSERT_EQ(bare.kind, K::negation);
  EXPECT_EQ(bare.children[0].property, "BillingDocumentIsCancelled");
}

TEST(ODataFilter, ErrorsNameTheProblemAndWhere) {
  EXPECT_NE(message_of("A eq 'x", ODataVersion::v2).find("not closed"), std::string::npos);
  EXPECT_NE(message_of("A eq 'x' and", ODataVersion::v2).find("at the end"), std::string::npos);
  EXPECT_NE(message_of("(A eq 'x'", ODataVersion::v2).find("')'"), std::string::npos);
  EXPECT_NE(message_of("A eq 'x')", ODataVersion::v2).find("offset 8"), std::string::npos);
  EXPECT_NE(message_of("A eq B", ODataVersion::v2).find("one property with one literal"), std::string::npos);
  EXPECT_NE(message_of("substringof('x', A)", ODataVersion::v2).find("function 'substringof'"), std::string::npos);
  EXPECT_NE(message_of("A == 'x'", ODataVersion::v2).find("unexpected character '='"), std::string::npos);
  EXPECT_NE(message_of("A eq 12x", ODataVersion::v2).find("malformed number"), std::string::npos);
  EXPECT_NE(message_of("   ", ODataVersion::v2).find("empty"), std::string::npos);
}

TEST(ODataFilter, OrderBy) {
  const auto keys = parse_orderby("LastChangeDateTime desc, BillingDocument");
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_TRUE(keys[0].descending);
  EXPECT_EQ(keys[1].property, "BillingDocument");
  EXPECT_FALSE(keys[1].descending);
  EXPECT_THROW(parse_orderby("A asc B"), ODataError);
  EXPECT_THROW(parse_orderby(""), ODataError);
}

}  // namespace
}  // namespace o2c::sim::sap
