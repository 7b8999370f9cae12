// connectors/oracle/oracle_source.cpp — the source (one HTTP client, one auth
// scheme) and its streams. A stream reads a pass as a series of windows
// (oracle_window.h), one page at a time: each page is checked against its
// window before it is handed out, so a page handed out is always right. When
// rows move under a window the next window starts after the last id handed
// out; a second inconsistency in a row, or a page the server repeated, ends
// the stream with an error instead of a loop.
#include <fmt/format.h>

#include "connectors/oracle/oracle.h"
#include "connectors/oracle/oracle_auth.h"
#include "connectors/oracle/oracle_config.h"
#include "connectors/oracle/oracle_query.h"
#include "connectors/oracle/oracle_verdict.h"
#include "connectors/oracle/oracle_window.h"
#include "core/error.h"
#include "core/log.h"

namespace o2c::oracle {
namespace {

using connectors::Cursor;
using connectors::Page;
using connectors::QuerySpec;

std::unique_ptr<http::Client> make_client(const http::ClientSettings& settings, http::ClientClock* clock) {
  return clock ? std::make_unique<http::Client>(settings, *clock) : std::make_unique<http::Client>(settings);
}

class OracleSource final : public connectors::Source, public std::enable_shared_from_this<OracleSource> {
 public:
  OracleSource(OracleSettings settings, const Clock& clock, http::ClientClock* client_clock)
      : settings_(std::move(settings)), clock_(clock), client_(make_client(settings_.client, client_clock)) {
    if (const auto* basic = std::get_if<OracleBasicAuth>(&settings_.auth)) {
      auth_ = std::make_unique<BasicAuth>(basic->user, basic->password);
    } else {
      auth_ = std::make_unique<http::OAuth2Auth>(std::get<http::OAuth2Settings>(settings_.auth), *client_, clock);
      bearer_ = true;
    }
  }

  std::unique_ptr<connectors::PageStream> open(const QuerySpec& query, const Cursor& from,
                                               connectors::SyncMode mode) override;

  const OracleSettings& settings() const { return settings_; }
  const Clock& clock() const { return clock_; }
  http::Client& client() { return *client_; }
  http::Auth& auth() { return *auth_; }
  bool bearer() const { return bearer_; }

  // What to check when the pod refuses the credentials.
  std::string credentials_hint() const {
    if (!bearer_)
      return fmt::format("check auth.user ('{}') and auth.password (an expired or locked password answers the same)",
                         std::get<OracleBasicAuth>(settings_.auth).user);
    return "check auth.client_id, auth.client_secret and auth.token_url, and that the client's scope covers the "
           "Fusion REST APIs";
  }

 private:
  OracleSettings settings_;
  const Clock& clock_;
  std::unique_ptr<http::Client> client_;
  std::unique_ptr<http::Auth> auth_;
  bool bearer_ = false;
};

class OracleStream final : public connectors::PageStream {
 public:
  OracleStream(std::shared_ptr<OracleSource> source, QuerySpec query, const Cursor& from, connectors::SyncMode mode)
      : source_(std::move(source)),
        query_(std::move(query)),
        cursor_(mode == connectors::SyncMode::full ? Cursor{} : from),
        log_(logger("source.oracle")) {
    try {  // refuse a query that could never be sent before any request is made
      shape_.fields = fields_param(query_);
      shape_.expand = expand_param(query_);
      shape_.q = build_q(query_, cursor_.since, cursor_.tie_break_id);
      collection_url(source_->settings().url, query_, shape_);
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
      return next_page();
    } catch (const Error& e) {
      finished_ = true;
      throw in_context(e);
    }
  }

  long api_calls() const override { return calls_; }

 private:
  struct Window {
    std::string q;
    WindowCheck check;
    long offset = 0;            // next offset to ask for
    long handed_out = 0;        // rows handed out from this window
    bool rereading = false;     // opened because rows moved under the previous window
  };

  Page next_page() {
    while (true) {
      if (!window_) {
        window_.emplace(Window{build_q(query_, cursor_.since, cursor_.tie_break_id), WindowCheck(cursor_.tie_break_id),
                               0, 0, reread_next_});
        reread_next_ = false;
      }
      const long offset = window_->offset;
      CollectionPage page = fetch(window_->q, offset);
      const PageVerdict verdict = window_->check.accept(offset, page);
      if (verdict.kind == PageVerdict::Kind::moved) {
        if (window_->rereading && window_->handed_out == 0)
          throw Error(Error::Kind::remote,
                      fmt::format("oracle: {}: the answers do not add up after id '{}', even re-read: {}",
                                  query_.object, cursor_.tie_break_id, verdict.what));
        log_->warn("rows moved under the query, re-reading after the last id source={} object={} after_id={} "
                   "problem=\"{}\"", source_->settings().name, query_.object, cursor_.tie_break_id, verdict.what);
        window_.reset();
        reread_next_ = true;
        continue;
      }
      if (verdict.kind != PageVerdict::Kind::fits)
        throw Error(Error::Kind::remote,
                    fmt::format("oracle: {}: {}{} — stopping rather than reading the same rows again or missing some",
                                query_.object, verdict.what,
                                verdict.kind == PageVerdict::Kind::repeated ? " (field pitfall #24: paging ignored)"
                                                                            : ""));
      const long rows = static_cast<long>(page.records.size());
      window_->offset += rows;
      window_->handed_out += rows;
      const bool pass_done = !page.has_more;
      if (pass_done || window_->handed_out >= source_->settings().window_rows) window_.reset();
      return hand_out(std::move(page), pass_done);
    }
  }

