// connectors/sql/sql_query.cpp — :cursor / :last_id → positional parameters.
#include "connectors/sql/sql_query.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"

namespace o2c::sql {
namespace {

bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9') || c == '$' || c == '#'; }

[[noreturn]] void refuse(std::string message) { throw Error(Error::Kind::config, "query: " + message); }

class Scanner {
 public:
  explicit Scanner(std::string_view sql) : sql_(sql) {}

  BoundQuery run() {
    while (pos_ < sql_.size()) step();
    const auto has = [this](Parameter p) {
      return std::find(out_.parameters.begin(), out_.parameters.end(), p) != out_.parameters.end();
    };
    if (!has(Parameter::cursor))
      refuse("needs the bind parameter :cursor (the pass filters modstamp >= :cursor; see examples/mappings/README.md)");
    if (!has(Parameter::last_id))
      refuse("needs the bind parameter :last_id (the pass resumes with id > :last_id; see examples/mappings/README.md)");
    return std::move(out_);
  }

 private:
  void step() {
    const char c = sql_[pos_];
    const char next = pos_ + 1 < sql_.size() ? sql_[pos_ + 1] : '\0';
    if (c == '\'' || c == '"') return copy_quoted(c);
    if (c == '-' && next == '-') return skip_until("\n", false);
    if (c == '/' && next == '*') {
      const bool hint = pos_ + 2 < sql_.size() && sql_[pos_ + 2] == '+';
      return skip_until("*/", hint);
    }
    if (c == '?') refuse("'?' is a positional parameter; write :cursor and :last_id");
    if (c == ':' && next == ':')
      refuse("PostgreSQL's x::type cast cannot pass the ODBC layer (it reads :type as a parameter); write "
             "CAST(x AS type)");
    if (c == ':' && is_name_start(next)) return parameter();
    out_.text += c;
    ++pos_;
  }

  // A quoted literal or identifier, copied as is ('' and "" stay inside).
  void copy_quoted(char quote) {
    std::size_t end = pos_ + 1;
    while (end < sql_.size()) {
      if (sql_[end] == quote) {
        if (end + 1 < sql_.size() && sql_[end + 1] == quote) {
          end += 2;
          continue;
        }
        break;
      }
      ++end;
    }
    end = std::min(end + 1, sql_.size());
    out_.text.append(sql_.substr(pos_, end - pos_));
    pos_ = end;
  }

  // A comment up to and including `terminator`: kept (a hint) or replaced by one space.
  void skip_until(std::string_view terminator, bool keep) {
    const std::size_t found = sql_.find(terminator, pos_ + 2);
    const std::size_t end = found == std::string_view::npos ? sql_.size() : found + terminator.size();
    if (keep) out_.text.append(sql_.substr(pos_, end - pos_));
    else out_.text += terminator == "\n" && found != std::string_view::npos ? '\n' : ' ';
    pos_ = end;
  }

  void parameter() {
    std::size_t end = pos_ + 1;
    while (end < sql_.size() && is_name_char(sql_[end])) ++end;
    const std::string name = to_lower_ascii(sql_.substr(pos_ + 1, end - pos_ - 1));
    if (name == "cursor") out_.parameters.push_back(Parameter::cursor);
    else if (name == "last_id") out_.parameters.push_back(Parameter::last_id);
    else refuse(fmt::format("unknown bind parameter :{} (the SQL source binds :cursor and :last_id)", name));
    out_.text += '?';
    pos_ = end;
  }

  std::string_view sql_;
  std::size_t pos_ = 0;
  BoundQuery out_;
};

}  // namespace

BoundQuery bind_parameters(std::string_view sql) { return Scanner(sql).run(); }

}  // namespace o2c::sql
