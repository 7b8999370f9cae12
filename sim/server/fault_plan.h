// sim/server/fault_plan.h — the `--faults` specification and the seeded
// per-request draws (wire-contract.md "Faults"). Pure logic, no sockets.
#pragma once

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>

namespace o2c::sim::server {

// `lost` was appended later: the handler runs (a portal creates the
// document) and the connection is then closed without a reply.
enum class FaultKind { throttle, server_error, slow, truncate, html, expire, lost };
inline constexpr std::size_t kFaultKinds = 7;
inline constexpr std::array<FaultKind, kFaultKinds> kAllFaultKinds{
    FaultKind::throttle, FaultKind::server_error, FaultKind::slow, FaultKind::truncate,
    FaultKind::html,     FaultKind::expire,       FaultKind::lost};
// The kinds drawn from the first engine, in this order, then cut_fraction:
// the draw order of the first release. Kinds appended later draw from a
// second engine, so a given seed keeps giving the same faults of these kinds.
inline constexpr std::size_t kFirstEngineKinds = 6;

// The spelling used by --faults, the stats and the endpoints' fault_reply:
// "429", "5xx", "slow", "truncate", "html", "expire", "lost".
std::string_view fault_name(FaultKind kind);

// Probability of each kind per request, in [0, 1]; all zero = no faults.
struct FaultSpec {
  std::array<double, kFaultKinds> probability{};

  double& operator[](FaultKind k) { return probability[static_cast<std::size_t>(k)]; }
  double operator[](FaultKind k) const { return probability[static_cast<std::size_t>(k)]; }
  bool any() const;
};

// Parses "429:0.02,5xx:0.01,slow:0.01" ("" = no faults). Strict: an unknown
// kind, a repeated kind, a probability outside [0, 1] or anything malformed
// throws Error(config) naming the offending item.
FaultSpec parse_fault_spec(std::string_view text);
// The canonical text of a spec ("" when it has no faults), parseable again.
std::string to_string(const FaultSpec& spec);

// Which faults hit one request. Every kind is drawn independently.
struct FaultDraw {
  std::array<bool, kFaultKinds> hit{};
  double cut_fraction = 0;  // where a truncated body is cut, in [0, 1)

  bool operator[](FaultKind k) const { return hit[static_cast<std::size_t>(k)]; }
  bool any() const;
};

// The seeded sequence of draws of one endpoint. Each draw consumes the same
// amount of randomness whatever the outcome, so the n-th request's faults
// depend only on (seed, stream, n). Not thread-safe: callers serialize.
// Two engines: the first draws the original six kinds and cut_fraction
// exactly as before `lost` existed; the second, seeded from the same (seed,
// stream) with a salt, draws the kinds appended since.
class FaultPlan {
 public:
  FaultPlan(FaultSpec spec, std::uint64_t seed, std::uint64_t stream);
  FaultDraw next();
  const FaultSpec& spec() const { return spec_; }

 private:
  static double uniform(std::mt19937_64& engine);  // [0, 1)

  FaultSpec spec_;
  std::mt19937_64 engine_;
  std::mt19937_64 appended_;
};

}  // namespace o2c::sim::server
