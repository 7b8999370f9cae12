// tests/unit/connectors/oracle/oracle_window_test.cpp — the checks on the
// pages of one query: consistent pages fit (with a server-capped limit), a
// page repeated because the server ignored offset (pitfall #24) or answered
// another offset is named, rows that moved (total changed, ids out of
// order, short pages, hasMore contradicting totalResults) ask for a re-read,
// and answers that contradict themselves are broken.
#include <gtest/gtest.h>

#include "connectors/oracle/oracle_window.h"

namespace o2c::oracle {
namespace {

using K = PageVerdict::Kind;

CollectionPage page(long first_id, long count, long limit, long offset, long total, bool has_more) {
  CollectionPage p;
  p.count = count;
  p.limit = limit;
  p.offset = offset;
  p.total_results = total;
  p.has_more = has_more;
  for (long i = 0; i < count; ++i) {
    connectors::RawRecord r;
    r.id = std::to_string(first_id + i);
    p.records.push_back(r);
  }
  return p;
}

TEST(OracleWindow, ConsistentPagesWithAServerCappedLimitFit) {
  WindowCheck check("");
  EXPECT_EQ(check.accept(0, page(1, 500, 500, 0, 1200, true)).kind, K::fits);
  EXPECT_EQ(check.accept(500, page(501, 500, 500, 500, 1200, true)).kind, K::fits);
  EXPECT_EQ(check.accept(1000, page(1001, 200, 500, 1000, 1200, false)).kind, K::fits);
}

TEST(OracleWindow, EmptyResultFits) {
  WindowCheck check("100");
  EXPECT_EQ(check.accept(0, page(0, 0, 25, 0, 0, false)).kind, K::fits);
}

TEST(OracleWindow, ARepeatedPageIsNamedNotReRead) {
  WindowCheck check("");
  ASSERT_EQ(check.accept(0, page(1, 10, 10, 0, 30, true)).kind, K::fits);
  ASSERT_EQ(check.accept(10, page(11, 10, 10, 10, 30, true)).kind, K::fits);
  const PageVerdict v = check.accept(20, page(1, 10, 10, 20, 30, false));
  EXPECT_EQ(v.kind, K::repeated);
  EXPECT_NE(v.what.find("repeats the rows of offset 0"), std::string::npos) << v.what;
  WindowCheck other("");
  ASSERT_EQ(other.accept(0, page(1, 10, 10, 0, 30, true)).kind, K::fits);
  EXPECT_EQ(other.accept(10, page(11, 10, 10, 0, 30, true)).kind, K::repeated) << "answered offset 0 for 10";
}

TEST(OracleWindow, RowsThatMovedAskForAReRead) {
  WindowCheck total("");
  ASSERT_EQ(total.accept(0, page(1, 10, 10, 0, 30, true)).kind, K::fits);
  EXPECT_EQ(total.accept(10, page(11, 10, 10, 10, 29, true)).kind, K::moved);
  WindowCheck order("");
  ASSERT_EQ(order.accept(0, page(1, 10, 10, 0, 30, true)).kind, K::fits);
  EXPECT_EQ(order.accept(10, page(10, 10, 10, 10, 30, true)).kind, K::moved) << "id 10 again: a row shifted";
  WindowCheck keyset("100");
  EXPECT_EQ(keyset.accept(0, page(100, 5, 10, 0, 5, false)).kind, K::moved) << "ids start after the keyset";
  WindowCheck short_page("");
  EXPECT_EQ(short_page.accept(0, page(1, 9, 10, 0, 30, true)).kind, K::moved);
  WindowCheck more("");
  EXPECT_EQ(more.accept(0, page(1, 10, 10, 0, 10, true)).kind, K::moved) << "hasMore though all 10 are read";
  WindowCheck done("");
  EXPECT_EQ(done.accept(0, page(1, 10, 10, 0, 30, false)).kind, K::moved) << "no more though 20 remain";
}

TEST(OracleWindow, SelfContradictingAnswersAreBroken) {
  WindowCheck check("");
  auto p = page(1, 10, 10, 0, 30, true);
  p.count = 11;
  EXPECT_EQ(check.accept(0, p).kind, K::broken);
  p = page(1, 10, 5, 0, 30, true);
  EXPECT_EQ(check.accept(0, p).kind, K::broken) << "more items than the limit it says it used";
  p = page(1, 10, 10, 0, 30, true);
  p.total_results.reset();
  EXPECT_EQ(check.accept(0, p).kind, K::broken);
}

TEST(OracleWindow, IdsCompareAsTheKeysSort) {
  EXPECT_TRUE(id_less("99", "100"));
  EXPECT_TRUE(id_less("0099", "100"));
  EXPECT_FALSE(id_less("100", "100"));
  EXPECT_TRUE(id_less("ACC-10", "ACC-9")) << "text keys compare byte-wise";
}

}  // namespace
}  // namespace o2c::oracle
