// DATA_INVALID: records that could not be read. They do not exist for the
// other rules (the ledger drops them); here each becomes one exception.
#include <fmt/format.h>

#include <map>

#include "core/text.h"
#include "reconcile/exception_builder.h"
#include "reconcile/rules.h"

namespace o2c::reconcile {

namespace {

// Evidence ends up in the database, JSON and HTML: invalid UTF-8 (a planted
// PoNumber holds some) becomes U+FFFD so the text survives all three.
std::string valid_utf8(std::string_view s) {
  if (is_valid_utf8(s)) return std::string(s);
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len > 0 && i + len <= s.size() && is_valid_utf8(s.substr(i, len))) {
      out.append(s.substr(i, len));
      i += len;
    } else {
      out.append("\xEF\xBF\xBD");
      ++i;
    }
  }
  return out;
}

schema::ExceptionItem first_item(const schema::InvalidRecord& r, std::string key) {
  schema::ExceptionItem item;
  item.kind = schema::ExceptionKind::data_invalid;
  item.rule = "data.unreadable_record";
  item.record_key = std::move(key);
  add_evidence(item, "rule", item.rule);
  add_evidence(item, "record", valid_utf8(item.record_key));
  if (!r.excerpt.empty()) add_evidence(item, "excerpt", valid_utf8(r.excerpt));
  return item;
}

}  // namespace

std::size_t report_invalid_records(const std::vector<schema::InvalidRecord>& invalid,
                                   std::vector<schema::ExceptionItem>& out) {
  std::map<std::string, schema::ExceptionItem> by_record;
  for (const auto& r : invalid) {
    std::string key = fmt::format("{}/{}/{}", r.source, r.object, r.external_id);
    auto it = by_record.find(key);
    if (it == by_record.end()) it = by_record.emplace(key, first_item(r, key)).first;
    const std::string problem = r.field.empty() ? r.reason : fmt::format("{}: {}", r.field, r.reason);
    add_evidence(it->second, "problem", valid_utf8(problem));
  }
  for (auto& [key, item] : by_record) out.push_back(std::move(item));
  return by_record.size();
}

}  // namespace o2c::reconcile
