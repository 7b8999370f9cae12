// sim/salesforce/soql_lexer.h
// SOQL tokenizer: identifiers (keywords are identifiers, the parser decides by
// context, so an object named Order still works), string literals with
// backslash escapes, numbers, and unquoted date / datetime literals checked
// strictly: YYYY-MM-DD and YYYY-MM-DDThh:mm:ss[.sss](Z|+hh:mm|-hh:mm).
// Anything else is MALFORMED_QUERY naming the token and its position.
#pragma once

#include <string_view>
#include <vector>

#include "sim/salesforce/soql_ast.h"

namespace o2c::sim::salesforce::soql {

enum class TokenKind { identifier, literal, comma, dot, open_paren, close_paren, op, end };

struct Token {
  TokenKind kind = TokenKind::end;
  std::string text;          // as written ("<EOF>" for end)
  std::size_t position = 0;  // 1-based
  Literal literal;           // TokenKind::literal (identifier true/false/null are literals too)
};

// Throws ApiError(400, MALFORMED_QUERY) on the first bad token.
std::vector<Token> tokenize(std::string_view soql);

bool is_keyword(const Token& t, std::string_view upper_keyword);

}  // namespace o2c::sim::salesforce::soql