  CollectionPage fetch(const std::string& q, long offset) {
    const auto& s = source_->settings();
    PageRequest page_request = shape_;
    page_request.q = q;
    page_request.limit = s.page_size;
    page_request.offset = offset;
    http::Request request;
    request.method = "GET";
    request.url = collection_url(s.url, query_, page_request);
    request.headers = {{"Accept", "application/json"},
                       {"REST-Framework-Version", std::to_string(s.framework_version)}};
    CollectionPage page;
    std::string problem;
    int attempts = 0;
    const auto classify = [&](const http::Response& response) {
      ++calls_;
      ++attempts;
      return classify_collection_answer(response, source_->bearer(), query_.id_field, query_.cursor_field, page,
                                        problem);
    };
    http::Response response;
    try {
      response = source_->client().send(request, &source_->auth(), classify);
    } catch (const Error& e) {
      if (problem.empty() || e.kind() != Error::Kind::transient) throw;
      throw Error(e.kind(), fmt::format("oracle: {}: GET {} offset={}: {} (no usable answer after {} attempts)",
                                        query_.object, query_.service, offset, problem, attempts));
    }
    if (response.status >= 200 && response.status < 300) return page;
    throw failure(response);
  }

  Error failure(const http::Response& response) const {
    const std::string what = describe_answer(response);
    const std::string& service = query_.service;
    const auto config = [](std::string message) { return Error(Error::Kind::config, std::move(message)); };
    switch (response.status) {
      case 401:
        return config(fmt::format("oracle: authentication failed (HTTP 401) on {}: {}", service,
                                  source_->credentials_hint()));
      case 400:
        return config(fmt::format("oracle: {}: the query was refused ({}); check the fields, where, id and cursor of "
                                  "the mapping for object {}", query_.object, what, query_.object));
      case 403:
        return config(fmt::format("oracle: {}: access denied ({}); check that the integration user's roles allow "
                                  "reading {}", query_.object, what, service));
      case 404:
        return config(fmt::format("oracle: {} not found ({}); check url and the service of the mapping for object {}",
                                  service, what, query_.object));
      default: break;
    }
    if (response.status >= 300 && response.status < 400)
      return config(fmt::format("oracle: GET {} was redirected (HTTP {}) to '{}'; check url", service,
                                response.status, response.header("location")));
    return Error(Error::Kind::remote, fmt::format("oracle: {}: GET {}: {}", query_.object, service, what));
  }

  Page hand_out(CollectionPage page, bool pass_done) {
    const long defects = cursor_.advance(page.records);
    Page out;
    out.records = std::move(page.records);
    out.next = cursor_.after_page(pass_done, source_->settings().lookback);
    out.last = finished_ = pass_done;
    log_->info("page fetched source={} object={} page={} records={} defects={} total={} last={} cursor={}",
               source_->settings().name, query_.object, ++pages_, out.records.size(), defects,
               page.total_results.value_or(-1), out.last, out.next.to_text());
    return out;
  }

  Error in_context(const Error& e) const {
    ErrorContext context = e.context();
    if (context.source.empty()) context.source = source_->settings().name;
    if (context.object.empty()) context.object = query_.object;
    return Error(e.kind(), e.what(), context);
  }

  std::shared_ptr<OracleSource> source_;
  QuerySpec query_;
  Cursor cursor_;
  PageRequest shape_;               // fields and expand of every page
  std::optional<Window> window_;
  bool reread_next_ = false;
  long pages_ = 0;
  long calls_ = 0;
  bool started_ = false, finished_ = false;
  std::shared_ptr<spdlog::logger> log_;
};

std::unique_ptr<connectors::PageStream> OracleSource::open(const QuerySpec& query, const Cursor& from,
                                                           connectors::SyncMode mode) {
  return std::make_unique<OracleStream>(shared_from_this(), query, from, mode);
}

}  // namespace

std::shared_ptr<connectors::Source> make_oracle_source(OracleSettings settings, const Clock& clock,
                                                       http::ClientClock* client_clock) {
  settings = check_settings(std::move(settings));
  const std::string name = settings.name;
  try {
    return std::make_shared<OracleSource>(std::move(settings), clock, client_clock);
  } catch (const Error& e) {  // the auth scheme refuses its settings
    ErrorContext context = e.context();
    context.source = name;
    throw Error(e.kind(), fmt::format("oracle source {}: {}", name, e.what()), context);
  }
}

}  // namespace o2c::oracle
