// mapping/expression_check.cpp — resolves function names, checks arity and
// argument types once at load time, and gives every node its static type.
// Every problem is reported with its position; checking goes on after one.
#include <initializer_list>

#include <fmt/format.h>

#include "core/money.h"
#include "core/text.h"
#include "mapping/expression.h"
#include "mapping/expression_internal.h"

namespace o2c::mapping {
namespace {

struct Function {
  const char* name;
  Op op;
  int min_args;
  int max_args;  // -1 = any number
  const char* usage;
};

constexpr Function kFunctions[] = {
    {"coalesce", Op::coalesce, 1, -1, "coalesce(a, b, ...)"},
    {"trim", Op::trim, 1, 1, "trim(x)"},
    {"upper", Op::upper, 1, 1, "upper(x)"},
    {"lower", Op::lower, 1, 1, "lower(x)"},
    {"concat", Op::concat, 1, -1, "concat(a, b, ...)"},
    {"money", Op::money, 2, 2, "money(amount, currency)"},
    {"date", Op::date, 1, 2, "date(x) or date(x, \"M/D/YYYY\")"},
    {"datetime", Op::datetime, 1, 1, "datetime(x)"},
    {"bool", Op::to_bool, 1, 1, "bool(x)"},
    {"negate", Op::negate, 1, 1, "negate(money(...))"},
    {"case", Op::case_of, 2, 2, "case(x, {value: result, ...}, default: result)"},
};

std::vector<std::string> function_names() {
  std::vector<std::string> out;
  for (const auto& f : kFunctions) out.emplace_back(f.name);
  return out;
}

class Checker {
 public:
  explicit Checker(const CompileContext& ctx) : ctx_(ctx) {}

  void check(Expr& e) {
    switch (e.op) {
      case Op::literal: e.type = literal_type(e.literal); return;
      case Op::field:
        e.type = ExprType::any;
        e.slot = ctx_.resolve_field(e.name, e.pos);
        return;
      case Op::equals:
      case Op::not_equals:
        for (auto& a : e.args) {
          check(a);
          expect(a, "==/!=", {ExprType::string, ExprType::number, ExprType::boolean, ExprType::null});
        }
        e.type = ExprType::boolean;
        return;
      case Op::case_of:
        check(e.args.at(0));
        expect(e.args[0], "case()", {ExprType::string, ExprType::number, ExprType::boolean});
        e.type = ExprType::string;
        return;
      default: break;
    }
    const Function* fn = nullptr;
    for (const auto& f : kFunctions)
      if (e.name == f.name) fn = &f;
    if (!fn) {
      report(e.pos, fmt::format("unknown function '{}'{}", e.name, suggestion_suffix(e.name, function_names())));
      return;
    }
    e.op = fn->op;
    const int n = static_cast<int>(e.args.size());
    if (n < fn->min_args || (fn->max_args >= 0 && n > fn->max_args)) {
      report(e.pos, fmt::format("{}() takes {} argument{}, got {} (usage: {})", fn->name,
                                fn->min_args == fn->max_args ? fmt::format("{}", fn->min_args)
                                : fn->max_args < 0           ? fmt::format("at least {}", fn->min_args)
                                                             : fmt::format("{} to {}", fn->min_args, fn->max_args),
                                fn->min_args == 1 && fn->max_args == 1 ? "" : "s", n, fn->usage));
      return;
    }
    for (auto& a : e.args) check(a);
    const std::size_t before = ctx_.problems->items().size();
    check_call(e);
    if (ctx_.problems->items().size() != before) e.type = ExprType::any;  // no cascade into the caller
  }

 private:
  static ExprType literal_type(const Value& v) {
    switch (v.kind) {
      case Value::Kind::string: return ExprType::string;
      case Value::Kind::number: return ExprType::number;
      case Value::Kind::boolean: return ExprType::boolean;
      default: return ExprType::null;
    }
  }

  void report(int pos, std::string message) { ctx_.problems->add(ctx_.line, ctx_.column + pos, std::move(message)); }

