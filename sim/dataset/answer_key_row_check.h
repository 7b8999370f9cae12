// sim/dataset/answer_key_row_check.h — reading one served row the way a
// mapping does: each value must have the type and content the mapping's
// expression accepts, else the whole record is DATA_INVALID. Internal to the
// answer key (answer_key_records.cpp).
#pragma once

#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "core/error.h"
#include "core/money.h"
#include "core/text.h"
#include "sim/dataset/answer_key_records.h"

namespace o2c::sim::dataset {

inline constexpr std::size_t kMaxTextBytes = 64 * 1024;  // the mapping's limit for a text value

// Column positions looked up once per table (names as the mappings spell them).
class Columns {
 public:
  explicit Columns(const SimTable& table) : table_(table) {}
  std::size_t operator[](std::string_view name) const {
    const auto col = table_.column_index(name, true);
    if (!col) throw Error(Error::Kind::internal, fmt::format("answer key: {} has no column {}", table_.name(), name));
    return *col;
  }

 private:
  const SimTable& table_;
};

// ISO codes seen so far, numbered in KeyRecords::currencies; Currency::parse
// scans the ISO table, the business uses a handful of codes.
class Currencies {
 public:
  explicit Currencies(std::vector<std::string>& names) : names_(names) {}
  // Number and exponent of a known code; nullopt for an unknown one.
  std::optional<std::pair<std::uint8_t, Currency>> find(std::string_view code) {
    for (const auto& [known, number, currency] : seen_)
      if (known == code) return currency ? std::optional(std::pair(number, *currency)) : std::nullopt;
    std::optional<Currency> parsed;
    if (Currency::is_known(code)) parsed = Currency::parse(code);
    const auto number = static_cast<std::uint8_t>(names_.size());
    if (parsed) names_.emplace_back(code);
    seen_.emplace_back(std::string(code), number, parsed);
    return parsed ? std::optional(std::pair(number, *parsed)) : std::nullopt;
  }

 private:
  std::vector<std::string>& names_;
  std::vector<std::tuple<std::string, std::uint8_t, std::optional<Currency>>> seen_;
};

struct Amount {
  std::int64_t minor = 0;
  std::uint8_t currency = 0;
};

// One row, read field by field; `ok` turns false at the first value the
// mapping would refuse.
class RowCheck {
 public:
  RowCheck(const SimTable& table, std::size_t row, Currencies& currencies)
      : table_(table), row_(row), currencies_(currencies) {}
  bool ok() const { return ok_; }
  void refuse() { ok_ = false; }

  // Text (a JSON string or number); "" for null. Required: null is refused
  // (an empty text is not null, as in the mapping).
  std::string text(std::size_t col, bool required = false) {
    const SimValue v = table_.value(row_, col);
    if (const auto* s = std::get_if<std::string>(&v)) {
      if (!is_valid_utf8(*s) || s->size() > kMaxTextBytes) ok_ = false;
      return *s;
    }
    if (const auto* d = std::get_if<Decimal>(&v)) return d->text;
    if (!std::holds_alternative<std::monostate>(v) || required) ok_ = false;  // a boolean or date where text belongs
    return {};
  }

  std::int32_t date(std::size_t col) {
    const SimValue v = table_.value(row_, col);
    if (const auto* d = std::get_if<SimDate>(&v)) return static_cast<std::int32_t>(d->time_since_epoch().count());
    if (const auto* t = std::get_if<SimTime>(&v))
      return static_cast<std::int32_t>(std::chrono::floor<std::chrono::days>(*t).time_since_epoch().count());
    if (!std::holds_alternative<std::monostate>(v)) ok_ = false;
    return kNoDate;
  }

  void datetime(std::size_t col, bool required) {
    const SimValue v = table_.value(row_, col);
    if (std::holds_alternative<SimTime>(v) || std::holds_alternative<SimDate>(v)) return;
    if (!std::holds_alternative<std::monostate>(v) || required) ok_ = false;
  }

  bool flag(std::size_t col) {
    const SimValue v = table_.value(row_, col);
    if (const auto* b = std::get_if<bool>(&v)) return *b;
    if (const auto* s = std::get_if<std::string>(&v)) {
      const std::string t = to_lower_ascii(trim(*s));
      if (t == "t" || t == "true") return true;
      if (t == "f" || t == "false") return false;
    }
    if (!std::holds_alternative<std::monostate>(v)) ok_ = false;
    return false;
  }

  void currency(const std::string& code) {
    if (!code.empty() && !currencies_.find(trim(code))) ok_ = false;
  }

  // money(amount, currency): decimal text with at most the currency's decimals.
  Amount money(std::size_t col, const std::string& currency, bool required) {
    const SimValue v = table_.value(row_, col);
    const std::string* text = std::get_if<std::string>(&v);
    if (const auto* d = std::get_if<Decimal>(&v)) text = &d->text;
    if (!text) {
      if (!std::holds_alternative<std::monostate>(v) || required) ok_ = false;
      return {};
    }
    const auto known = currencies_.find(trim(currency));
    if (!known) {
      ok_ = false;
      return {};
    }
    try {
      return {Money::parse(trim(*text), known->second).minor(), known->first};
    } catch (const Error&) {
      ok_ = false;
      return {};
    }
  }

 private:
  const SimTable& table_;
  std::size_t row_;
  Currencies& currencies_;
  bool ok_ = true;
};

// Row of `key` in `t` when that row's primary key is exactly `key`.
inline std::optional<std::size_t> exact_find(const SimTable& t, const std::string& key) {
  const auto row = t.find(key);
  if (!row) return std::nullopt;
  const SimValue id = t.value(*row, 0);
  const auto* s = std::get_if<std::string>(&id);
  return s && *s == key ? row : std::nullopt;
}

// Account ids as numbers: the Account row, or a number after them for an id
// the Account table does not have (still equal to itself, for matching).
class AccountNumbers {
 public:
  explicit AccountNumbers(const SimTable& accounts) : accounts_(accounts) {}
  std::uint32_t of(const std::string& id) {
    if (id.empty()) return kNone;
    if (const auto row = exact_find(accounts_, id)) return static_cast<std::uint32_t>(*row);
    const auto [it, fresh] = unknown_.try_emplace(id, static_cast<std::uint32_t>(accounts_.size() + unknown_.size()));
    return it->second;
  }

 private:
  const SimTable& accounts_;
  std::unordered_map<std::string, std::uint32_t> unknown_;
};

}  // namespace o2c::sim::dataset
