#include "sim/salesforce/soql_lexer.h"

#include <fmt/format.h>

#include "core/text.h"
#include "sim/salesforce/salesforce_error.h"

namespace o2c::sim::salesforce::soql {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ident_char(char c) { return is_alpha(c) || is_digit(c) || c == '_'; }
bool is_value_char(char c) { return is_ident_char(c) || c == '.' || c == ':' || c == '+' || c == '-'; }

// Exactly n digits at s[pos..]; -1 otherwise.
int digits_at(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (!is_digit(s[i])) return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

std::optional<SimDate> strict_date(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  const int y = digits_at(s, 0, 4), m = digits_at(s, 5, 2), d = digits_at(s, 8, 2);
  if (y < 0 || m < 1 || d < 1) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                        std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return SimDate{ymd};
}

// YYYY-MM-DDThh:mm:ss[.s{1,3}](Z|+hh:mm|-hh:mm), nothing else.
std::optional<SimTime> strict_datetime(std::string_view s) {
  using namespace std::chrono;
  const auto day = strict_date(s);
  if (!day || s.size() < 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':') return std::nullopt;
  const int hh = digits_at(s, 11, 2), mi = digits_at(s, 14, 2), ss = digits_at(s, 17, 2);
  if (hh < 0 || hh > 23 || mi < 0 || mi > 59 || ss < 0 || ss > 59) return std::nullopt;
  SimTime t = time_point_cast<milliseconds>(*day) + hours{hh} + minutes{mi} + seconds{ss};
  std::size_t pos = 19;
  if (s[pos] == '.') {
    int ms = 0, n = 0;
    for (++pos; pos < s.size() && is_digit(s[pos]) && n < 3; ++pos, ++n) ms = ms * 10 + (s[pos] - '0');
    if (n == 0) return std::nullopt;
    for (; n < 3; ++n) ms *= 10;
    t += milliseconds{ms};
  }
  const std::string_view zone = s.substr(pos);
  if (zone == "Z") return t;
  if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':') return std::nullopt;
  const int zh = digits_at(zone, 1, 2), zm = digits_at(zone, 4, 2);
  if (zh < 0 || zh > 23 || zm < 0 || zm > 59) return std::nullopt;
  const minutes offset{(zone[0] == '-' ? -1 : 1) * (zh * 60 + zm)};
  return t - offset;
}

bool is_decimal_number(std::string_view s) {
  std::size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  const std::size_t int_start = i;
  while (i < s.size() && is_digit(s[i])) ++i;
  if (i == int_start) return false;
  if (i < s.size() && s[i] == '.') {
    const std::size_t frac_start = ++i;
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i == frac_start) return false;
  }
  return i == s.size();
}

// A run of value characters starting with a digit or a sign: number, date or datetime.
Literal classify_value(std::string_view run, std::size_t position) {
  Literal lit;
  lit.raw = std::string(run);
  lit.position = position;
  if (is_decimal_number(run)) {
    lit.kind = LiteralKind::number;
    lit.text = std::string(run[0] == '+' ? run.substr(1) : run);
    return lit;
  }
  const bool date_shaped = run.size() >= 10 && run[4] == '-' && run[7] == '-' && digits_at(run, 0, 4) >= 0;
  if (date_shaped && run.size() == 10) {
    const auto d = strict_date(run);
    if (!d) throw_malformed(fmt::format("invalid date literal '{}': expected YYYY-MM-DD", run), position);
    lit.kind = LiteralKind::date;
    lit.date = *d;
    return lit;
  }
  if (date_shaped) {
    const auto t = strict_datetime(run);
    if (!t)
      throw_malformed(fmt::format("invalid datetime literal '{}': expected YYYY-MM-DDThh:mm:ss[.sss] followed by "
                                  "Z, +hh:mm or -hh:mm",
                                  run),
                      position);
    lit.kind = LiteralKind::datetime;
    lit.time = *t;
    return lit;
  }
  throw_unexpected_token(run, position);
}

void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// \n \r \t \b \f (either case), \" and \' → the character; 0 for any other escape.
char simple_escape(char e) {
  switch (e) {
    case 'n':
    case 'N': return '\n';
    case 'r':
    case 'R': return '\r';
    case 't':
    case 'T': return '\t';
    case 'b':
    case 'B': return '\b';
    case 'f':
    case 'F': return '\f';
    case '"':
    case '\'': return e;
    default: return 0;
  }
}

int hex_value(char h) {
  if (is_digit(h)) return h - '0';
  if (h >= 'a' && h <= 'f') return h - 'a' + 10;
  if (h >= 'A' && h <= 'F') return h - 'A' + 10;
  return -1;
}

