#include "connectors/portals/portal_answers.h"

#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"

namespace o2c::portals {

std::string_view to_string(AnswerClass c) {
  switch (c) {
    case AnswerClass::received: return "received";
    case AnswerClass::duplicate: return "duplicate";
    case AnswerClass::validation_reject: return "validation_reject";
    case AnswerClass::unknown_buyer: return "unknown_buyer";
    case AnswerClass::auth_failure: return "auth_failure";
    case AnswerClass::quota: return "quota";
    case AnswerClass::unavailable: return "unavailable";
    case AnswerClass::server_error: return "server_error";
    case AnswerClass::timeout: return "timeout";
    case AnswerClass::unparseable: return "unparseable";
    case AnswerClass::html_page: return "html_page";
  }
  return "unparseable";
}

const AnswerRule& rule_for(AnswerClass c) {
  for (const AnswerRule& r : kAnswerRules)
    if (r.answer == c) return r;
  throw Error(Error::Kind::internal, fmt::format("no answer rule for {}", to_string(c)));
}

Answer answer_for(AnswerClass c, std::string reason, std::string_view portal, std::string_view what_to_check) {
  const AnswerRule& rule = rule_for(c);
  if (rule.config_error)
    throw Error(Error::Kind::config, fmt::format("portal {}: {} — {}{}", portal, reason, rule.why,
                                                 what_to_check.empty() ? "" : fmt::format(" ({})", what_to_check)),
                ErrorContext::of_source(std::string(portal)));
  Answer a;
  a.outcome = rule.outcome;
  a.reason = std::move(reason);
  return a;
}

std::optional<std::chrono::seconds> retry_after_of(const http::Response& r) {
  const auto wait = http::parse_retry_after(r.header("retry-after"), std::chrono::system_clock::now());
  if (!wait) return std::nullopt;
  return std::chrono::ceil<std::chrono::seconds>(*wait);
}

std::optional<AnswerClass> generic_class(const http::Response& r) {
  if (r.status == 429) return AnswerClass::quota;
  if (r.status == 503) return AnswerClass::unavailable;
  if (r.status >= 500) return AnswerClass::server_error;
  const std::string type = to_lower_ascii(r.header("content-type"));
  if (type.starts_with("text/html")) return AnswerClass::html_page;
  return std::nullopt;
}

http::Verdict submit_verdict(const http::Response& r) {
  return r.status == 401 ? http::Verdict::refresh_auth : http::Verdict::ok;
}

http::Verdict read_verdict(const http::Response& r) {
  const http::Verdict v = http::default_verdict(r);
  return v == http::Verdict::fail ? http::Verdict::ok : v;   // the connector reads 4xx itself
}

std::string with_buyer(std::string_view pattern, std::string_view buyer) {
  std::string out(pattern);
  for (auto at = out.find("{buyer}"); at != std::string::npos; at = out.find("{buyer}", at + buyer.size()))
    out.replace(at, 7, buyer);
  return out;
}

}  // namespace o2c::portals
