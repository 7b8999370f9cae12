// tests/unit/reports/report_test_support.h — stored exceptions built by hand.
#pragma once

#include <string>

#include "reports/reports.h"

namespace o2c::reports::testing {

using schema::ExceptionKind;
using schema::ExceptionState;
using schema::StoredException;

inline Timestamp at(const char* iso) { return parse_timestamp(iso); }
inline Money eur(const char* amount) { return Money::parse(amount, Currency::parse("EUR")); }

inline StoredException stored(ExceptionKind kind, const std::string& key, const char* first_seen,
                              ExceptionState state = ExceptionState::open) {
  StoredException e;
  e.item.kind = kind;
  e.item.rule = "test.rule";
  e.item.order_id = "801" + key;
  e.item.order_number = "0000" + key;
  e.item.customer_id = "001" + key;
  e.item.customer_name = "Customer " + key;
  e.item.amount = eur("100.00");
  e.item.evidence = {{"rule", "test.rule"}, {"order_amount", "100.00 EUR"}};
  e.id = e.item.stable_id();
  e.state = state;
  e.first_seen = at(first_seen);
  e.last_seen = e.first_seen;
  return e;
}

inline StoredException resolved(ExceptionKind kind, const std::string& key, const char* first_seen,
                                const char* resolved_at) {
  StoredException e = stored(kind, key, first_seen, ExceptionState::resolved);
  e.resolved_at = at(resolved_at);
  return e;
}

// Week 2026-W48 runs from Mon 23 Nov 2026 00:00 UTC to Mon 30 Nov 2026 00:00 UTC.
inline ReportInput week48() {
  ReportInput in;
  in.week = IsoWeek::parse("2026-W48");
  in.generated_at = at("2026-11-27T07:00:00Z");
  return in;
}

}  // namespace o2c::reports::testing
