// mapping/expression_eval.cpp — evaluates a checked expression against one
// record's extracted values. Failures throw EvalError with a message that
// names the offending value; map_all turns them into InvalidRecords.
#include <algorithm>

#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"
#include "mapping/expression.h"

namespace o2c::mapping {
namespace {

using Kind = Value::Kind;

std::string describe(const Value& v) {
  switch (v.kind) {
    case Kind::string: return fmt::format("text '{}'", v.text.size() > 40 ? v.text.substr(0, 40) + "..." : v.text);
    case Kind::number: return fmt::format("number {}", v.text);
    case Kind::boolean: return v.flag ? "boolean true" : "boolean false";
    default: return to_string(v.kind);
  }
}

const std::string& text_of(const Value& v, std::string_view fn) {
  if (v.kind != Kind::string && v.kind != Kind::number)
    throw EvalError(fmt::format("{}() expects text, got {}", fn, describe(v)));
  return v.text;
}

Value money_of(const Value& amount, const Value& currency) {
  if (amount.is_null()) return {};
  if (amount.kind != Kind::number && amount.kind != Kind::string)
    throw EvalError(fmt::format("amount: expected a number or decimal text, got {}", describe(amount)));
  if (currency.is_null()) throw EvalError("currency is missing");
  if (currency.kind != Kind::string) throw EvalError(fmt::format("currency: expected an ISO code, got {}", describe(currency)));
  const std::string_view code = trim(currency.text);
  if (!Currency::is_known(code)) throw EvalError(fmt::format("unknown currency '{}'", currency.text));
  Value v;
  v.kind = Kind::money;
  try {
    v.money = Money::parse(trim(amount.text), Currency::parse(code));
  } catch (const Error& e) {
    throw EvalError(fmt::format("amount {} is not a valid {} amount ({})", describe(amount), code, e.what()));
  }
  return v;
}

Value date_of(const Value& x, const std::string& format) {
  Value v;
  v.kind = Kind::date;
  switch (x.kind) {
    case Kind::null: return {};
    case Kind::date: return x;
    case Kind::datetime: v.date = to_date(x.time); return v;
    case Kind::string: {
      auto d = format.empty() ? try_parse_date(trim(x.text)) : parse_date_with_format(trim(x.text), format);
      if (!d && format.empty())   // SAP OData: a date is midnight UTC as /Date(ms)/
        if (const auto t = try_parse_wire_timestamp(trim(x.text)); t && trim(x.text).starts_with("/Date(")) d = to_date(*t);
      if (!d) throw EvalError(fmt::format("{} is not a date (expected {})", describe(x), format.empty() ? "YYYY-MM-DD" : format));
      v.date = *d;
      return v;
    }
    default: throw EvalError(fmt::format("date() expects text, got {}", describe(x)));
  }
}

Value datetime_of(const Value& x) {
  Value v;
  v.kind = Kind::datetime;
  switch (x.kind) {
    case Kind::null: return {};
    case Kind::datetime: return x;
    case Kind::date: v.time = to_timestamp(x.date); return v;
    case Kind::string: {
      auto t = try_parse_wire_timestamp(trim(x.text));
      if (!t) throw EvalError(fmt::format("{} is not an ISO 8601 date-time (or SAP /Date(ms)/)", describe(x)));
      v.time = *t;
      return v;
    }
    default: throw EvalError(fmt::format("datetime() expects text, got {}", describe(x)));
  }
}

Value bool_of(const Value& x) {
  Value v;
  v.kind = Kind::boolean;
  if (x.kind == Kind::null) return {};
  if (x.kind == Kind::boolean) return x;
  if (x.kind == Kind::string) {
    const std::string t = to_lower_ascii(trim(x.text));
    if (t == "t" || t == "true") return v.flag = true, v;
    if (t == "f" || t == "false") return v.flag = false, v;
  }
  throw EvalError(fmt::format("{} is not a boolean (expected true/false or 'T'/'F')", describe(x)));
}

std::string key_text(const Value& v) {
  switch (v.kind) {
    case Kind::string:
    case Kind::number: return v.text;
    case Kind::boolean: return v.flag ? "true" : "false";
    case Kind::null: return "null";
    default: throw EvalError(fmt::format("cannot compare {}", describe(v)));
  }
}

bool equal(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return a.is_null() && b.is_null();
  return key_text(a) == key_text(b);
}

Value case_of(const Expr& e, const Value& subject) {
  const std::string key = key_text(subject);
  for (const auto& [k, result] : e.cases)
    if (k == key) return Value::string(result);
  if (e.case_default) return Value::string(*e.case_default);
  if (subject.is_null()) return {};
  throw EvalError(fmt::format("no case for {} and no default", describe(subject)));
}

}  // namespace

Value evaluate(const Expr& e, const std::vector<Value>& slots) {
  switch (e.op) {
    case Op::literal: return e.literal;
    case Op::field: {
      const Value& v = slots[static_cast<std::size_t>(e.slot)];
      if (v.kind == Kind::string && v.text.size() > kMaxStringBytes)
        throw EvalError(fmt::format("{}: text longer than 64 KiB ({} bytes)", e.name, v.text.size()));
      return v;
    }
    case Op::coalesce:
      for (const auto& a : e.args) {
        Value v = evaluate(a, slots);
        if (!v.is_null() && !(v.kind == Kind::string && v.text.empty())) return v;
      }
      return {};
    case Op::trim:
    case Op::upper:
    case Op::lower: {
      Value v = evaluate(e.args[0], slots);
      if (v.is_null()) return v;
      const std::string& t = text_of(v, e.name);
      return Value::string(e.op == Op::trim    ? std::string(trim(t))
                           : e.op == Op::upper ? to_upper_ascii(t)
                                               : to_lower_ascii(t));
    }
    case Op::concat: {
      std::string out;
      for (const auto& a : e.args) {
        Value v = evaluate(a, slots);
        if (!v.is_null()) out += text_of(v, "concat");
      }
      if (out.size() > kMaxStringBytes) throw EvalError("concat() result longer than 64 KiB");
      return Value::string(std::move(out));
    }
    case Op::money: return money_of(evaluate(e.args[0], slots), evaluate(e.args[1], slots));
    case Op::date: return date_of(evaluate(e.args[0], slots), e.date_format);
    case Op::datetime: return datetime_of(evaluate(e.args[0], slots));
    case Op::to_bool: return bool_of(evaluate(e.args[0], slots));
    case Op::case_of: return case_of(e, evaluate(e.args[0], slots));
    case Op::negate: {
      Value v = evaluate(e.args[0], slots);
      if (v.kind == Kind::money) v.money = -v.money;
      return v;
    }
    case Op::equals:
    case Op::not_equals: {
      Value v;
      v.kind = Kind::boolean;
      v.flag = equal(evaluate(e.args[0], slots), evaluate(e.args[1], slots)) == (e.op == Op::equals);
      return v;
    }
    case Op::call: break;
  }
  throw EvalError(fmt::format("internal: unresolved function '{}'", e.name));
}

bool is_valid_date_format(std::string_view f) {
  int y = 0, m = 0, d = 0;
  for (std::size_t i = 0; i < f.size();) {
    const char c = f[i];
    std::size_t n = 1;
    while (i + n < f.size() && f[i + n] == c) ++n;
    if (c == 'Y') y += n == 4 ? 1 : 99;
    if (c == 'M') m += n <= 2 ? 1 : 99;
    if (c == 'D') d += n <= 2 ? 1 : 99;
    i += n;
  }
  return y == 1 && m == 1 && d == 1;
}

std::optional<Date> parse_date_with_format(std::string_view text, std::string_view f) {
  int year = 0;
  unsigned month = 0, day = 0;
  std::size_t t = 0;
  for (std::size_t i = 0; i < f.size();) {
    const char c = f[i];
    std::size_t n = 1;
    while (i + n < f.size() && f[i + n] == c) ++n;
    i += n;
    if (c != 'Y' && c != 'M' && c != 'D') {
      for (std::size_t k = 0; k < n; ++k, ++t)
        if (t >= text.size() || text[t] != c) return std::nullopt;
      continue;
    }
    const std::size_t max_digits = c == 'Y' ? 4 : 2, min_digits = (c == 'Y' || n == 2) ? max_digits : 1;
    std::size_t digits = 0;
    int value = 0;
    while (t < text.size() && digits < max_digits && text[t] >= '0' && text[t] <= '9') {
      value = value * 10 + (text[t++] - '0');
      ++digits;
    }
    if (digits < min_digits) return std::nullopt;
    if (c == 'Y') year = value;
    if (c == 'M') month = static_cast<unsigned>(value);
    if (c == 'D') day = static_cast<unsigned>(value);
  }
  if (t != text.size()) return std::nullopt;
  const Date date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
  if (!date.ok()) return std::nullopt;
  return date;
}

const char* to_string(Value::Kind kind) {
  switch (kind) {
    case Kind::null: return "null";
    case Kind::string: return "text";
    case Kind::number: return "number";
    case Kind::boolean: return "boolean";
    case Kind::money: return "money";
    case Kind::date: return "date";
    case Kind::datetime: return "date-time";
    case Kind::object: return "object";
    case Kind::array: return "array";
  }
  return "null";
}

void Problems::raise(const std::string& file) const {
  std::vector<Problem> sorted = items_;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Problem& a, const Problem& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  std::string message;
  for (const auto& p : sorted) {
    if (!message.empty()) message += '\n';
    message += fmt::format("{}:{}:{}: {}", file, p.line, p.column, p.message);
  }
  ErrorContext ctx;
  ctx.file = file;  // no line: the message already carries one position per problem
  throw Error(Error::Kind::config, message, ctx);
}

}  // namespace o2c::mapping
