// sim/netsuite/suiteql_bind_expr.h
// Binds one expression tree in place (part of the binder): names → slot and
// column, static types, function checks, date formats, constant folding.
#pragma once

#include <vector>

#include "sim/netsuite/suiteql_binder.h"

namespace o2c::sim::netsuite {

class ExprBinder {
 public:
  ExprBinder(const std::vector<Slot>& slots, const AccountZone& zone) : slots_(slots), zone_(zone) {}
  // Binds `e` with the slots [0, visible) in scope. Throws QueryError.
  void bind(Expr& e, std::size_t visible);
  static void require_value(const Expr& e);
  static void require_condition(const Expr& e);

 private:
  void bind_column(Expr& e, std::size_t visible);
  std::size_t slot_named(const Expr& e, std::size_t visible) const;
  std::size_t slot_with_column(const Expr& e, std::size_t visible) const;
  void bind_function(Expr& e);
  void bind_to_char(Expr& e);
  void bind_to_date(Expr& e);
  void bind_condition(Expr& e);
  void fold(Expr& e);

  const std::vector<Slot>& slots_;
  const AccountZone& zone_;
};

}  // namespace o2c::sim::netsuite
