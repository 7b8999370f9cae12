// mapping/targets.h — what a mapping may write: the canonical fields of each
// target kind (schema/model.h) with their type and whether a mapping must
// provide them, how an expression value is coerced to that type (per record),
// and how it is stored into the record. The load-time type check and the
// per-record assignment both read this one registry.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "mapping/value.h"
#include "schema/model.h"

namespace o2c::mapping {

// decimal: exact decimal text ("2.5", "-0.125"), from a number or a string.
enum class FieldType { string, money, date, datetime, boolean, enumeration, reference, currency, decimal };
const char* to_string(FieldType type);

struct TargetField {
  std::string name;
  FieldType type = FieldType::string;
  bool required = false;
  std::vector<std::string> enum_values;   // FieldType::enumeration only
  std::string help;
  // Stores a value already coerced to `type` into the record.
  std::function<void(schema::CanonicalRecord&, const Value&)> assign;
};

// Every field of a target, the common ones (external_id, modified, deleted) first.
const std::vector<TargetField>& target_fields(schema::TargetKind kind);
const TargetField* find_target_field(schema::TargetKind kind, std::string_view name);
std::vector<std::string> target_field_names(schema::TargetKind kind);

// An empty record of the kind (defaults as in schema/model.h).
schema::CanonicalRecord make_record(schema::TargetKind kind);

// Load time: can an expression of static type `expr` feed a field of `field`?
bool accepts(FieldType field, ExprType expr);
// Per record: converts a non-null value to the field's type; throws EvalError.
Value coerce(const TargetField& field, Value value);

}  // namespace o2c::mapping
