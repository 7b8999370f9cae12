// connectors/netsuite/netsuite_source.cpp — the source (one HTTP client, one
// OAuth 1.0a signer) and its streams. A stream reads a pass as a series of
// windows (netsuite_window.h): the first page of a window alone, then its
// other pages concurrently, handed out strictly in order. Every page is
// checked against the window before it is handed out, so a page handed out
// is always right; when rows move under a window (a deletion shifts the
// offsets), the rest of that window is re-read one keyset page at a time.
#include <algorithm>
#include <atomic>
#include <deque>
#include <future>

#include <fmt/format.h>

#include "connectors/http/auth.h"
#include "connectors/netsuite/netsuite.h"
#include "connectors/netsuite/netsuite_config.h"
#include "connectors/netsuite/netsuite_query.h"
#include "connectors/netsuite/netsuite_timezone.h"
#include "connectors/netsuite/netsuite_verdict.h"
#include "connectors/netsuite/netsuite_window.h"
#include "core/error.h"
#include "core/log.h"

namespace o2c::netsuite {
namespace {

using connectors::Cursor;
using connectors::Page;
using connectors::QuerySpec;

class NetSuiteSource final : public connectors::Source, public std::enable_shared_from_this<NetSuiteSource> {
 public:
  NetSuiteSource(NetSuiteSettings settings, const Clock& clock)
      : settings_(std::move(settings)),
        clock_(clock),
        zone_(settings_.timezone),
        client_(settings_.client),
        oauth_(http::OAuth1Settings{netsuite_realm(settings_.account), settings_.consumer_key,
                                    settings_.consumer_secret, settings_.token_id, settings_.token_secret},
               clock) {}

  std::unique_ptr<connectors::PageStream> open(const QuerySpec& query, const Cursor& from,
                                               connectors::SyncMode mode) override;

  const NetSuiteSettings& settings() const { return settings_; }
  const Clock& clock() const { return clock_; }
  const AccountTimeZone& zone() const { return zone_; }
  http::Client& client() { return client_; }
  http::Auth& auth() { return oauth_; }

 private:
  NetSuiteSettings settings_;
  const Clock& clock_;
  AccountTimeZone zone_;
  http::Client client_;
  http::OAuth1Auth oauth_;   // thread-safe: a nonce from OpenSSL's CSPRNG per attempt
};

class NetSuiteStream final : public connectors::PageStream {
 public:
  NetSuiteStream(std::shared_ptr<NetSuiteSource> source, QuerySpec query, const Cursor& from,
                 connectors::SyncMode mode)
      : source_(std::move(source)),
        query_(std::move(query)),
        plan_{source_->settings().page_size, source_->settings().result_ceiling},
        cursor_(mode == connectors::SyncMode::full ? Cursor{} : from),
        log_(logger("source.netsuite")) {
    try {  // refuse a query that could never be sent before any request is made
      build_suiteql(query_, cursor_.since, cursor_.tie_break_id, source_->zone());
    } catch (const Error& e) {
      throw in_context(e);
    }
  }
  ~NetSuiteStream() override { drain(); }
  NetSuiteStream(const NetSuiteStream&) = delete;
  NetSuiteStream& operator=(const NetSuiteStream&) = delete;

  std::optional<Page> next() override {
    if (finished_) return std::nullopt;
    try {
      if (!started_) {
        started_ = true;
        if (!cursor_.in_pass()) cursor_.pass_started = source_->clock().now();
      }
      return next_page();
    } catch (const Error& e) {
      finished_ = true;
      drain();
      throw in_context(e);
    }
  }

  long api_calls() const override { return calls_.load(); }

 private:
  struct Window {
    std::string query;        // SuiteQL text, the same for every page of the window
    long total = 0;           // totalResults announced by the first page
    long pages = 1;           // pages to hand out
    bool rereading = false;   // one keyset page only (after rows moved under a window)
    WindowCheck check;
    long next_index = 1;      // next page to hand out
    long next_launch = 1;     // next page to request
    long handed_out = 0;      // rows handed out from this window
  };

