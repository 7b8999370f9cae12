// tests/unit/mapping/targets_test.cpp — the target registry: required fields
// per kind, load-time type compatibility, per-record coercion.
#include "mapping/targets.h"

#include <gtest/gtest.h>

namespace o2c::mapping {
namespace {

using schema::TargetKind;

std::vector<std::string> required_of(TargetKind kind) {
  std::vector<std::string> out;
  for (const auto& f : target_fields(kind))
    if (f.required) out.push_back(f.name);
  return out;
}

TEST(Targets, RequiredFieldsPerKind) {
  using V = std::vector<std::string>;
  EXPECT_EQ(required_of(TargetKind::order), (V{"external_id", "number", "customer_id", "amount"}));
  EXPECT_EQ(required_of(TargetKind::invoice), (V{"external_id", "number", "customer_id", "amount"}));
  EXPECT_EQ(required_of(TargetKind::customer), (V{"external_id", "name"}));
  EXPECT_EQ(required_of(TargetKind::payment), (V{"external_id", "customer_id", "amount"}));
  EXPECT_EQ(required_of(TargetKind::order_line), (V{"external_id", "order_id", "amount"}));
}

TEST(Targets, LoadTimeCompatibility) {
  EXPECT_TRUE(accepts(FieldType::money, ExprType::money));
  EXPECT_FALSE(accepts(FieldType::money, ExprType::any));
  EXPECT_FALSE(accepts(FieldType::money, ExprType::string));
  EXPECT_TRUE(accepts(FieldType::date, ExprType::datetime));
  EXPECT_FALSE(accepts(FieldType::string, ExprType::money));
  EXPECT_FALSE(accepts(FieldType::boolean, ExprType::date));
  EXPECT_TRUE(accepts(FieldType::enumeration, ExprType::string));
}

TEST(Targets, CoercionPerRecordAndAssignment) {
  const TargetField* kind = find_target_field(TargetKind::order, "kind");
  const TargetField* is_signed = find_target_field(TargetKind::order, "is_signed");
  const TargetField* date = find_target_field(TargetKind::order, "effective_date");
  const TargetField* number = find_target_field(TargetKind::order, "number");
  ASSERT_TRUE(kind && is_signed && date && number);
  schema::CanonicalRecord rec = make_record(TargetKind::order);
  kind->assign(rec, coerce(*kind, Value::string("renewal")));
  is_signed->assign(rec, coerce(*is_signed, Value::string("T")));
  date->assign(rec, coerce(*date, Value::string("2026-05-01")));
  Value n;
  n.kind = Value::Kind::number;
  n.text = "42";
  number->assign(rec, coerce(*number, n));
  const auto& o = std::get<schema::Order>(rec);
  EXPECT_EQ(o.kind, schema::OrderKind::renewal);
  EXPECT_TRUE(o.is_signed);
  EXPECT_EQ(o.effective_date, parse_date("2026-05-01"));
  EXPECT_EQ(o.number, "42");
  EXPECT_THROW(coerce(*kind, Value::string("upsell")), EvalError);
  EXPECT_THROW(coerce(*date, Value::string("01/05/2026")), EvalError);
  Value b;
  b.kind = Value::Kind::boolean;
  EXPECT_THROW(coerce(*number, b), EvalError);
  EXPECT_THROW(coerce(*find_target_field(TargetKind::customer, "currency"), Value::string("EUX")), EvalError);
  EXPECT_EQ(find_target_field(TargetKind::order, "nope"), nullptr);
}

}  // namespace
}  // namespace o2c::mapping
