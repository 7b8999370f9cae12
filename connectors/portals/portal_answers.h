// connectors/portals/portal_answers.h — what a portal's answer means for the
// outbox, in one table for every portal (field-pitfalls #43): each connector
// only sorts an HTTP answer into an AnswerClass; the table says which Outcome
// that is, so a retryable answer is never marked rejected and a permanent one
// never retried. Also the request helpers the connectors share.
#pragma once

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "connectors/http/http.h"
#include "connectors/portals/portal.h"

namespace o2c::portals {

enum class AnswerClass {
  received,           // the portal took the document (created, or queued for processing)
  duplicate,          // the portal already has this number / message from us: this very submission
  validation_reject,  // the document was read and refused (fix the data, never resend as is)
  unknown_buyer,      // no such buyer / receiver (not registered): route elsewhere
  auth_failure,       // credentials refused even after a token refresh: an admin must act
  quota,              // 429: nothing was processed; again after Retry-After
  unavailable,        // 503 before processing: nothing was created; again later
  server_error,       // other 5xx: it may have been processed
  timeout,            // no answer after the request went out: it may have been processed
  unparseable,        // an answer that cannot be read (cut short, not the expected format)
  html_page,          // an HTML page instead of the API's answer (proxy, maintenance)
};
std::string_view to_string(AnswerClass c);

struct AnswerRule {
  AnswerClass answer;
  Outcome outcome;          // what submit() returns for it
  bool config_error;        // thrown as Error(config) instead: nothing per invoice can fix it
  std::string_view why;
};
inline constexpr std::array<AnswerRule, 11> kAnswerRules{{
    {AnswerClass::received, Outcome::submitted, false, "delivered; poll status()"},
    {AnswerClass::duplicate, Outcome::submitted, false, "already delivered: this very submission"},
    {AnswerClass::validation_reject, Outcome::rejected, false, "refused for good: fix the data"},
    {AnswerClass::unknown_buyer, Outcome::rejected, false, "the buyer is not reachable on this portal"},
    {AnswerClass::auth_failure, Outcome::unknown, true, "credentials refused: check the portal settings"},
    {AnswerClass::quota, Outcome::retry, false, "throttled before processing: send again later"},
    {AnswerClass::unavailable, Outcome::retry, false, "unavailable before processing: send again later"},
    {AnswerClass::server_error, Outcome::unknown, false, "may have been processed: look it up, never resend blindly"},
    {AnswerClass::timeout, Outcome::unknown, false, "may have been processed: look it up, never resend blindly"},
    {AnswerClass::unparseable, Outcome::unknown, false, "unreadable answer: look it up, never resend blindly"},
    {AnswerClass::html_page, Outcome::unknown, false, "not the API's answer: look it up, never resend blindly"},
}};
const AnswerRule& rule_for(AnswerClass c);

// The Answer for a class (reason given); throws Error(config) for auth_failure,
// naming the portal and `what_to_check`.
Answer answer_for(AnswerClass c, std::string reason, std::string_view portal, std::string_view what_to_check = {});

// The generic part of sorting an HTTP answer: 429, 503, other 5xx, an HTML
// page. nullopt when the portal-specific classifier must look closer.
std::optional<AnswerClass> generic_class(const http::Response& r);
// Retry-After of a 429/503 answer (seconds), if any.
std::optional<std::chrono::seconds> retry_after_of(const http::Response& r);

// Submissions are sent once per call: the client retries no HTTP status
// (401 aside: refresh and replay, nothing was processed) and, with
// Request::idempotent = false, no transport error after sending. The outbox
// decides what to do with the Outcome.
http::Verdict submit_verdict(const http::Response& r);
// Reads (lookup, status): the client's default retries (429, 5xx, 401 refresh).
http::Verdict read_verdict(const http::Response& r);

// `pattern` with "{buyer}" replaced by the buyer id (Coupa instances).
std::string with_buyer(std::string_view pattern, std::string_view buyer);

}  // namespace o2c::portals
