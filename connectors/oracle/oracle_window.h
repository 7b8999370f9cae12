// connectors/oracle/oracle_window.h — the checks that prove the pages of one
// query (a *window*: one q text, paged by offset from 0) fit together
// (internal to the oracle module).
//
// Every page must agree with the window's first: the same totalResults, an
// answered offset equal to the one asked for, count equal to its items and
// to min(limit, totalResults - offset) with the limit the server says it
// used, hasMore true exactly while rows remain, and ids strictly ascending
// from the window's keyset start. A page whose rows repeat an earlier page's
// — the server ignored the offset (field pitfall #24) — is fatal; rows that
// moved under the window (a count or total that changed, an id out of
// order) are worth one re-read from the last id handed out.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "connectors/oracle/oracle_records.h"

namespace o2c::oracle {

// Order of two ids as the pod sorts its keys: numerically when both are all
// digits, else byte-wise.
bool id_less(std::string_view a, std::string_view b);

struct PageVerdict {
  enum class Kind { fits, moved, repeated, broken };
  Kind kind = Kind::fits;
  std::string what;   // for fits: ""
};

class WindowCheck {
 public:
  explicit WindowCheck(std::string after_id) : last_id_(std::move(after_id)) {}
  // Checks the answer for `offset` (the offset asked for).
  PageVerdict accept(long offset, const CollectionPage& page);

 private:
  struct Seen {
    long offset;
    std::string first_id, last_id;
  };
  std::optional<long> total_;
  std::string last_id_;
  std::vector<Seen> seen_;
};

}  // namespace o2c::oracle
