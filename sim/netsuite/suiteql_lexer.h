// sim/netsuite/suiteql_lexer.h
// SuiteQL tokens with their byte positions: identifiers (keywords are
// identifiers compared case-insensitively by the parser), "quoted
// identifiers", 'strings' with '' escapes, numbers, operators. Skips
// whitespace and -- / /* */ comments. Throws QueryError on a stray character
// or an unterminated string.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace o2c::sim::netsuite {

enum class TokenKind { identifier, quoted_identifier, string, number, symbol, end };

struct Token {
  TokenKind kind = TokenKind::end;
  std::string text;  // identifier as written, string unescaped, symbol text
  std::size_t position = 0;
};

std::vector<Token> tokenize(std::string_view query);

// Case-insensitive ASCII comparison (keywords, table and column names).
bool iequals(std::string_view a, std::string_view b);

}  // namespace o2c::sim::netsuite
