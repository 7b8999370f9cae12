// connectors/salesforce/salesforce_source.cpp — the source (one HTTP client,
// one OAuth 2.0 token, the org's API budget) and its streams: one SOQL query
// per pass, its batches followed through nextRecordsUrl, one Page per batch.
#include <atomic>
#include <mutex>

#include <fmt/format.h>

#include "connectors/salesforce/salesforce.h"
#include "connectors/salesforce/salesforce_config.h"
#include "connectors/salesforce/salesforce_query.h"
#include "connectors/salesforce/salesforce_verdict.h"
#include "core/error.h"
#include "core/log.h"

namespace o2c::salesforce {
namespace {

using connectors::Cursor;
using connectors::Page;
using connectors::QuerySpec;

// "/services/data/v59.0/query" from a full URL (no host, no query string).
std::string path_of(std::string_view url) {
  const std::size_t scheme = url.find("://");
  const std::size_t start = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (start == std::string_view::npos) return "/";
  return std::string(url.substr(start, url.find('?', start) - start));
}

class SalesforceSource final : public connectors::Source, public std::enable_shared_from_this<SalesforceSource> {
 public:
  SalesforceSource(SalesforceSettings settings, const Clock& clock)
      : settings_(std::move(settings)),
        clock_(clock),
        client_(settings_.client),
        auth_(settings_.auth, client_, clock),
        budget_(settings_.api_usage_threshold) {}

  std::unique_ptr<connectors::PageStream> open(const QuerySpec& query, const Cursor& from,
                                               connectors::SyncMode mode) override;

  const SalesforceSettings& settings() const { return settings_; }
  const Clock& clock() const { return clock_; }
  http::Client& client() { return client_; }

  // The current token; a token this source had not seen yet counts as one call of `calls`.
  http::OAuth2Token token(std::atomic<long>& calls) {
    http::OAuth2Token token = auth_.token();
    std::lock_guard lock(mutex_);
    if (token.access_token != last_token_) {
      last_token_ = token.access_token;
      ++calls;
    }
    return token;
  }
  // Where the API lives: the token's instance_url, else the configured URL.
  std::string api_base(std::atomic<long>& calls) {
    std::string base = token(calls).instance_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base.empty() ? settings_.instance_url : base;
  }
  void sign(http::Request& request, std::atomic<long>& calls) {
    token(calls);
    auth_.apply(request);
  }
  void invalidate_token(const http::Request& rejected) { auth_.invalidate(rejected); }

  void note_usage(const http::Response& response) { budget_.note(response, clock_.now()); }
  void mark_exhausted() { budget_.mark_exhausted(clock_.now()); }
  std::string budget_problem() const { return budget_.refusal(clock_.now()); }

 private:
  SalesforceSettings settings_;
  const Clock& clock_;
  http::Client client_;
  http::OAuth2Auth auth_;
  ApiBudget budget_;
  std::mutex mutex_;
  std::string last_token_;   // the token this source saw last (to count fetches)
};

// Signs one stream's requests with the source's token and counts the token
// fetches that stream causes (after a 401 the client calls invalidate(), and
// the next apply() fetches a new token).
class StreamAuth final : public http::Auth {
 public:
  StreamAuth(SalesforceSource& source, std::atomic<long>& calls) : source_(source), calls_(calls) {}
  void apply(http::Request& request) override { source_.sign(request, calls_); }
  void invalidate(const http::Request& rejected) override { source_.invalidate_token(rejected); }

 private:
  SalesforceSource& source_;
  std::atomic<long>& calls_;
};

class SalesforceStream final : public connectors::PageStream {
 public:
  SalesforceStream(std::shared_ptr<SalesforceSource> source, QuerySpec query, const Cursor& from,
                   connectors::SyncMode mode)
      : source_(std::move(source)),
        query_(std::move(query)),
        keys_{id_field_of(query_), modstamp_field_of(query_)},
        cursor_(mode == connectors::SyncMode::full ? Cursor{} : from),
        auth_(*source_, calls_),
        log_(logger("source.salesforce")) {
    try {  // refuse a query that could never be sent before any request is made
      soql_url(source_->settings().instance_url, source_->settings().api_version, query_.include_deleted,
               build_soql(query_, cursor_.since, cursor_.tie_break_id), query_.object);
    } catch (const Error& e) {
      throw in_context(e);
    }
  }

  std::optional<Page> next() override {
    if (finished_) return std::nullopt;
    try {
      if (!started_) {
        started_ = true;
        if (!cursor_.in_pass()) cursor_.pass_started = source_->clock().now();
      }
      std::optional<QueryBatch> batch;
      if (!next_url_.empty()) batch = get(locator_url(), true);
      if (!batch) batch = run_query();
      return make_page(std::move(*batch));
    } catch (const Error& e) {
      finished_ = true;
      throw in_context(e);
    }
  }

  long api_calls() const override { return calls_.load(); }

 private:
  Error in_context(const Error& e) const {
    ErrorContext context = e.context();
    if (context.source.empty()) context.source = source_->settings().name;
    if (context.object.empty()) context.object = query_.object;
    return Error(e.kind(), e.what(), context);
  }

  // The query of the pass from where it stands: SystemModstamp >= since, Id > last id delivered.
  QueryBatch run_query() {
    const std::string soql = build_soql(query_, cursor_.since, cursor_.tie_break_id);
    const auto& s = source_->settings();
    check_budget();
    std::optional<QueryBatch> batch =
        get(soql_url(source_->api_base(calls_), s.api_version, query_.include_deleted, soql, query_.object), false);
    expected_ = batch->total_size;
    received_ = 0;
    return std::move(*batch);
  }

