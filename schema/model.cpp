#include "schema/model.h"

namespace o2c::schema {

const char* to_string(TargetKind kind) {
  switch (kind) {
    case TargetKind::customer: return "customer";
    case TargetKind::order: return "order";
    case TargetKind::order_line: return "order_line";
    case TargetKind::invoice: return "invoice";
    case TargetKind::payment: return "payment";
    case TargetKind::invoice_line: return "invoice_line";
  }
  return "?";
}

std::optional<TargetKind> parse_target_kind(std::string_view text) {
  for (auto k : {TargetKind::customer, TargetKind::order, TargetKind::order_line, TargetKind::invoice,
                 TargetKind::payment, TargetKind::invoice_line})
    if (text == to_string(k)) return k;
  return std::nullopt;
}

const RecordMeta& meta_of(const CanonicalRecord& record) {
  return std::visit([](const auto& r) -> const RecordMeta& { return r.meta; }, record);
}

TargetKind target_of(const CanonicalRecord& record) {
  return static_cast<TargetKind>(record.index());
}

}  // namespace o2c::schema
