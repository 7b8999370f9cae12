// core/text.h — small text helpers shared by config, mapping and reports:
// did-you-mean suggestions, UTF-8 validation, ASCII case folding, JSON
// string literals.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace o2c {

// Edit distance (Levenshtein, case-insensitive).
std::size_t edit_distance(std::string_view a, std::string_view b);
// The closest candidate within a distance that scales with the word's length,
// or "" when nothing is close enough to suggest.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);
// "; did you mean 'x'?" or "" — ready to append to an error message.
std::string suggestion_suffix(std::string_view word, const std::vector<std::string>& candidates);

bool is_valid_utf8(std::string_view s);
// Offset of the first byte that is not part of a well-formed UTF-8 sequence
// (overlongs, surrogates and code points above U+10FFFF included), or npos.
std::size_t first_invalid_utf8(std::string_view s);
// Replaces each such byte by '?', in place: same length, so byte offsets into
// the text still match the original (connectors cut records by offset).
void replace_invalid_utf8(char* data, std::size_t size);
std::string to_upper_ascii(std::string_view s);
std::string to_lower_ascii(std::string_view s);
// Equal when ASCII letters are folded (header names, JSON keys).
bool iequals_ascii(std::string_view a, std::string_view b);
std::string_view trim(std::string_view s);

// Appends `s` as a JSON string literal: escapes '"', '\\' and control
// characters; every other byte is copied as is — valid UTF-8 or not (the
// simulators plant invalid UTF-8 on purpose, and real systems have sent it).
// Writes into `out` without a temporary: connectors and simulators build
// pages of thousands of records with it.
void append_json_string(std::string& out, std::string_view s);

}  // namespace o2c
