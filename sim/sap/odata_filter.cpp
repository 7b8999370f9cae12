#include "sim/sap/odata_filter.h"

#include <fmt/format.h>

#include "core/text.h"
#include "core/time.h"

namespace o2c::sim::sap {

namespace {

enum class Tok { ident, string, typed, number, datetime, lparen, rparen, comma, end };

struct Token {
  Tok kind = Tok::end;
  std::string text;      // ident name, string content, typed content, number text, datetime text
  std::string prefix;    // typed: "datetime", "datetimeoffset", ...
  std::string raw;       // as written
  std::size_t position = 0;
};

[[noreturn]] void syntax(std::string_view option, const std::string& what) {
  throw ODataError(400, std::string(kCodeSyntax), fmt::format("Invalid {}: {}", option, what), std::string(option));
}

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

class Lexer {
 public:
  Lexer(std::string_view text, std::string_view option) : s_(text), option_(option) {}

  Token next() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t')) ++pos_;
    Token t;
    t.position = pos_;
    if (pos_ >= s_.size()) return t;
    const char c = s_[pos_];
    if (c == '(' || c == ')' || c == ',') {
      t.kind = c == '(' ? Tok::lparen : c == ')' ? Tok::rparen : Tok::comma;
      t.raw = std::string(1, c);
      ++pos_;
      return t;
    }
    if (c == '\'') return quoted(t, "");
    if (is_letter(c)) return word(t);
    if (is_digit(c) || ((c == '-' || c == '+') && pos_ + 1 < s_.size() && is_digit(s_[pos_ + 1]))) return number(t);
    syntax(option_, fmt::format("unexpected character '{}' at offset {}", c, pos_));
  }

 private:
  Token quoted(Token t, std::string prefix) {
    const std::size_t open = pos_++;
    std::string content;
    while (true) {
      if (pos_ >= s_.size())
        syntax(option_, fmt::format("the string literal opened at offset {} is not closed", open));
      if (s_[pos_] == '\'') {
        if (pos_ + 1 < s_.size() && s_[pos_ + 1] == '\'') {
          content += '\'';
          pos_ += 2;
          continue;
        }
        ++pos_;
        break;
      }
      content += s_[pos_++];
    }
    t.kind = prefix.empty() ? Tok::string : Tok::typed;
    t.prefix = std::move(prefix);
    t.text = std::move(content);
    t.raw = std::string(s_.substr(t.position, pos_ - t.position));
    return t;
  }

  Token word(Token t) {
    const std::size_t start = pos_;
    while (pos_ < s_.size() && (is_letter(s_[pos_]) || is_digit(s_[pos_]) || s_[pos_] == '/' || s_[pos_] == '.')) ++pos_;
    const std::string name(s_.substr(start, pos_ - start));
    if (pos_ < s_.size() && s_[pos_] == '\'') return quoted(t, to_lower_ascii(name));
    t.kind = Tok::ident;
    t.text = t.raw = name;
    return t;
  }

  Token number(Token t) {
    const std::size_t start = pos_;
    // A date (2026-11-24) or date-time (2026-11-24T10:00:00Z) literal: V4 writes them bare.
    if (pos_ + 10 <= s_.size() && is_digit(s_[pos_]) && s_[pos_ + 4] == '-' && s_[pos_ + 7] == '-') {
      while (pos_ < s_.size() && (is_digit(s_[pos_]) || s_[pos_] == '-' || s_[pos_] == ':' || s_[pos_] == '.' ||
                                  s_[pos_] == 'T' || s_[pos_] == 'Z' || s_[pos_] == '+'))
        ++pos_;
      t.kind = Tok::datetime;
      t.text = t.raw = std::string(s_.substr(start, pos_ - start));
      return t;
    }
    if (s_[pos_] == '-' || s_[pos_] == '+') ++pos_;
    while (pos_ < s_.size() && (is_digit(s_[pos_]) || s_[pos_] == '.')) ++pos_;
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '-' || s_[pos_] == '+')) ++pos_;
      while (pos_ < s_.size() && is_digit(s_[pos_])) ++pos_;
    }
    const std::size_t digits_end = pos_;
    if (pos_ < s_.size() && std::string_view("MmLlDdFf").find(s_[pos_]) != std::string_view::npos) ++pos_;
    if (pos_ < s_.size() && (is_letter(s_[pos_]) || is_digit(s_[pos_])))
      syntax(option_, fmt::format("malformed number '{}' at offset {}", s_.substr(start, pos_ + 1 - start), start));
    t.kind = Tok::number;
    t.text = std::string(s_.substr(start, digits_end - start));
    t.raw = std::string(s_.substr(start, pos_ - start));
    if (!is_number_text(t.text)) syntax(option_, fmt::format("malformed number '{}' at offset {}", t.raw, start));
    return t;
  }

  std::string_view s_;
  std::string_view option_;
  std::size_t pos_ = 0;
};

bool has_zone(std::string_view text) {
  if (text.size() <= 19) return false;
  return text.back() == 'Z' || text.back() == 'z' || text.find_first_of("+-", 19) != std::string_view::npos;
}

