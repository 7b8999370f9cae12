// daemon/config/settings.cpp — parsing and describing one setting value
// (see settings.h). Messages name what was expected; a secret's text is
// never part of a message.
#include "daemon/config/settings.h"

#include <charconv>
#include <cmath>

#include <date/tz.h>
#include <fmt/ranges.h>

#include "core/error.h"
#include "core/time.h"

namespace o2c::config {
namespace {

using Outcome = std::variant<ParsedValue, std::string>;

bool is_email(std::string_view s) {
  const auto at = s.find('@');
  if (at == 0 || at == std::string_view::npos || s.find('@', at + 1) != std::string_view::npos) return false;
  const std::string_view domain = s.substr(at + 1);
  const auto dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 >= domain.size()) return false;
  return std::none_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == ',' || c == ';' || c == '<'; });
}

bool is_decimal(std::string_view s) {
  const auto dot = s.find('.');
  const std::string_view whole = s.substr(0, dot), frac = dot == std::string_view::npos ? "" : s.substr(dot + 1);
  auto digits = [](std::string_view d) { return std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; }); };
  return !whole.empty() && digits(whole) && digits(frac) && (dot == std::string_view::npos || !frac.empty()) &&
         whole.size() <= 12 && frac.size() <= 6;
}

Outcome parse_number(const SettingInfo& info, const std::string& text) {
  double value = 0;
  if (info.type == SettingType::integer) {
    int n = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc{} || p != text.data() + text.size()) return fmt::format("expected a whole number, got '{}'", text);
    value = n;
  } else {
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || p != text.data() + text.size() || !std::isfinite(value))
      return fmt::format("expected a number, got '{}'", text);
  }
  if (info.max > info.min && (value < info.min || value > info.max))
    return fmt::format("{} is out of range ({} to {})", text, info.min, info.max);
  if (info.type == SettingType::integer) return ParsedValue{static_cast<int>(value)};
  return ParsedValue{value};
}

}  // namespace

Outcome parse_setting_text(const SettingInfo& info, const std::string& text) {
  switch (info.type) {
    case SettingType::text:
      if (text.empty()) return std::string("must not be empty");
      return ParsedValue{text};
    case SettingType::integer:
    case SettingType::number: return parse_number(info, text);
    case SettingType::duration:
      try {
        const auto d = parse_duration(text);
        if (d.count() <= 0) return std::string("must be longer than 0s");
        return ParsedValue{d};
      } catch (const Error&) {
        return fmt::format("invalid duration '{}' (expected e.g. 90s, 15m, 2h, 30d)", text);
      }
    case SettingType::boolean:
      if (text == "true" || text == "yes" || text == "on") return ParsedValue{true};
      if (text == "false" || text == "no" || text == "off") return ParsedValue{false};
      return fmt::format("expected true or false, got '{}'", text);
    case SettingType::secret:
      if (!SecretRef::looks_like_reference(text))
        return std::string("secrets must be references (env:NAME, file:/path or credential:NAME), not literal "
                           "values; the value written here was not read into any message or log");
      try {
        return ParsedValue{SecretRef::parse(text)};
      } catch (const Error&) {
        return std::string("empty secret reference (use env:NAME, file:/path or credential:NAME)");
      }
    case SettingType::choice:
      if (std::find(info.choices.begin(), info.choices.end(), text) == info.choices.end())
        return fmt::format("'{}' is not one of {}{}", text, fmt::join(info.choices, ", "),
                           suggestion_suffix(text, info.choices));
      return ParsedValue{text};
    case SettingType::path:
      if (text.empty()) return std::string("must not be empty");
      return ParsedValue{std::filesystem::path(text)};
    case SettingType::url:
      if (!text.starts_with("https://") && !text.starts_with("http://") && !text.starts_with("sqlite://") &&
          !text.starts_with("postgresql://"))
        return fmt::format("'{}' is not a URL (expected https://...)", text);
      return ParsedValue{text};
    case SettingType::time_of_day:
      if (text.size() != 5 || text[2] != ':' || !std::isdigit(static_cast<unsigned char>(text[0])) ||
          !std::isdigit(static_cast<unsigned char>(text[1])) || !std::isdigit(static_cast<unsigned char>(text[3])) ||
          !std::isdigit(static_cast<unsigned char>(text[4])) || std::stoi(text.substr(0, 2)) > 23 ||
          std::stoi(text.substr(3, 2)) > 59)
        return fmt::format("'{}' is not a time of day (expected HH:MM, e.g. \"07:00\")", text);
      return ParsedValue{text};
    case SettingType::timezone:
      try {
        (void)date::locate_zone(text);
        return ParsedValue{text};
      } catch (const std::exception&) {
        return fmt::format("unknown time zone '{}' (expected an IANA name such as Europe/Paris or UTC)", text);
      }
    case SettingType::decimal:
      if (!is_decimal(text)) return fmt::format("'{}' is not a non-negative decimal (expected e.g. \"0.01\")", text);
      return ParsedValue{text};
    case SettingType::list:
    case SettingType::email_list: {
      if (text.empty()) return ParsedValue{std::vector<std::string>{}};
      if (info.type == SettingType::email_list && !is_email(text))
        return fmt::format("'{}' is not an e-mail address", text);
      return ParsedValue{std::vector<std::string>{text}};
    }
  }
  return std::string("unsupported setting type");
}

Outcome parse_setting(const SettingInfo& info, const YAML::Node& node) {
  if (info.type == SettingType::list || info.type == SettingType::email_list) {
    if (node.IsScalar()) return parse_setting_text(info, node.Scalar());
    if (!node.IsSequence()) return std::string("expected a list, e.g. [a, b]");
    std::vector<std::string> items;
    for (const auto& item : node) {
      if (!item.IsScalar()) return std::string("expected a list of plain values");
      if (info.type == SettingType::email_list && !is_email(item.Scalar()))
        return fmt::format("'{}' is not an e-mail address", item.Scalar());
      items.push_back(item.Scalar());
    }
    return ParsedValue{std::move(items)};
  }
  if (!node.IsScalar()) return std::string("expected a single value, not a list or map");
  return parse_setting_text(info, node.Scalar());
}

std::string describe_type(const SettingInfo& info) {
  auto range = [&](const char* what) {
    return info.max > info.min ? fmt::format("{} {}–{}", what, info.min, info.max) : std::string(what);
  };
  switch (info.type) {
    case SettingType::text: return "text";
    case SettingType::integer: return range("integer");
    case SettingType::number: return range("number");
    case SettingType::duration: return "duration (90s, 15m, 2h, 30d)";
    case SettingType::boolean: return "true / false";
    case SettingType::secret: return "secret reference (env:, file:, credential:)";
    case SettingType::choice: return fmt::format("one of {}", fmt::join(info.choices, ", "));
    case SettingType::list: return "list of text";
    case SettingType::path: return "path";
    case SettingType::url: return "URL";
    case SettingType::time_of_day: return "time HH:MM";
    case SettingType::timezone: return "IANA time zone";
    case SettingType::decimal: return "decimal text";
    case SettingType::email_list: return "list of e-mail addresses";
  }
  return "text";
}

}  // namespace o2c::config
