#include "schema/exception_item.h"

#include <set>

#include <gtest/gtest.h>

namespace o2c::schema {

TEST(ExceptionItem, StableIdDependsOnKindAndKeysOnly) {
  ExceptionItem a;
  a.kind = ExceptionKind::po_mismatch;
  a.invoice_id = "100231";
  a.order_id = "801A";
  ExceptionItem b = a;
  b.po_number = "changed display field";
  b.evidence.push_back({"x", "y"});
  EXPECT_EQ(a.stable_id(), b.stable_id());
  EXPECT_EQ(a.stable_id().size(), 16u);
  b.kind = ExceptionKind::po_missing;
  EXPECT_NE(a.stable_id(), b.stable_id());
}

TEST(ExceptionItem, KeysDoNotCollideAcrossFieldBoundaries) {
  ExceptionItem a, b;
  a.order_id = "ab";
  a.invoice_id = "c";
  b.order_id = "a";
  b.invoice_id = "bc";
  EXPECT_NE(a.stable_id(), b.stable_id());
}

TEST(ExceptionKinds, EveryKindHasAUniqueNameAndAnAction) {
  std::set<std::string_view> names;
  for (const auto& k : all_exception_kinds()) {
    EXPECT_EQ(&info(k.kind), &k);
    EXPECT_FALSE(k.action.empty());
    EXPECT_EQ(parse_exception_kind(k.name), k.kind);
    names.insert(k.name);
  }
  EXPECT_EQ(names.size(), kExceptionKindCount);
  EXPECT_FALSE(parse_exception_kind("NOPE").has_value());
}

}  // namespace o2c::schema