class FilterParser {
 public:
  FilterParser(std::string_view text, ODataVersion version) : lexer_(text, "$filter"), version_(version) {
    advance();
  }

  FilterNode parse() {
    FilterNode node = disjunction();
    if (tok_.kind != Tok::end) unexpected("and, or or the end of the expression");
    return node;
  }

 private:
  void advance() { tok_ = lexer_.next(); }
  bool keyword(std::string_view word) const { return tok_.kind == Tok::ident && iequals_ascii(tok_.text, word); }

  [[noreturn]] void unexpected(std::string_view expected) const {
    if (tok_.kind == Tok::end) syntax("$filter", fmt::format("expected {} at the end of the expression", expected));
    syntax("$filter", fmt::format("expected {} but found '{}' at offset {}", expected, tok_.raw, tok_.position));
  }

  FilterNode combine(FilterNode::Kind kind, FilterNode first, std::string_view word,
                     FilterNode (FilterParser::*operand)()) {
    if (!keyword(word)) return first;
    FilterNode node;
    node.kind = kind;
    node.children.push_back(std::move(first));
    while (keyword(word)) {
      advance();
      node.children.push_back((this->*operand)());
    }
    return node;
  }

  FilterNode disjunction() { return combine(FilterNode::Kind::any_of, conjunction(), "or", &FilterParser::conjunction); }
  FilterNode conjunction() { return combine(FilterNode::Kind::all_of, unary(), "and", &FilterParser::unary); }

  FilterNode unary() {
    if (keyword("not")) {
      advance();
      FilterNode node;
      node.kind = FilterNode::Kind::negation;
      node.children.push_back(unary());
      return node;
    }
    if (tok_.kind == Tok::lparen) {
      advance();
      FilterNode inner = disjunction();
      if (tok_.kind != Tok::rparen) unexpected("')'");
      advance();
      return inner;
    }
    return comparison();
  }

  std::optional<CompareOp> comparison_op() const {
    static const std::pair<const char*, CompareOp> kOps[] = {{"eq", CompareOp::eq}, {"ne", CompareOp::ne},
                                                             {"gt", CompareOp::gt}, {"ge", CompareOp::ge},
                                                             {"lt", CompareOp::lt}, {"le", CompareOp::le}};
    for (const auto& [word, op] : kOps)
      if (keyword(word)) return op;
    return std::nullopt;
  }

  static CompareOp mirrored(CompareOp op) {
    switch (op) {
      case CompareOp::gt: return CompareOp::lt;
      case CompareOp::ge: return CompareOp::le;
      case CompareOp::lt: return CompareOp::gt;
      case CompareOp::le: return CompareOp::ge;
      default: return op;
    }
  }

  FilterNode comparison() {
    const Token left = tok_;
    advance();
    if (left.kind == Tok::ident && tok_.kind == Tok::lparen)
      syntax("$filter", fmt::format("function '{}' at offset {} is not supported (supported: eq ne gt ge lt le and "
                                    "or not and parentheses)", left.text, left.position));
    const auto op = comparison_op();
    FilterNode node;
    if (!op) {  // a Boolean property alone: BillingDocumentIsCancelled
      if (left.kind != Tok::ident || is_constant(left)) unexpected("a comparison operator (eq ne gt ge lt le)");
      node.property = left.text;
      node.property_position = left.position;
      node.literal.kind = Literal::Kind::boolean;
      node.literal.flag = true;
      node.literal.raw = "true";
      return node;
    }
    advance();
    const Token right = tok_;
    if (right.kind == Tok::end || right.kind == Tok::rparen || right.kind == Tok::comma || right.kind == Tok::lparen)
      unexpected(fmt::format("a value after '{}'", op_name(*op)));
    advance();
    const bool left_is_property = left.kind == Tok::ident && !is_constant(left);
    const bool right_is_property = right.kind == Tok::ident && !is_constant(right);
    if (left_is_property == right_is_property)
      syntax("$filter", fmt::format("'{} {} {}' at offset {} must compare one property with one literal", left.raw,
                                    op_name(*op), right.raw, left.position));
    const Token& property = left_is_property ? left : right;
    node.property = property.text;
    node.property_position = property.position;
    node.op = left_is_property ? *op : mirrored(*op);
    node.literal = literal(left_is_property ? right : left);
    return node;
  }

  static bool is_constant(const Token& t) {
    return iequals_ascii(t.text, "true") || iequals_ascii(t.text, "false") || iequals_ascii(t.text, "null");
  }

  Literal literal(const Token& t) const {
    Literal lit;
    lit.raw = t.raw;
    lit.position = t.position;
    switch (t.kind) {
      case Tok::string:
        lit.kind = Literal::Kind::string;
        lit.text = t.text;
        return lit;
      case Tok::number: return number(t, std::move(lit));
      case Tok::typed: return typed(t, std::move(lit));
      case Tok::datetime: return bare_datetime(t, std::move(lit));
      case Tok::ident:
        if (iequals_ascii(t.text, "null")) return lit;
        lit.kind = Literal::Kind::boolean;
        lit.flag = iequals_ascii(t.text, "true");
        return lit;
      default: break;
    }
    syntax("$filter", fmt::format("'{}' at offset {} is not a literal", t.raw, t.position));
  }

