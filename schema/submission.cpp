#include "schema/submission.h"

#include <array>
#include <utility>

#include <fmt/format.h>

namespace o2c::schema {

namespace {
constexpr std::array<std::pair<SubmissionState, const char*>, 7> kNames{{
    {SubmissionState::held, "held"},
    {SubmissionState::pending, "pending"},
    {SubmissionState::sending, "sending"},
    {SubmissionState::submitted, "submitted"},
    {SubmissionState::accepted, "accepted"},
    {SubmissionState::rejected, "rejected"},
    {SubmissionState::paid, "paid"},
}};
}  // namespace

const char* to_string(SubmissionState s) {
  for (const auto& [state, name] : kNames)
    if (state == s) return name;
  return "held";
}

std::optional<SubmissionState> parse_submission_state(std::string_view s) {
  for (const auto& [state, name] : kNames)
    if (s == name) return state;
  return std::nullopt;
}

bool is_final(SubmissionState s) {
  return s == SubmissionState::accepted || s == SubmissionState::rejected || s == SubmissionState::paid;
}

std::string SubmissionKey::to_text() const {
  return fmt::format("{}/{}/{}→{}", invoice_source, invoice_object, invoice_id, portal);
}

}  // namespace o2c::schema