// The code point of the 4 hex digits after s[u] == 'u'.
unsigned read_hex4(std::string_view s, std::size_t u) {
  unsigned cp = 0;
  for (std::size_t k = u + 1; k <= u + 4; ++k) {
    const int v = k < s.size() ? hex_value(s[k]) : -1;
    if (v < 0) throw_malformed("invalid unicode escape in string literal", u);
    cp = cp * 16 + static_cast<unsigned>(v);
  }
  return cp;
}

// Reads '...' starting at s[start] == '\''; returns the index after the closing quote.
std::size_t read_string(std::string_view s, std::size_t start, Literal& lit) {
  lit.kind = LiteralKind::string;
  lit.position = start + 1;
  std::size_t i = start + 1;
  for (; i < s.size() && s[i] != '\''; ++i) {
    if (s[i] != '\\') {
      lit.text.push_back(s[i]);
      lit.like_pattern.push_back(s[i]);
      continue;
    }
    if (i + 1 >= s.size()) break;
    const char e = s[++i];
    if (e == '\\' || e == '%' || e == '_') {  // LIKE keeps these escaped
      lit.text.push_back(e);
      lit.like_pattern += {'\\', e};
    } else if (e == 'u') {
      const unsigned cp = read_hex4(s, i);
      i += 4;
      append_utf8(lit.text, cp);
      append_utf8(lit.like_pattern, cp);
    } else if (const char decoded = simple_escape(e)) {
      lit.text.push_back(decoded);
      lit.like_pattern.push_back(decoded);
    } else {
      throw_malformed(fmt::format("invalid escape sequence '\\{}' in string literal", e), i);
    }
  }
  if (i >= s.size()) throw_malformed("unterminated string literal", start + 1);
  lit.raw = std::string(s.substr(start, i + 1 - start));
  return i + 1;
}

Token make(TokenKind kind, std::string_view text, std::size_t index) {
  Token t;
  t.kind = kind;
  t.text = std::string(text);
  t.position = index + 1;
  return t;
}

Token word_token(std::string_view word, std::size_t index) {
  Token t = make(TokenKind::identifier, word, index);
  const std::string upper = to_upper_ascii(word);
  if (upper == "NULL" || upper == "TRUE" || upper == "FALSE") {
    t.kind = TokenKind::literal;
    t.literal.kind = upper == "NULL" ? LiteralKind::null : LiteralKind::boolean;
    t.literal.boolean = upper == "TRUE";
    t.literal.raw = t.text;
    t.literal.position = t.position;
  }
  return t;
}

// Operator at s[i], or "" when there is none.
std::string_view operator_at(std::string_view s, std::size_t i) {
  const std::string_view two = s.substr(i, 2);
  if (two == "!=" || two == "<>" || two == "<=" || two == ">=") return two;
  if (s[i] == '=' || s[i] == '<' || s[i] == '>') return s.substr(i, 1);
  return {};
}

}  // namespace

bool is_keyword(const Token& t, std::string_view upper_keyword) {
  return t.kind == TokenKind::identifier && to_upper_ascii(t.text) == upper_keyword;
}

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else if (is_alpha(c) || c == '_') {
      std::size_t j = i;
      while (j < s.size() && is_ident_char(s[j])) ++j;
      tokens.push_back(word_token(s.substr(i, j - i), i));
      i = j;
    } else if (is_digit(c) || ((c == '-' || c == '+') && i + 1 < s.size() && is_digit(s[i + 1]))) {
      std::size_t j = i + 1;
      while (j < s.size() && is_value_char(s[j])) ++j;
      Token t = make(TokenKind::literal, s.substr(i, j - i), i);
      t.literal = classify_value(t.text, t.position);
      tokens.push_back(std::move(t));
      i = j;
    } else if (c == '\'') {
      Token t = make(TokenKind::literal, "", i);
      const std::size_t next = read_string(s, i, t.literal);
      t.text = t.literal.raw;
      tokens.push_back(std::move(t));
      i = next;
    } else if (const auto op = operator_at(s, i); !op.empty()) {
      tokens.push_back(make(TokenKind::op, op, i));
      i += op.size();
    } else if (c == ',' || c == '.' || c == '(' || c == ')') {
      const TokenKind kind = c == ','   ? TokenKind::comma
                             : c == '.' ? TokenKind::dot
                             : c == '(' ? TokenKind::open_paren
                                        : TokenKind::close_paren;
      tokens.push_back(make(kind, s.substr(i, 1), i));
      ++i;
    } else {
      throw_unexpected_token(s.substr(i, 1), i + 1);
    }
  }
  tokens.push_back(make(TokenKind::end, "<EOF>", s.size()));
  return tokens;
}

}  // namespace o2c::sim::salesforce::soql
