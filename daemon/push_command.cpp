// daemon/push_command.cpp — push passes for the commands, and the outbox summary.
#include "daemon/push_command.h"

#include <map>
#include <thread>

#include <fmt/format.h>

#include "daemon/push_setup.h"

namespace o2c::daemon {

namespace {

using schema::SubmissionState;

// The wait before the next pass, or nullopt when the outbox has settled.
std::optional<std::chrono::milliseconds> still_open(store::Store& store, Timestamp now) {
  std::optional<std::chrono::milliseconds> wait;
  for (const auto& s : store.submissions({})) {
    if (s.state == SubmissionState::sending || s.state == SubmissionState::submitted) return std::chrono::milliseconds(0);
    if (s.state != SubmissionState::pending) continue;
    const auto until = s.next_attempt ? std::max(std::chrono::milliseconds(0), *s.next_attempt - now)
                                      : std::chrono::milliseconds(0);
    wait = wait ? std::min(*wait, until) : until;
  }
  return wait;
}

void add(push::PushStats& total, const push::PushStats& s) {
  total.due = s.due;
  total.created += s.created, total.held = s.held, total.released += s.released, total.sent += s.sent;
  total.submitted += s.submitted, total.accepted += s.accepted, total.rejected += s.rejected, total.paid += s.paid;
  total.unknown += s.unknown, total.retried += s.retried, total.looked_up += s.looked_up, total.polled += s.polled;
  total.errors += s.errors;
}

}  // namespace

push::PushStats push_until_settled(const config::Config& cfg, store::Store& store, const Clock& clock,
                                   int max_passes) {
  PushSetup setup = build_push(cfg, clock);
  push::PushStats total;
  for (int pass = 0; pass < max_passes; ++pass) {
    push::PushRun run(store, setup.handles, setup.routing, setup.settings, clock);
    add(total, run.run());
    const auto wait = still_open(store, clock.now());
    if (!wait) break;
    if (pass + 1 < max_passes) std::this_thread::sleep_for(std::min(*wait, std::chrono::milliseconds(5000)));
  }
  return total;
}

void print_outbox_summary(store::Store& store) {
  constexpr SubmissionState kStates[] = {SubmissionState::held,      SubmissionState::pending,
                                         SubmissionState::sending,   SubmissionState::submitted,
                                         SubmissionState::accepted,  SubmissionState::rejected,
                                         SubmissionState::paid};
  std::map<std::string, std::map<SubmissionState, long>> counts;
  for (const auto& s : store.submissions({})) ++counts[s.key.portal][s.state];
  fmt::print("{:<10}", "portal");
  for (auto st : kStates) fmt::print(" {:>9}", to_string(st));
  fmt::print("\n");
  for (const auto& [portal, by_state] : counts) {
    fmt::print("{:<10}", portal);
    for (auto st : kStates) {
      const auto it = by_state.find(st);
      fmt::print(" {:>9}", it == by_state.end() ? 0 : it->second);
    }
    fmt::print("\n");
  }
}

}  // namespace o2c::daemon
