// daemon/answer_key_check.h — for `o2csync demo`: compares the exceptions
// now open in the store with the simulator's answer key, per kind, so the
// newcomer sees that what the report says is what was planted.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "store/store.h"

namespace o2c::daemon {

struct KindCheck {
  std::size_t expected = 0, found = 0, matched = 0;
};

struct AnswerKeyCheck {
  std::map<std::string, KindCheck> kinds;
  bool all_match = true;
};

AnswerKeyCheck check_against_answer_key(const std::filesystem::path& answer_key, store::Store& store);
void print_answer_key_check(const AnswerKeyCheck& check);

}  // namespace o2c::daemon
