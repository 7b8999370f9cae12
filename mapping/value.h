// mapping/value.h — the runtime value of a mapping expression while one record
// is mapped: JSON scalars as read (a number keeps its exact token text) and
// the typed values the functions produce (Money, Date, Timestamp). Also the
// problem list that collects file:line:col errors before one Error(config).
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/time.h"

namespace o2c::mapping {

// Static type of an expression (checked once, at load time).
enum class ExprType { any, string, number, boolean, null, money, date, datetime };
const char* to_string(ExprType type);

// One value during evaluation.
struct Value {
  enum class Kind { null, string, number, boolean, money, date, datetime, object, array };
  Kind kind = Kind::null;
  std::string text;    // string contents, or the exact JSON number token
  bool flag = false;   // boolean
  Money money;
  Date date{};
  Timestamp time{};

  bool is_null() const { return kind == Kind::null; }
  static Value string(std::string s) {
    Value v;
    v.kind = Kind::string;
    v.text = std::move(s);
    return v;
  }
};
const char* to_string(Value::Kind kind);

// A per-record evaluation failure: becomes an InvalidRecord, never escapes map_all.
class EvalError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Longest string any field may hold (DATA_INVALID beyond it).
inline constexpr std::size_t kMaxStringBytes = 64 * 1024;

// Load-time problems, each with its position in the mapping file.
struct Problem {
  int line = 0;     // 1-based
  int column = 0;   // 1-based
  std::string message;
};

class Problems {
 public:
  void add(int line, int column, std::string message) { items_.push_back({line, column, std::move(message)}); }
  bool empty() const { return items_.empty(); }
  const std::vector<Problem>& items() const { return items_; }
  // Throws one Error(config): "file:line:col: message" per problem, in file order.
  [[noreturn]] void raise(const std::string& file) const;

 private:
  std::vector<Problem> items_;
};

}  // namespace o2c::mapping
