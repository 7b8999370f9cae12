#include "sim/netsuite/suiteql_lexer.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "sim/netsuite/suiteql_error.h"

namespace o2c::sim::netsuite {

namespace {

bool is_ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_ident_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || c == '#';
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }

constexpr std::string_view kTwoCharSymbols[] = {"<=", ">=", "<>", "!=", "||"};
constexpr std::string_view kOneCharSymbols = "(),.=<>*+-/;";

class Lexer {
 public:
  explicit Lexer(std::string_view q) : q_(q) {}

  std::vector<Token> run() {
    std::vector<Token> out;
    for (skip_blank(); i_ < q_.size(); skip_blank()) out.push_back(next());
    out.push_back({TokenKind::end, "", q_.size()});
    return out;
  }

 private:
  void skip_blank() {
    while (i_ < q_.size()) {
      if (std::isspace(static_cast<unsigned char>(q_[i_]))) {
        ++i_;
      } else if (q_.substr(i_, 2) == "--") {
        const auto nl = q_.find('\n', i_);
        i_ = nl == std::string_view::npos ? q_.size() : nl + 1;
      } else if (q_.substr(i_, 2) == "/*") {
        const auto end = q_.find("*/", i_ + 2);
        if (end == std::string_view::npos) throw QueryError("unterminated /* comment", i_);
        i_ = end + 2;
      } else {
        return;
      }
    }
  }

  Token next() {
    const std::size_t start = i_;
    const char c = q_[i_];
    if (is_ident_start(c)) {
      while (i_ < q_.size() && is_ident_char(q_[i_])) ++i_;
      return {TokenKind::identifier, std::string(q_.substr(start, i_ - start)), start};
    }
    if (is_digit(c)) return number(start);
    if (c == '\'') return quoted(start, '\'', TokenKind::string, "string literal");
    if (c == '"') return quoted(start, '"', TokenKind::quoted_identifier, "quoted identifier");
    for (const auto sym : kTwoCharSymbols) {
      if (q_.substr(i_, 2) == sym) {
        i_ += 2;
        return {TokenKind::symbol, std::string(sym), start};
      }
    }
    if (kOneCharSymbols.find(c) != std::string_view::npos) {
      ++i_;
      return {TokenKind::symbol, std::string(1, c), start};
    }
    throw QueryError(fmt::format("unexpected character '{}'", q_.substr(i_, 1)), start);
  }

  Token number(std::size_t start) {
    while (i_ < q_.size() && is_digit(q_[i_])) ++i_;
    if (i_ + 1 < q_.size() && q_[i_] == '.' && is_digit(q_[i_ + 1])) {
      ++i_;
      while (i_ < q_.size() && is_digit(q_[i_])) ++i_;
    }
    if (i_ < q_.size() && is_ident_start(q_[i_]))
      throw QueryError(fmt::format("malformed number '{}'", q_.substr(start, i_ + 1 - start)), start);
    return {TokenKind::number, std::string(q_.substr(start, i_ - start)), start};
  }

  // 'it''s' → it's (the same doubling escapes a quote in "identifiers").
  Token quoted(std::size_t start, char quote, TokenKind kind, const char* what) {
    std::string text;
    ++i_;
    for (;;) {
      if (i_ >= q_.size()) throw QueryError(fmt::format("unterminated {}", what), start);
      if (q_[i_] == quote) {
        if (i_ + 1 < q_.size() && q_[i_ + 1] == quote) {
          text.push_back(quote);
          i_ += 2;
          continue;
        }
        ++i_;
        return {kind, std::move(text), start};
      }
      text.push_back(q_[i_++]);
    }
  }

  std::string_view q_;
  std::size_t i_ = 0;
};

}  // namespace

std::vector<Token> tokenize(std::string_view query) { return Lexer(query).run(); }

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace o2c::sim::netsuite
