// connectors/salesforce/salesforce_verdict.cpp — classification of REST API
// answers (STYLE.md 2.3: the connector classifies, connectors/http retries)
// and the Sforce-Limit-Info budget.
#include "connectors/salesforce/salesforce_verdict.h"

#include <charconv>

#include <simdjson.h>

#include <fmt/format.h>

#include "core/text.h"

namespace o2c::salesforce {
namespace {

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// 401 bodies that no token refresh can fix (the user or app may not use the REST API).
bool session_never_valid(std::string_view message) {
  return contains(message, "not valid for use with the REST API") || contains(message, "not attached to Agent") ||
         contains(message, "cannot perform API operations");
}

std::optional<long> parse_long(std::string_view text) {
  long value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

}  // namespace

ApiError api_error(std::string_view body) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(body.data(), body.size()).get(root)) return {};
  simdjson::dom::array errors;
  if (root.get_array().get(errors) || errors.size() == 0) return {};
  simdjson::dom::object first;
  if (errors.at(0).get_object().get(first)) return {};
  std::string_view code, message;
  if (first["errorCode"].get_string().get(code)) return {};
  if (first["message"].get_string().get(message)) message = {};
  return ApiError{std::string(code), std::string(message)};
}

bool is_daily_limit_exhausted(const http::Response& response) {
  if (response.status != 403) return false;
  const ApiError e = api_error(response.body);
  return e.code == "REQUEST_LIMIT_EXCEEDED" && contains(e.message, "TotalRequests");
}

http::Verdict salesforce_verdict(const http::Response& response) {
  const int status = response.status;
  if (status >= 200 && status < 300) return response.is_json() ? http::Verdict::ok : http::Verdict::retry;
  if (status == 401)
    return session_never_valid(api_error(response.body).message) ? http::Verdict::fail : http::Verdict::refresh_auth;
  if (status == 403) {
    if (api_error(response.body).code != "REQUEST_LIMIT_EXCEEDED") return http::Verdict::fail;
    return is_daily_limit_exhausted(response) ? http::Verdict::fail : http::Verdict::retry;  // ConcurrentRequests
  }
  if (status == 408 || status == 429 || (status >= 500 && status < 600)) return http::Verdict::retry;
  return http::Verdict::fail;
}

std::string describe_answer(const http::Response& response) {
  if (response.is_json()) {
    if (const ApiError e = api_error(response.body); !e.code.empty())
      return fmt::format("HTTP {} {}: {}", response.status, e.code, e.message.substr(0, 300));
  }
  const std::string_view type = response.header("content-type");
  http::Response shown;
  shown.body = response.body;
  if (contains(type, "html"))  // start at the page title when there is one: it says what the page is
    if (const auto title = to_lower_ascii(response.body.substr(0, 4096)).find("<title"); title != std::string::npos)
      shown.body = response.body.substr(title);
  return fmt::format("got {} (HTTP {}): {}", type.empty() ? "no Content-Type" : type, response.status,
                     shown.excerpt());
}

http::Verdict classify_query_answer(const http::Response& response, const RecordKeys& keys, QueryBatch& batch,
                                    std::string& problem) {
  const http::Verdict verdict = salesforce_verdict(response);
  if (verdict != http::Verdict::ok) {
    problem = describe_answer(response);
    return verdict;
  }
  std::optional<QueryBatch> cut = cut_query_batch(response.body, keys, problem);
  if (!cut) return http::Verdict::retry;
  batch = std::move(*cut);
  problem.clear();
  return http::Verdict::ok;
}

std::optional<ApiUsage> parse_limit_info(std::string_view header) {
  while (!header.empty()) {
    const std::size_t semi = header.find(';');
    const std::string_view part = trim(header.substr(0, semi));
    header = semi == std::string_view::npos ? std::string_view{} : header.substr(semi + 1);
    constexpr std::string_view kKey = "api-usage=";
    if (part.substr(0, kKey.size()) != kKey) continue;
    const std::string_view value = part.substr(kKey.size());
    const std::size_t slash = value.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    const auto used = parse_long(value.substr(0, slash)), max = parse_long(value.substr(slash + 1));
    if (!used || !max) return std::nullopt;
    return ApiUsage{*used, *max};
  }
  return std::nullopt;
}

bool next_request_within(const ApiUsage& usage, double threshold) {
  if (usage.max <= 0) return true;
  return static_cast<double>(usage.used + 1) <= threshold * static_cast<double>(usage.max);
}

void ApiBudget::note(const http::Response& response, Timestamp now) {
  const auto usage = parse_limit_info(response.header("sforce-limit-info"));
  if (!usage) return;
  std::lock_guard lock(mutex_);
  // Answers of concurrent requests arrive in any order: keep the highest count (or the 403) seen lately.
  if (fresh(now) && (exhausted_ || (usage_.max == usage->max && usage_.used > usage->used))) return;
  usage_ = *usage;
  exhausted_ = false;
  seen_ = now;
}

void ApiBudget::mark_exhausted(Timestamp now) {
  std::lock_guard lock(mutex_);
  exhausted_ = true;
  seen_ = now;
}

std::string ApiBudget::refusal(Timestamp now) const {
  std::lock_guard lock(mutex_);
  if (!fresh(now)) return {};
  if (exhausted_) return "the daily API limit is exhausted (REQUEST_LIMIT_EXCEEDED), next run will resume";
  if (next_request_within(usage_, threshold_)) return {};
  return fmt::format("API usage {}/{} (Sforce-Limit-Info) would cross the configured threshold of {}% with one more "
                     "request; stopping before the daily limit, the next run resumes from the last committed page",
                     usage_.used, usage_.max, threshold_ * 100);
}

}  // namespace o2c::salesforce
