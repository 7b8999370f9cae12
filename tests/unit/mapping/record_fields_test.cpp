// tests/unit/mapping/record_fields_test.cpp — one forward pass extracts the
// used paths: nested objects, exact number tokens, case-insensitive keys,
// unknown keys (Salesforce "attributes") skipped, missing paths null.
#include "mapping/record_fields.h"

#include <gtest/gtest.h>

namespace o2c::mapping {
namespace {

TEST(RecordFields, ExtractsNestedPathsExactNumbersAndSkipsTheRest) {
  RecordFields f;
  const int name = f.add("Account.Name");
  const int owner = f.add("Account.Owner.Email");
  const int total = f.add("TotalAmount");
  const int flag = f.add("IsDeleted");
  const int alias = f.add("ForeignTotal");
  const int missing = f.add("Nope");
  const int account = f.add("Account");
  EXPECT_EQ(f.add("Account.Name"), name);
  RecordFields::Scratch s;
  f.extract(R"({"attributes":{"type":"Order","Name":"no"},"Account":{"attributes":{},"Name":"Caf\u00e9","Owner":null},)"
            R"("TotalAmount": 12345678901234567.89 ,"IsDeleted":true,"foreigntotal":"-3.00"})",
            s);
  EXPECT_EQ(s.slots[name].text, "Café");
  EXPECT_TRUE(s.slots[owner].is_null());
  EXPECT_EQ(s.slots[total].kind, Value::Kind::number);
  EXPECT_EQ(s.slots[total].text, "12345678901234567.89");
  EXPECT_TRUE(s.slots[flag].flag);
  EXPECT_EQ(s.slots[alias].text, "-3.00");
  EXPECT_TRUE(s.slots[missing].is_null());
  EXPECT_EQ(s.slots[account].kind, Value::Kind::object);
  // the scratch is reused: values of the previous record never leak into the next
  f.extract(R"({"TotalAmount":[1,2]})", s);
  EXPECT_TRUE(s.slots[name].is_null());
  EXPECT_EQ(s.slots[total].kind, Value::Kind::array);
  EXPECT_THROW(f.extract("[1,2]", s), simdjson::simdjson_error);
}

}  // namespace
}  // namespace o2c::mapping
