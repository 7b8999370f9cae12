// mapping/expression_internal.h — shared between the expression parser,
// checker and evaluator; not part of the module's interface.
#pragma once

#include <optional>
#include <string_view>

#include "mapping/expression.h"

namespace o2c::mapping::detail {

// Syntax only; reports the first syntax error and returns nullopt.
std::optional<Expr> parse_expression(std::string_view text, const CompileContext& ctx);

}  // namespace o2c::mapping::detail
