#include "reports/report_text.h"

#include <fmt/format.h>

#include <chrono>

#include "core/text.h"
#include "reports/reports.h"

namespace o2c::reports {

namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  return len > 0 && i + len <= s.size() && is_valid_utf8(s.substr(i, len)) ? len : 0;
}

std::string group_thousands(std::string_view digits) {
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

}  // namespace

std::string valid_utf8(std::string_view text) {
  if (is_valid_utf8(text)) return std::string(text);
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t len = utf8_sequence(text, i);
    if (len == 0) {
      out.append("\xEF\xBF\xBD");
      ++i;
    } else {
      out.append(text.substr(i, len));
      i += len;
    }
  }
  return out;
}

std::string html_escape(std::string_view text) {
  const std::string clean = valid_utf8(text);
  std::string out;
  out.reserve(clean.size() + 16);
  for (char c : clean) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string csv_field(std::string_view text) {
  const std::string clean = valid_utf8(text);
  if (clean.find_first_of(",\"\r\n") == std::string::npos) return clean;
  std::string out = "\"";
  for (char c : clean) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string csv_text_field(std::string_view text) {
  const bool formula_like = !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
  return csv_field(formula_like ? "'" + std::string(text) : std::string(text));
}

std::string format_amount(const Money& m) {
  const std::string decimal = m.to_decimal();
  const bool negative = !decimal.empty() && decimal.front() == '-';
  const std::string_view unsigned_part = std::string_view(decimal).substr(negative ? 1 : 0);
  const std::size_t dot = unsigned_part.find('.');
  const std::string whole = group_thousands(unsigned_part.substr(0, dot));
  const std::string_view fraction = dot == std::string_view::npos ? "" : unsigned_part.substr(dot);
  return fmt::format("{}{}{} {}", negative ? "-" : "", whole, fraction, m.currency().code());
}

std::string format_age(int days) { return days >= 0 ? fmt::format("{} d", days) : fmt::format("in {} d", -days); }

std::string format_time(Timestamp t) {
  const std::string iso = to_iso8601_seconds(t);  // 2026-11-24T07:00:00Z
  return fmt::format("{} {} UTC", iso.substr(0, 10), iso.substr(11, 5));
}

std::string format_day(Date d) {
  static constexpr std::string_view kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::chrono::weekday wd{std::chrono::sys_days{d}};
  return fmt::format("{} {} {} {}", kDays[wd.c_encoding()], static_cast<unsigned>(d.day()),
                     kMonths[static_cast<unsigned>(d.month()) - 1], static_cast<int>(d.year()));
}

std::string evidence_label(std::string_view name) {
  std::string out(name);
  for (char& c : out)
    if (c == '_') c = ' ';
  return out;
}

std::string evidence_line(const std::vector<schema::EvidenceItem>& evidence) {
  std::string out;
  for (const auto& e : evidence) out += fmt::format("{}{}={}", out.empty() ? "" : "; ", e.name, e.value);
  return out;
}

}  // namespace o2c::reports