  Page next_page() {
    while (true) {
      long index = 0;
      SuiteqlPage page;
      if (!window_) {
        page = open_window();
      } else {
        index = window_->next_index++;
        page = take_ahead();
      }
      if (const std::string problem = window_->check.accept(index, page); !problem.empty()) {
        if (window_->rereading)
          throw Error(Error::Kind::remote, fmt::format("netsuite: {}: SuiteQL answers do not add up after id '{}': {}",
                                                       query_.object, cursor_.tie_break_id, problem));
        start_reread(problem);
        continue;
      }
      launch_ahead();
      const long rows = static_cast<long>(page.records.size());
      window_->handed_out += rows;
      if (window_->rereading) reread_left_ = std::max(0L, reread_left_ - std::max(rows, 1L));
      bool pass_done = false;
      if (window_->next_index >= window_->pages) {
        pass_done = !plan_.more_after(window_->total, window_->pages);
        window_.reset();
      }
      return hand_out(std::move(page), pass_done);
    }
  }

  // Fetches the first page of a new window (alone: it says how many rows follow).
  SuiteqlPage open_window() {
    const bool rereading = reread_left_ > 0;
    std::string query = build_suiteql(query_, cursor_.since, cursor_.tie_break_id, source_->zone());
    SuiteqlPage first = fetch(query, 0);
    const long pages = rereading ? 1 : plan_.pages_for(first.total_results);
    window_.emplace(Window{std::move(query), first.total_results, pages, rereading,
                           WindowCheck(plan_, first.total_results, pages, cursor_.tie_break_id)});
    return first;
  }

  // Keeps up to max_concurrency pages of the window requested ahead of the consumer.
  void launch_ahead() {
    const auto limit = static_cast<std::size_t>(source_->settings().client.max_concurrency);
    while (ahead_.size() < limit && window_->next_launch < window_->pages) {
      const long offset = plan_.offset_of(window_->next_launch++);
      ahead_.push_back(std::async(std::launch::async, [this, query = window_->query, offset] {
        return fetch(query, offset);
      }));
    }
  }

  SuiteqlPage take_ahead() {
    std::future<SuiteqlPage> next = std::move(ahead_.front());
    ahead_.pop_front();
    return next.get();
  }

  // Pages handed out passed the checks, so the re-read starts after the last id handed out.
  void start_reread(const std::string& problem) {
    log_->warn("window inconsistent, re-reading it one keyset page at a time source={} object={} after_id={} "
               "problem=\"{}\"", source_->settings().name, query_.object, cursor_.tie_break_id, problem);
    reread_left_ = std::max(1L, window_->pages * plan_.page_size - window_->handed_out);
    drain();
    window_.reset();
  }

  void drain() {
    for (auto& pending : ahead_)
      if (pending.valid()) pending.wait();
    ahead_.clear();
  }

  // One page request; thread-safe (runs on the fan-out threads).
  SuiteqlPage fetch(const std::string& query, long offset) const {
    const auto& s = source_->settings();
    http::Request request;
    request.method = "POST";
    request.url = suiteql_url(s.url, s.page_size, offset);
    request.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}, {"Prefer", "transient"}};
    request.body = suiteql_body(query);
    SuiteqlPage page;
    std::string problem;
    int attempts = 0;
    const auto classify = [&](const http::Response& response) {
      ++calls_;
      ++attempts;
      return classify_suiteql_answer(response, source_->zone(), page, problem);
    };
    http::Response response;
    try {
      response = source_->client().send(request, &source_->auth(), classify);
    } catch (const Error& e) {
      if (problem.empty() || e.kind() != Error::Kind::transient) throw;
      throw Error(e.kind(), fmt::format("netsuite: {}: POST {} offset={}: {} (no usable answer after {} attempts)",
                                        query_.object, kSuiteqlPath, offset, problem, attempts));
    }
    if (response.status >= 200 && response.status < 300) return page;
    throw failure(response);
  }

