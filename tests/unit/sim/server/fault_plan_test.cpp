#include "sim/server/fault_plan.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace o2c::sim::server {
namespace {

std::string parse_error(std::string_view spec) {
  try {
    parse_fault_spec(spec);
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::config);
    return e.what();
  }
  return "(no error)";
}

TEST(FaultSpecParse, ReadsEveryKindOfTheWireContractExample) {
  const FaultSpec spec = parse_fault_spec("429:0.02,5xx:0.01,slow:0.01,truncate:0.005,html:0.005,expire:0.01");
  EXPECT_DOUBLE_EQ(spec[FaultKind::throttle], 0.02);
  EXPECT_DOUBLE_EQ(spec[FaultKind::server_error], 0.01);
  EXPECT_DOUBLE_EQ(spec[FaultKind::slow], 0.01);
  EXPECT_DOUBLE_EQ(spec[FaultKind::truncate], 0.005);
  EXPECT_DOUBLE_EQ(spec[FaultKind::html], 0.005);
  EXPECT_DOUBLE_EQ(spec[FaultKind::expire], 0.01);
  EXPECT_TRUE(spec.any());
}

TEST(FaultSpecParse, EmptySpecMeansNoFaultsAndBoundsAreInclusive) {
  EXPECT_FALSE(parse_fault_spec("").any());
  const FaultSpec spec = parse_fault_spec("html:1, slow:0");
  EXPECT_DOUBLE_EQ(spec[FaultKind::html], 1.0);
  EXPECT_DOUBLE_EQ(spec[FaultKind::slow], 0.0);
  EXPECT_DOUBLE_EQ(spec[FaultKind::throttle], 0.0);
}

TEST(FaultSpecParse, UnknownKindIsNamedWithASuggestionAndTheList) {
  const std::string e = parse_error("429:0.1,slwo:0.2");
  EXPECT_NE(e.find("item 2 'slwo:0.2'"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown fault kind 'slwo'"), std::string::npos) << e;
  EXPECT_NE(e.find("did you mean 'slow'"), std::string::npos) << e;
  EXPECT_NE(e.find("429, 5xx, slow, truncate, html, expire"), std::string::npos) << e;
}

TEST(FaultSpecParse, ProbabilityOutsideTheUnitIntervalIsRejected) {
  EXPECT_NE(parse_error("html:1.5").find("probability 1.5 is outside [0, 1]"), std::string::npos);
  EXPECT_NE(parse_error("html:-0.1").find("outside [0, 1]"), std::string::npos);
  EXPECT_NE(parse_error("html:nan").find("outside [0, 1]"), std::string::npos);
  EXPECT_NE(parse_error("html:inf").find("outside [0, 1]"), std::string::npos);
}

TEST(FaultSpecParse, MalformedItemsAreNamed) {
  EXPECT_NE(parse_error("html").find("item 1 'html': expected KIND:PROBABILITY"), std::string::npos);
  EXPECT_NE(parse_error("html:").find("probability '' is not a number"), std::string::npos);
  EXPECT_NE(parse_error("html:0.1x").find("probability '0.1x' is not a number"), std::string::npos);
  EXPECT_NE(parse_error("html:0.1,,slow:0.1").find("fault item 2 is empty"), std::string::npos);
  EXPECT_NE(parse_error("html:0.1,").find("fault item 2 is empty"), std::string::npos);
  EXPECT_NE(parse_error("html:0.1,html:0.2").find("'html' is given twice"), std::string::npos);
}

TEST(FaultSpecParse, CanonicalTextParsesBackToTheSameSpec) {
  const FaultSpec spec = parse_fault_spec("expire:0.25, 429:0.125,truncate:1");
  EXPECT_EQ(to_string(spec), "429:0.125,truncate:1,expire:0.25");
  EXPECT_EQ(parse_fault_spec(to_string(spec)).probability, spec.probability);
  EXPECT_EQ(to_string(FaultSpec{}), "");
}

TEST(FaultPlanDraws, SameSeedAndStreamGiveTheSameSequence) {
  const FaultSpec spec = parse_fault_spec("429:0.3,5xx:0.3,slow:0.3,truncate:0.3,html:0.3,expire:0.3");
  FaultPlan a(spec, 7, 0), b(spec, 7, 0), other_seed(spec, 8, 0), other_stream(spec, 7, 1);
  int differs_by_seed = 0, differs_by_stream = 0;
  for (int i = 0; i < 200; ++i) {
    const FaultDraw da = a.next(), db = b.next();
    EXPECT_EQ(da.hit, db.hit) << "draw " << i;
    EXPECT_EQ(da.cut_fraction, db.cut_fraction);
    differs_by_seed += other_seed.next().hit != da.hit;
    differs_by_stream += other_stream.next().hit != da.hit;
  }
  EXPECT_GT(differs_by_seed, 50);
  EXPECT_GT(differs_by_stream, 50);
}

TEST(FaultPlanDraws, ProbabilityOneAlwaysHitsAndZeroNever) {
  FaultSpec spec;
  spec[FaultKind::truncate] = 1.0;
  FaultPlan plan(spec, 42, 0);
  for (int i = 0; i < 1000; ++i) {
    const FaultDraw d = plan.next();
    EXPECT_TRUE(d[FaultKind::truncate]);
    EXPECT_FALSE(d[FaultKind::throttle] || d[FaultKind::server_error] || d[FaultKind::slow] || d[FaultKind::html] ||
                 d[FaultKind::expire]);
    EXPECT_GE(d.cut_fraction, 0.0);
    EXPECT_LT(d.cut_fraction, 1.0);
  }
}

TEST(FaultPlanDraws, KindsAreDrawnIndependentlyAtTheirRates) {
  FaultSpec spec;
  spec[FaultKind::throttle] = 0.1;
  spec[FaultKind::html] = 0.5;
  FaultPlan plan(spec, 1234, 0);
  int throttles = 0, htmls = 0, both = 0;
  const int n = 20000;
  for (int i = 0; i < n; ++i) {
    const FaultDraw d = plan.next();
    throttles += d[FaultKind::throttle];
    htmls += d[FaultKind::html];
    both += d[FaultKind::throttle] && d[FaultKind::html];
  }
  // Deterministic for this seed; the bounds are the 5-sigma ranges of the rates.
  EXPECT_NEAR(throttles, n * 0.1, 5 * 42.4);
  EXPECT_NEAR(htmls, n * 0.5, 5 * 70.7);
  EXPECT_NEAR(both, n * 0.05, 5 * 30.8);
}

}  // namespace
}  // namespace o2c::sim::server

