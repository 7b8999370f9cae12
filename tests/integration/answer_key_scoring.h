// tests/integration/answer_key_scoring.h — compares what o2csync reported
// (`exceptions list --format json`) with the simulator's answer key, per
// kind: precision and recall, and the ids that differ (for the failure text).
#pragma once

#include <map>
#include <set>
#include <string>

namespace o2c::testing {

struct KindScore {
  std::set<std::string> expected, reported;
  double precision() const;
  double recall() const;
  std::string diff() const;   // "missing: a, b; unexpected: c"
};

using Scores = std::map<std::string, KindScore>;   // by kind name

// answer_key_json: the simulator's answer key; reported_json: the output of
// `o2csync exceptions list --format json`.
Scores score(const std::string& answer_key_json, const std::string& reported_json);
std::string describe(const Scores& scores);          // one line per kind

}  // namespace o2c::testing