  std::string locator_url() {
    if (next_url_.front() != '/' || next_url_.starts_with("//"))
      throw Error(Error::Kind::remote, fmt::format("salesforce: {}: nextRecordsUrl '{}' is not a path on the instance",
                                                   query_.object, next_url_.substr(0, 200)));
    check_budget();
    return source_->api_base(calls_) + next_url_;
  }

  void check_budget() const {
    if (const std::string why = source_->budget_problem(); !why.empty())
      throw Error(Error::Kind::remote, fmt::format("salesforce: {}: {}", query_.object, why));
  }

  // One GET. nullopt when `locator` and Salesforce no longer knows the query locator.
  std::optional<QueryBatch> get(const std::string& url, bool locator) {
    http::Request request;
    request.url = url;
    request.headers.push_back({"Accept", "application/json"});
    QueryBatch batch;
    std::string problem;
    int attempts = 0;
    const auto classify = [&](const http::Response& response) {
      ++calls_;
      ++attempts;
      source_->note_usage(response);
      return classify_query_answer(response, keys_, batch, problem);
    };
    http::Response response;
    try {
      response = source_->client().send(request, &auth_, classify);
    } catch (const Error& e) {
      if (problem.empty() || e.kind() != Error::Kind::transient) throw;
      throw Error(e.kind(), fmt::format("salesforce: {}: GET {}: {} (no usable answer after {} attempts)",
                                        query_.object, path_of(url), problem, attempts));
    }
    if (response.status >= 200 && response.status < 300) return batch;
    const ApiError error = api_error(response.body);
    if (locator && (error.code == "INVALID_QUERY_LOCATOR" || response.status == 404)) {
      log_->warn("query locator expired source={} object={} http_status={} resume_after={}", source_->settings().name,
                 query_.object, response.status, cursor_.tie_break_id);
      next_url_.clear();
      return std::nullopt;
    }
    throw failure(response, url);
  }

  Error failure(const http::Response& response, const std::string& url) {
    const std::string what = describe_answer(response);
    const auto error = [&](Error::Kind kind, std::string message) {
      return Error(kind, fmt::format("salesforce: {}: {}", query_.object, message));
    };
    if (is_daily_limit_exhausted(response)) {
      source_->mark_exhausted();
      return error(Error::Kind::remote, fmt::format("daily API limit exhausted ({}), next run will resume", what));
    }
    switch (response.status) {
      case 400:
        return error(Error::Kind::config, fmt::format("query rejected ({}); check the fields and where clause of the "
                                                     "mapping for object {}", what, query_.object));
      case 401:
        if (api_error(response.body).code == "INVALID_SESSION_ID")
          return error(Error::Kind::transient,
                       fmt::format("session rejected again right after a token refresh ({})", what));
        return error(Error::Kind::config, fmt::format("the integration user's session cannot use the REST API ({}); "
                                                     "check the connected app and the user's API permission", what));
      case 403:
        return error(Error::Kind::config, fmt::format("access denied ({}); check the integration user's permissions "
                                                     "on {}", what, query_.object));
      case 404:
        return error(Error::Kind::config, fmt::format("GET {} not found ({}); check url and api_version",
                                                     path_of(url), what));
      default: break;
    }
    if (response.status >= 300 && response.status < 400)
      return error(Error::Kind::config, fmt::format("GET {} was redirected (HTTP {}) to '{}'; check the url setting",
                                                   path_of(url), response.status, response.header("location")));
    return error(Error::Kind::remote, fmt::format("GET {}: {}", path_of(url), what));
  }

  Page make_page(QueryBatch batch) {
    received_ += static_cast<long>(batch.records.size());
    const long defects = cursor_.advance(batch.records, is_salesforce_id);
    Page page;
    page.records = std::move(batch.records);
    if (batch.done) {
      if (received_ != expected_)
        throw Error(Error::Kind::remote, fmt::format("salesforce: {}: server announced {} records, received {}",
                                                     query_.object, expected_, received_));
      page.next = cursor_.next_pass(source_->settings().lookback);
      page.last = finished_ = true;
    } else {
      next_url_ = batch.next_records_url;
      page.next = cursor_;
    }
    log_->info("page fetched source={} object={} page={} records={} defects={} received={} total={} last={} cursor={}",
               source_->settings().name, query_.object, ++pages_, page.records.size(), defects, received_, expected_,
               page.last, page.next.to_text());
    return page;
  }

  std::shared_ptr<SalesforceSource> source_;
  QuerySpec query_;
  RecordKeys keys_;
  Cursor cursor_;
  std::string next_url_;        // host-relative nextRecordsUrl of the running query, "" = none
  long expected_ = 0;           // totalSize of the running query
  long received_ = 0;           // records received from the running query
  long pages_ = 0;
  bool started_ = false, finished_ = false;
  std::atomic<long> calls_{0};
  StreamAuth auth_;
  std::shared_ptr<spdlog::logger> log_;
};

std::unique_ptr<connectors::PageStream> SalesforceSource::open(const QuerySpec& query, const Cursor& from,
                                                               connectors::SyncMode mode) {
  return std::make_unique<SalesforceStream>(shared_from_this(), query, from, mode);
}

}  // namespace

std::shared_ptr<connectors::Source> make_salesforce_source(SalesforceSettings settings, const Clock& clock) {
  settings = check_settings(std::move(settings));
  const std::string name = settings.name;
  try {
    return std::make_shared<SalesforceSource>(std::move(settings), clock);
  } catch (const Error& e) {  // the auth scheme refuses its settings (e.g. a key that is not RSA)
    ErrorContext context = e.context();
    context.source = name;
    throw Error(e.kind(), fmt::format("salesforce source {}: {}", name, e.what()), context);
  }
}

}  // namespace o2c::salesforce