  Literal number(const Token& t, Literal lit) const {
    lit.kind = Literal::Kind::number;
    lit.text = t.text;
    if (t.raw.size() > t.text.size()) {
      lit.suffix = static_cast<char>(to_upper_ascii(t.raw.substr(t.text.size()))[0]);
      if (version_ == ODataVersion::v4)
        syntax("$filter", fmt::format("number '{}' at offset {}: the type suffix '{}' is OData V2 syntax; V4 writes "
                                      "the number alone", t.raw, t.position, lit.suffix));
    }
    return lit;
  }

  Literal typed(const Token& t, Literal lit) const {
    const bool offset = t.prefix == "datetimeoffset";
    if (t.prefix != "datetime" && !offset)
      syntax("$filter", fmt::format("literal {} at offset {}: the type prefix '{}' is not supported", t.raw,
                                    t.position, t.prefix));
    if (version_ == ODataVersion::v4)
      syntax("$filter", fmt::format("literal {} at offset {} is OData V2 syntax; V4 writes date-times without "
                                    "quotes, e.g. 2026-11-24T10:00:00Z", t.raw, t.position));
    std::string text = t.text;
    if (text.size() == 16) text += ":00";   // datetime'2026-11-24T10:00'
    const auto time = text.size() >= 19 && text[10] == 'T' ? try_parse_timestamp(text) : std::nullopt;
    if (!time || has_zone(text) != offset)
      syntax("$filter",
             fmt::format("literal {} at offset {} is not a valid {}{}{}", t.raw, t.position, t.prefix,
                         offset ? " (expected e.g. datetimeoffset'2026-11-24T10:00:00Z' or '...+01:00')"
                                : " (expected e.g. datetime'2026-11-24T10:00:00', UTC without a zone)",
                         t.text.find(' ') != std::string::npos ? "; a '+' sent unencoded in the URL reads as a space"
                                                               : ""));
    lit.kind = offset ? Literal::Kind::datetimeoffset : Literal::Kind::datetime;
    lit.time = SimTime{time->time_since_epoch()};
    return lit;
  }

  Literal bare_datetime(const Token& t, Literal lit) const {
    if (version_ == ODataVersion::v2)
      syntax("$filter", fmt::format("'{}' at offset {}: OData V2 writes date-times as datetimeoffset'...' or "
                                    "datetime'...'", t.raw, t.position));
    if (t.text.size() == 10) {
      const auto date = try_parse_date(t.text);
      if (!date) syntax("$filter", fmt::format("'{}' at offset {} is not a valid date", t.raw, t.position));
      lit.kind = Literal::Kind::date;
      lit.date = SimDate{std::chrono::sys_days{*date}};
      return lit;
    }
    const auto time = try_parse_timestamp(t.text);
    if (!time || !has_zone(t.text) || t.text[10] != 'T')
      syntax("$filter", fmt::format("'{}' at offset {} is not a valid Edm.DateTimeOffset (expected e.g. "
                                    "2026-11-24T10:00:00Z or ...+01:00, encoded as %2B in the URL)", t.raw, t.position));
    lit.kind = Literal::Kind::datetimeoffset;
    lit.time = SimTime{time->time_since_epoch()};
    return lit;
  }

  Lexer lexer_;
  ODataVersion version_;
  Token tok_;
};

}  // namespace

const char* op_name(CompareOp op) {
  switch (op) {
    case CompareOp::eq: return "eq";
    case CompareOp::ne: return "ne";
    case CompareOp::gt: return "gt";
    case CompareOp::ge: return "ge";
    case CompareOp::lt: return "lt";
    case CompareOp::le: return "le";
  }
  return "?";
}

FilterNode parse_filter(std::string_view text, ODataVersion version) {
  if (trim(text).empty()) syntax("$filter", "the expression is empty");
  return FilterParser(text, version).parse();
}

std::vector<OrderKey> parse_orderby(std::string_view text) {
  Lexer lexer(text, "$orderby");
  std::vector<OrderKey> keys;
  Token t = lexer.next();
  while (true) {
    if (t.kind != Tok::ident)
      syntax("$orderby", t.kind == Tok::end ? std::string("expected a property at the end")
                                            : fmt::format("expected a property but found '{}' at offset {}", t.raw,
                                                          t.position));
    OrderKey key{t.text, false, t.position};
    t = lexer.next();
    if (t.kind == Tok::ident && (iequals_ascii(t.text, "asc") || iequals_ascii(t.text, "desc"))) {
      key.descending = iequals_ascii(t.text, "desc");
      t = lexer.next();
    }
    keys.push_back(std::move(key));
    if (t.kind == Tok::end) return keys;
    if (t.kind != Tok::comma)
      syntax("$orderby", fmt::format("expected ',', asc or desc but found '{}' at offset {}", t.raw, t.position));
    t = lexer.next();
  }
}

}  // namespace o2c::sim::sap