namespace o2c::sim::server {
namespace {

// The draws of the first release: one 53-bit uniform per original kind, in
// order, then cut_fraction, from mt19937_64 seeded by (seed, stream).
struct FirstReleasePlan {
  std::mt19937_64 engine;
  FirstReleasePlan(std::uint64_t seed, std::uint64_t stream) {
    std::seed_seq seq{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32),
                      static_cast<std::uint32_t>(stream), static_cast<std::uint32_t>(stream >> 32)};
    engine.seed(seq);
  }
  double uniform() { return static_cast<double>(engine() >> 11) * 0x1.0p-53; }
};

TEST(FaultPlanDraws, AppendingLostKeepsTheDrawsOfTheOriginalKindsForAGivenSeed) {
  const FaultSpec without = parse_fault_spec("429:0.3,5xx:0.2,slow:0.3,truncate:0.4,html:0.1,expire:0.3");
  FaultSpec with = without;
  with[FaultKind::lost] = 0.5;
  for (std::uint64_t seed : {42ULL, 7ULL}) {
    FirstReleasePlan reference(seed, 3);
    FaultPlan plain(without, seed, 3), lossy(with, seed, 3);
    int lost = 0;
    for (int i = 0; i < 500; ++i) {
      const FaultDraw a = plain.next(), b = lossy.next();
      for (std::size_t k = 0; k < kFirstEngineKinds; ++k) {
        const bool expected = reference.uniform() < without.probability[k];
        EXPECT_EQ(a.hit[k], expected) << "draw " << i << " kind " << k;
        EXPECT_EQ(b.hit[k], expected) << "draw " << i << " kind " << k;
      }
      const double cut = reference.uniform();
      EXPECT_EQ(a.cut_fraction, cut);
      EXPECT_EQ(b.cut_fraction, cut);
      EXPECT_FALSE(a[FaultKind::lost]);
      lost += b[FaultKind::lost];
    }
    EXPECT_NEAR(lost, 250, 5 * 11.2);
  }
}

TEST(FaultSpecParse, LostIsAKindOfItsOwn) {
  const FaultSpec spec = parse_fault_spec("lost:0.25");
  EXPECT_DOUBLE_EQ(spec[FaultKind::lost], 0.25);
  EXPECT_EQ(to_string(spec), "lost:0.25");
  EXPECT_EQ(fault_name(FaultKind::lost), "lost");
}

}  // namespace
}  // namespace o2c::sim::server
