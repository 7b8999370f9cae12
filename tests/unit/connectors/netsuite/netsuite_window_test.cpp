// tests/unit/connectors/netsuite/netsuite_window_test.cpp — window planning
// (pages per window, the 100,000-row ceiling with offset a multiple of the
// limit, no page beyond totalResults) and the checks that catch rows moving
// under a window (totalResults changed, short page, ids not ascending).
#include "connectors/netsuite/netsuite_window.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

namespace o2c::netsuite {
namespace {

SuiteqlPage page_of(long first_id, long n, long total, bool more, long offset = -1) {
  SuiteqlPage p;
  p.total_results = total;
  p.count = n;
  p.has_more = more;
  p.offset = offset;
  for (long i = 0; i < n; ++i) {
    connectors::RawRecord r;
    r.id = std::to_string(first_id + i);
    p.records.push_back(r);
  }
  return p;
}

TEST(NetSuiteWindow, PagesPerWindowNeverGoBeyondTotalResults) {
  const WindowPlan plan{1000, 100'000};
  EXPECT_EQ(plan.max_pages(), 100);
  EXPECT_EQ(plan.capacity(), 100'000);
  EXPECT_EQ(plan.pages_for(2345), 3);
  EXPECT_EQ(plan.pages_for(3000), 3);
  EXPECT_EQ(plan.pages_for(3001), 4);
  EXPECT_EQ(plan.pages_for(0), 1) << "the first page is always read";
  EXPECT_FALSE(plan.more_after(2345, 3));
  EXPECT_EQ(plan.pages_for(100'000), 100);
  EXPECT_FALSE(plan.more_after(100'000, 100));
  EXPECT_EQ(plan.pages_for(250'000), 100);
  EXPECT_TRUE(plan.more_after(250'000, 100));
  EXPECT_EQ(plan.offset_of(99), 99'000);
}

TEST(NetSuiteWindow, CeilingKeepsOffsetPlusLimitWithinItAndOffsetsMultiplesOfTheLimit) {
  const WindowPlan plan{300, 100'000};
  EXPECT_EQ(plan.max_pages(), 333);
  EXPECT_EQ(plan.capacity(), 99'900);
  EXPECT_LE(plan.offset_of(plan.max_pages() - 1) + 300, 100'000);
  EXPECT_EQ(plan.offset_of(7) % 300, 0);
  const WindowPlan small{10, 50};
  EXPECT_EQ(small.pages_for(73), 5);
  EXPECT_TRUE(small.more_after(73, 5));
  EXPECT_EQ(small.pages_for(23), 3);
  EXPECT_FALSE(small.more_after(23, 3));
  EXPECT_TRUE(small.more_after(23, 1)) << "a one-page keyset window";
}

TEST(NetSuiteWindow, ConsistentPagesAreAccepted) {
  const WindowPlan plan{10, 100'000};
  WindowCheck check(plan, 25, 3, "");
  EXPECT_EQ(check.accept(0, page_of(1, 10, 25, true, 0)), "");
  EXPECT_EQ(check.accept(1, page_of(11, 10, 25, true, 10)), "");
  EXPECT_EQ(check.accept(2, page_of(21, 5, 25, false, 20)), "");
}

TEST(NetSuiteWindow, RowsMovingUnderTheWindowAreCaught) {
  const WindowPlan plan{10, 100'000};
  {
    WindowCheck check(plan, 25, 3, "");
    ASSERT_EQ(check.accept(0, page_of(1, 10, 25, true)), "");
    EXPECT_NE(check.accept(1, page_of(12, 10, 24, true)).find("totalResults changed from 25 to 24"), std::string::npos);
  }
  {
    WindowCheck check(plan, 25, 3, "");
    ASSERT_EQ(check.accept(0, page_of(1, 10, 25, true)), "");
    EXPECT_NE(check.accept(1, page_of(10, 10, 25, true)).find("ids must ascend"), std::string::npos)
        << "an insert before the offset repeats a row";
  }
  {
    WindowCheck check(plan, 25, 3, "");
    EXPECT_NE(check.accept(0, page_of(1, 9, 25, true)).find("9 items received"), std::string::npos);
  }
  {
    WindowCheck check(plan, 25, 3, "");
    EXPECT_NE(check.accept(0, page_of(1, 10, 25, false)).find("hasMore=false"), std::string::npos);
  }
  {
    WindowCheck check(plan, 5, 1, "40");
    EXPECT_NE(check.accept(0, page_of(38, 5, 5, false)).find("id 38 follows id 40"), std::string::npos)
        << "a keyset window starts after its id";
  }
  {
    WindowCheck check(plan, 25, 3, "");
    EXPECT_NE(check.accept(0, page_of(1, 10, 25, true, 10)).find("for offset 10"), std::string::npos);
  }
}

TEST(NetSuiteWindow, AtTheCeilingHasMoreMayBeEitherButNowhereElse) {
  const WindowPlan plan{10, 50};
  WindowCheck check(plan, 73, 5, "");
  for (long i = 0; i < 4; ++i) ASSERT_EQ(check.accept(i, page_of(1 + i * 10, 10, 73, true)), "") << i;
  EXPECT_EQ(check.accept(4, page_of(41, 10, 73, false)), "") << "offset 40 + 10 is the ceiling: no next page";
  WindowCheck other(plan, 73, 5, "");
  EXPECT_NE(other.accept(0, page_of(1, 10, 73, false)), "");
  WindowCheck end(plan, 45, 5, "");
  for (long i = 0; i < 4; ++i) ASSERT_EQ(end.accept(i, page_of(1 + i * 10, 10, 45, true)), "") << i;
  EXPECT_NE(end.accept(4, page_of(41, 5, 45, true)), "") << "no rows remain: hasMore must be false";
}

TEST(NetSuiteWindow, IdsCompareAsNumbers) {
  EXPECT_TRUE(id_less("9", "10"));
  EXPECT_FALSE(id_less("10", "9"));
  EXPECT_TRUE(id_less("0099", "100"));
  EXPECT_FALSE(id_less("100", "100"));
}

}  // namespace
}  // namespace o2c::netsuite