  Error failure(const http::Response& response) const {
    const NetSuiteError e = netsuite_error(response.body);
    const std::string what = describe_answer(response);
    const auto error = [&](Error::Kind kind, std::string message) { return Error(kind, std::move(message)); };
    switch (response.status) {
      case 401:
        return error(Error::Kind::config,
                     fmt::format("netsuite: authentication failed ({}): check consumer_key, consumer_secret, token_id, "
                                 "token_secret, the account id (realm {}) and this host's clock",
                                 e.code.empty() ? "HTTP 401" : e.code, netsuite_realm(source_->settings().account)));
      case 400:
        return error(Error::Kind::config,
                     fmt::format("netsuite: {}: SuiteQL query rejected ({}: {}); check the select, from and where of "
                                 "the mapping for object {}", query_.object, e.code.empty() ? "HTTP 400" : e.code,
                                 e.detail.empty() ? what : e.detail.substr(0, 500), query_.object));
      case 403:
        return error(Error::Kind::config,
                     fmt::format("netsuite: {}: access denied ({}); check the role of the access token (REST web "
                                 "services, SuiteAnalytics Workbook, record permissions)", query_.object, what));
      case 404:
        return error(Error::Kind::config,
                     fmt::format("netsuite: POST {} not found ({}); check url and account", kSuiteqlPath, what));
      default: break;
    }
    if (response.status >= 300 && response.status < 400)
      return error(Error::Kind::config, fmt::format("netsuite: POST {} was redirected (HTTP {}) to '{}'; check url",
                                                    kSuiteqlPath, response.status, response.header("location")));
    return error(Error::Kind::remote, fmt::format("netsuite: {}: POST {}: {}", query_.object, kSuiteqlPath, what));
  }

  Page hand_out(SuiteqlPage page, bool pass_done) {
    const long defects = cursor_.advance(page.records, is_netsuite_id);
    Page out;
    out.records = std::move(page.records);
    out.next = cursor_.after_page(pass_done, source_->settings().lookback);
    out.last = finished_ = pass_done;
    log_->info("page fetched source={} object={} page={} records={} defects={} total={} last={} cursor={}",
               source_->settings().name, query_.object, ++pages_, out.records.size(), defects, page.total_results,
               out.last, out.next.to_text());
    return out;
  }

  Error in_context(const Error& e) const {
    ErrorContext context = e.context();
    if (context.source.empty()) context.source = source_->settings().name;
    if (context.object.empty()) context.object = query_.object;
    return Error(e.kind(), e.what(), context);
  }

  std::shared_ptr<NetSuiteSource> source_;
  QuerySpec query_;
  WindowPlan plan_;
  Cursor cursor_;
  std::optional<Window> window_;
  long reread_left_ = 0;        // rows still to read one keyset page at a time
  long pages_ = 0;
  bool started_ = false, finished_ = false;
  mutable std::atomic<long> calls_{0};
  std::shared_ptr<spdlog::logger> log_;
  std::deque<std::future<SuiteqlPage>> ahead_;  // pages of the window requested ahead, in order
};

std::unique_ptr<connectors::PageStream> NetSuiteSource::open(const QuerySpec& query, const Cursor& from,
                                                             connectors::SyncMode mode) {
  return std::make_unique<NetSuiteStream>(shared_from_this(), query, from, mode);
}

}  // namespace

std::shared_ptr<connectors::Source> make_netsuite_source(NetSuiteSettings settings, const Clock& clock) {
  settings = check_settings(std::move(settings));
  const std::string name = settings.name;
  try {
    return std::make_shared<NetSuiteSource>(std::move(settings), clock);
  } catch (const Error& e) {  // the auth scheme refuses its settings
    ErrorContext context = e.context();
    context.source = name;
    throw Error(e.kind(), fmt::format("netsuite source {}: {}", name, e.what()), context);
  }
}

}  // namespace o2c::netsuite
