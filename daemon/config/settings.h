// daemon/config/settings.h — a declared settings table (STYLE.md 2.6): each
// setting's name, type, member pointer, required flag or default, range or
// choices, and help. read_section() fills a struct from a YAML map with it:
// defaults first (parsed from the same text the reference prints), then
// every key of the map; unknown keys get a did-you-mean, invalid values are
// reported and never replaced by a default.
#pragma once

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "core/secret.h"
#include "core/text.h"
#include "daemon/config/config.h"

namespace o2c::config {

enum class SettingType { text, integer, number, duration, boolean, secret, choice, list, path, url, time_of_day,
                         timezone, decimal, email_list };

struct SettingInfo {
  std::string name;
  SettingType type = SettingType::text;
  bool required = false;
  std::string default_text;           // parsed as if written in the file ("" = none)
  std::string help;
  std::vector<std::string> choices;   // SettingType::choice
  double min = 0, max = 0;            // integer / number range (when max > min)
};

using ParsedValue = std::variant<std::string, int, double, std::chrono::seconds, bool, SecretRef,
                                 std::vector<std::string>, std::filesystem::path>;

// Parses one written value; returns the error message (never echoing a
// secret) or the value. A list setting accepts a sequence of scalars.
std::variant<ParsedValue, std::string> parse_setting(const SettingInfo& info, const YAML::Node& node);
std::variant<ParsedValue, std::string> parse_setting_text(const SettingInfo& info, const std::string& text);
std::string describe_type(const SettingInfo& info);   // for the reference: "integer 1–64", "one of a, b", ...

template <class T>
struct Setting {
  using Member = std::variant<std::string T::*, int T::*, double T::*, std::chrono::seconds T::*, bool T::*,
                              SecretRef T::*, std::vector<std::string> T::*, std::filesystem::path T::*>;
  Setting(std::string name, SettingType type, Member m, std::string help) : member(m) {
    info.name = std::move(name);
    info.type = type;
    info.help = std::move(help);
  }
  Setting& required() { return info.required = true, *this; }
  Setting& default_to(std::string text) { return info.default_text = std::move(text), *this; }
  Setting& one_of(std::vector<std::string> c) { return info.choices = std::move(c), *this; }
  Setting& range(double lo, double hi) { return info.min = lo, info.max = hi, *this; }

  void assign(T& out, ParsedValue v) const {
    std::visit(
        [&](auto ptr) {
          using M = std::remove_reference_t<decltype(out.*ptr)>;
          if (auto* x = std::get_if<M>(&v)) out.*ptr = std::move(*x);
        },
        member);
  }

  SettingInfo info;
  Member member;
};

template <class T>
using SettingsTable = std::vector<Setting<T>>;

// Collects problems while a file is read.
struct Reader {
  std::string file;
  std::vector<ConfigIssue>* issues;
  void error(const YAML::Node& at, std::string message) const {
    const YAML::Mark m = at.Mark();
    issues->push_back(ConfigIssue{file, {m.line + 1, m.column + 1}, std::move(message)});
  }
  static Position position(const YAML::Node& n) { return {n.Mark().line + 1, n.Mark().column + 1}; }
};

// Fills `out` from the map `node` (which may be absent: defaults only).
// `prefix` is the dotted path ("sources.erp."); `sections` are keys handled
// by the caller (nested maps), skipped here but offered as suggestions.
template <class T>
void read_section(const YAML::Node& node, const YAML::Node& parent, const std::string& prefix,
                  const SettingsTable<T>& table, T& out, const Reader& r,
                  const std::vector<std::string>& sections = {}) {
  for (const auto& s : table)
    if (!s.info.default_text.empty()) {
      auto parsed = parse_setting_text(s.info, s.info.default_text);
      if (auto* v = std::get_if<ParsedValue>(&parsed)) s.assign(out, std::move(*v));
    }
  if (node && !node.IsMap() && !node.IsNull()) {
    r.error(node, fmt::format("{}: expected a map of settings", prefix.empty() ? "(top level)" : prefix.substr(0, prefix.size() - 1)));
    return;
  }
  std::vector<std::string> names = sections;
  for (const auto& s : table) names.push_back(s.info.name);
  if (node && node.IsMap()) {
    out.where[""] = Reader::position(node);
    for (const auto& kv : node) {
      const std::string key = kv.first.Scalar();
      if (std::find(sections.begin(), sections.end(), key) != sections.end()) continue;
      const Setting<T>* s = nullptr;
      for (const auto& c : table)
        if (c.info.name == key) s = &c;
      if (!s) {
        r.error(kv.first, fmt::format("{}{}: unknown setting{}", prefix, key, suggestion_suffix(key, names)));
        continue;
      }
      if (out.where.contains(key)) r.error(kv.first, fmt::format("{}{}: set twice", prefix, key));
      out.where[key] = Reader::position(kv.second);
      auto parsed = parse_setting(s->info, kv.second);
      if (auto* err = std::get_if<std::string>(&parsed))
        r.error(kv.second, fmt::format("{}{}: {}", prefix, key, *err));
      else
        s->assign(out, std::get<ParsedValue>(std::move(parsed)));
    }
  } else {
    out.where[""] = Reader::position(parent);
  }
  for (const auto& s : table)
    if (s.info.required && !out.where.contains(s.info.name))
      r.error(node && node.IsMap() ? node : parent, fmt::format("{}{}: missing required setting ({})", prefix,
                                                                s.info.name, s.info.help));
}

}  // namespace o2c::config