  // `any` (a field, or a failed sub-expression) and null always pass: checked per record.
  bool expect(const Expr& arg, std::string_view where, std::initializer_list<ExprType> allowed) {
    if (arg.type == ExprType::any || arg.type == ExprType::null) return true;
    for (ExprType t : allowed)
      if (t == arg.type) return true;
    report(arg.pos, fmt::format("type mismatch: {} does not take a {} value", where, to_string(arg.type)));
    return false;
  }

  void check_call(Expr& e) {
    const std::string where = e.name + "()";
    switch (e.op) {
      case Op::coalesce: {
        e.type = e.args[0].type;
        for (const auto& a : e.args)
          if (a.type != e.type) e.type = ExprType::any;
        if (e.type == ExprType::any)  // mixing money with text etc. is a mistake
          for (const auto& a : e.args) expect(a, where, {ExprType::string, ExprType::number, ExprType::boolean});
        return;
      }
      case Op::trim:
      case Op::upper:
      case Op::lower:
      case Op::concat:
        for (const auto& a : e.args) expect(a, where, {ExprType::string, ExprType::number});
        e.type = ExprType::string;
        return;
      case Op::money:
        expect(e.args[0], "money() amount", {ExprType::string, ExprType::number});
        if (expect(e.args[1], "money() currency", {ExprType::string}) && e.args[1].op == Op::literal &&
            e.args[1].type == ExprType::string && !Currency::is_known(e.args[1].literal.text))
          report(e.args[1].pos, fmt::format("unknown currency '{}' (expected an ISO 4217 code such as EUR)",
                                            e.args[1].literal.text));
        e.type = ExprType::money;
        return;
      case Op::date:
        expect(e.args[0], where, {ExprType::string, ExprType::date, ExprType::datetime});
        if (e.args.size() == 2) {
          const Expr& f = e.args[1];
          if (f.op != Op::literal || f.type != ExprType::string)
            report(f.pos, "date() format must be a string literal such as \"M/D/YYYY\"");
          else if (!is_valid_date_format(f.literal.text))
            report(f.pos, fmt::format("invalid date format '{}' (use YYYY, MM, M, DD, D and separators)",
                                      f.literal.text));
          else
            e.date_format = f.literal.text;
        }
        e.type = ExprType::date;
        return;
      case Op::datetime:
        expect(e.args[0], where, {ExprType::string, ExprType::datetime, ExprType::date});
        e.type = ExprType::datetime;
        return;
      case Op::to_bool:
        expect(e.args[0], where, {ExprType::string, ExprType::boolean});
        e.type = ExprType::boolean;
        return;
      case Op::negate:
        if (e.args[0].type != ExprType::money && e.args[0].type != ExprType::null)
          report(e.args[0].pos, "type mismatch: negate() takes a money value, e.g. negate(money(amount, currency))");
        e.type = ExprType::money;
        return;
      default: return;
    }
  }

  const CompileContext& ctx_;
};

}  // namespace

Expr compile_expression(std::string_view text, const CompileContext& ctx) {
  std::optional<Expr> parsed = detail::parse_expression(text, ctx);
  if (!parsed) return Expr{};
  Checker(ctx).check(*parsed);
  return std::move(*parsed);
}

void collect_case_results(const Expr& expr, std::vector<std::pair<std::string, int>>& out) {
  if (expr.op == Op::case_of) {
    for (std::size_t i = 0; i < expr.cases.size(); ++i) out.emplace_back(expr.cases[i].second, expr.case_value_pos[i]);
    if (expr.case_default) out.emplace_back(*expr.case_default, expr.case_value_pos.back());
  }
  for (const auto& a : expr.args) collect_case_results(a, out);
}

const char* to_string(ExprType type) {
  switch (type) {
    case ExprType::any: return "any";
    case ExprType::string: return "string";
    case ExprType::number: return "number";
    case ExprType::boolean: return "bool";
    case ExprType::null: return "null";
    case ExprType::money: return "money";
    case ExprType::date: return "date";
    case ExprType::datetime: return "datetime";
  }
  return "any";
}

}  // namespace o2c::mapping
