// connectors/cursor.cpp — Cursor as text ("since=...;id=...;hw=...;started=...")
// and the rule that turns a finished pass into the start of the next one.
#include <algorithm>

#include <fmt/format.h>

#include "connectors/source.h"
#include "core/error.h"

namespace o2c::connectors {

std::string Cursor::to_text() const {
  std::string out;
  const auto part = [&out](std::string_view key, const std::string& value) {
    if (value.empty()) return;
    if (!out.empty()) out += ';';
    out += fmt::format("{}={}", key, value);
  };
  part("since", since ? to_iso8601(*since) : "");
  part("id", tie_break_id);
  part("hw", high_water ? to_iso8601(*high_water) : "");
  part("started", pass_started ? to_iso8601(*pass_started) : "");
  return out;
}

Cursor Cursor::parse(std::string_view text) {
  Cursor c;
  const auto bad = [text](std::string_view why) -> Error {
    return Error(Error::Kind::store, fmt::format("stored sync cursor '{}' is unreadable: {}", text.substr(0, 200), why));
  };
  while (!text.empty()) {
    const auto semi = text.find(';');
    const std::string_view part = text.substr(0, semi);
    text = semi == std::string_view::npos ? std::string_view{} : text.substr(semi + 1);
    const auto eq = part.find('=');
    if (eq == std::string_view::npos) throw bad(fmt::format("'{}' is not key=value", part));
    const std::string_view key = part.substr(0, eq), value = part.substr(eq + 1);
    const auto time = [&]() {
      const auto t = try_parse_timestamp(value);
      if (!t) throw bad(fmt::format("{} is not a timestamp", key));
      return *t;
    };
    if (key == "since") c.since = time();
    else if (key == "id") c.tie_break_id = std::string(value);
    else if (key == "hw") c.high_water = time();
    else if (key == "started") c.pass_started = time();
    else throw bad(fmt::format("unknown part '{}'", key));
  }
  return c;
}

Cursor Cursor::next_pass(std::chrono::seconds lookback) const {
  std::optional<Timestamp> base = high_water;
  if (pass_started) base = base ? std::min(*base, *pass_started) : *pass_started;
  Cursor next;
  next.since = base ? std::optional<Timestamp>(*base - lookback) : since;
  return next;
}

long Cursor::advance(const std::vector<RawRecord>& records, bool (*keyed)(std::string_view)) {
  long defects = 0;
  for (const auto& record : records) {
    if (keyed(record.id)) tie_break_id = record.id;
    if (!record.defect.empty()) {
      ++defects;
      continue;
    }
    if (!high_water || *high_water < record.modified) high_water = record.modified;
  }
  return defects;
}

}  // namespace o2c::connectors
