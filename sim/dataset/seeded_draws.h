// sim/dataset/seeded_draws.h — the dataset's only source of randomness: a
// stateless hash of (seed, stream, index) built on the SplitMix64 finaliser.
// Any attribute of any row is drawn in O(1), in any order, from any thread,
// and the same (seed, stream, index) always gives the same number.
#pragma once

#include <cstdint>

namespace o2c::sim::dataset {

constexpr std::uint64_t mix64(std::uint64_t z) {
  z += 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// One stream per independent attribute, so changing how one attribute is
// drawn never shifts the others.
enum class Stream : std::uint64_t {
  id_base = 1,
  account_country,
  account_requires_po,
  account_parent,
  account_parent_pick,
  account_name,
  account_po_style,
  account_modstamp,
  order_account,
  order_status,
  order_subscription,
  order_type,
  order_effective_shift,
  order_has_po,
  order_amount,
  order_amount_rounding,
  order_description,
  order_activation,
  order_payment,
  modstamp_block,
  planting_shuffle,
  renewal_account_pick,
  doc_po_variant,
  doc_amount_shift,
  doc_payment_delay,
  doc_memo,
  late_order,
  follow_up_shuffle,
  // Appended (a stream's number never changes, so earlier draws stay as they were).
  doc_vat_exempt,
  account_vat_missing,
  account_street,
  account_portal,
  account_portal_detail,
  portal_decision,
};

class Draws {
 public:
  explicit Draws(std::uint64_t seed) : key_(mix64(seed ^ 0x6F3263737973696DULL)) {}
  std::uint64_t operator()(Stream stream, std::uint64_t index) const {
    return mix64(key_ ^ mix64(static_cast<std::uint64_t>(stream)) ^ mix64(index + 0x2545F4914F6CDD1DULL));
  }
  // Uniform in [0, n); 0 when n == 0.
  std::uint64_t below(Stream stream, std::uint64_t index, std::uint64_t n) const {
    return n == 0 ? 0 : (*this)(stream, index) % n;
  }
  // True with probability percent/100.
  bool chance(Stream stream, std::uint64_t index, unsigned percent) const { return below(stream, index, 100) < percent; }

 private:
  std::uint64_t key_;
};

}  // namespace o2c::sim::dataset
