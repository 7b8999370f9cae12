#include "sim/server/fault_plan.h"

#include <charconv>
#include <vector>

#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"

namespace o2c::sim::server {

std::string_view fault_name(FaultKind kind) {
  switch (kind) {
    case FaultKind::throttle: return "429";
    case FaultKind::server_error: return "5xx";
    case FaultKind::slow: return "slow";
    case FaultKind::truncate: return "truncate";
    case FaultKind::html: return "html";
    case FaultKind::expire: return "expire";
    case FaultKind::lost: return "lost";
  }
  return "?";
}

bool FaultSpec::any() const {
  for (double p : probability)
    if (p > 0) return true;
  return false;
}

bool FaultDraw::any() const {
  for (bool h : hit)
    if (h) return true;
  return false;
}

namespace {

std::vector<std::string> kind_names() {
  std::vector<std::string> names;
  for (FaultKind k : kAllFaultKinds) names.emplace_back(fault_name(k));
  return names;
}

FaultKind parse_kind(std::string_view name, std::string_view where) {
  for (FaultKind k : kAllFaultKinds)
    if (fault_name(k) == name) return k;
  const auto names = kind_names();
  fail(Error::Kind::config, "{}: unknown fault kind '{}'{} (kinds: {})", where, name,
       suggestion_suffix(name, names), fmt::join(names, ", "));
}

double parse_probability(std::string_view text, std::string_view where) {
  double p = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, p);
  if (text.empty() || ec != std::errc{} || ptr != end)
    fail(Error::Kind::config, "{}: probability '{}' is not a number (expected e.g. 0.02)", where, text);
  if (!(p >= 0.0 && p <= 1.0))
    fail(Error::Kind::config, "{}: probability {} is outside [0, 1]", where, text);
  return p;
}

}  // namespace

FaultSpec parse_fault_spec(std::string_view text) {
  FaultSpec spec;
  std::array<bool, kFaultKinds> seen{};
  if (trim(text).empty()) return spec;
  std::size_t index = 0;
  while (true) {
    ++index;
    const auto comma = text.find(',');
    const std::string_view item = trim(text.substr(0, comma));
    const std::string where = fmt::format("fault item {} '{}'", index, item);
    if (item.empty())
      fail(Error::Kind::config, "fault item {} is empty (expected KIND:PROBABILITY, e.g. 429:0.02)", index);
    const auto colon = item.find(':');
    if (colon == std::string_view::npos)
      fail(Error::Kind::config, "{}: expected KIND:PROBABILITY, e.g. 429:0.02", where);
    const FaultKind kind = parse_kind(trim(item.substr(0, colon)), where);
    const auto slot = static_cast<std::size_t>(kind);
    if (seen[slot]) fail(Error::Kind::config, "{}: fault kind '{}' is given twice", where, fault_name(kind));
    seen[slot] = true;
    spec[kind] = parse_probability(trim(item.substr(colon + 1)), where);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return spec;
}

std::string to_string(const FaultSpec& spec) {
  std::vector<std::string> items;
  for (FaultKind k : kAllFaultKinds)
    if (spec[k] > 0) items.push_back(fmt::format("{}:{}", fault_name(k), spec[k]));
  return fmt::format("{}", fmt::join(items, ","));
}

FaultPlan::FaultPlan(FaultSpec spec, std::uint64_t seed, std::uint64_t stream) : spec_(spec) {
  std::seed_seq seq{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32),
                    static_cast<std::uint32_t>(stream), static_cast<std::uint32_t>(stream >> 32)};
  engine_.seed(seq);
  constexpr std::uint32_t kAppendedSalt = 0x6c6f7374;  // "lost"
  std::seed_seq appended{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32),
                         static_cast<std::uint32_t>(stream), static_cast<std::uint32_t>(stream >> 32), kAppendedSalt};
  appended_.seed(appended);
}

double FaultPlan::uniform(std::mt19937_64& engine) {
  // 53 random bits → a double in [0, 1), exact and the same on every platform
  // (std::uniform_real_distribution is implementation-defined).
  return static_cast<double>(engine() >> 11) * 0x1.0p-53;
}

FaultDraw FaultPlan::next() {
  FaultDraw draw;
  for (std::size_t i = 0; i < kFaultKinds; ++i) {
    const FaultKind k = kAllFaultKinds[i];
    const double u = uniform(i < kFirstEngineKinds ? engine_ : appended_);
    draw.hit[static_cast<std::size_t>(k)] = u < spec_[k];
    if (i + 1 == kFirstEngineKinds) draw.cut_fraction = uniform(engine_);
  }
  return draw;
}

}  // namespace o2c::sim::server
