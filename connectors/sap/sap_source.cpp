// connectors/sap/sap_source.cpp — the source (one HTTP client, one auth
// scheme) and its streams. A pass is a series of keyset queries
// ($filter ... and <id> gt '<last id>', $orderby=<id> asc, $top=page_size),
// each followed through the server's next links; one Page per answer. Every
// answer is checked before it is handed out: envelope, ids strictly
// ascending (a server repeating or skipping pages shows here), the next link
// (same origin, never seen before in the query) and, when a query ends, the
// rows received against the count announced. Before its first query a
// stream checks the mapping against the service's $metadata (fetched once
// per service and source), so a misspelt field is named with a suggestion.
#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <unordered_set>

#include <fmt/format.h>

#include "connectors/sap/sap.h"
#include "connectors/sap/sap_auth.h"
#include "connectors/sap/sap_config.h"
#include "connectors/sap/sap_metadata.h"
#include "connectors/sap/sap_query.h"
#include "connectors/sap/sap_verdict.h"
#include "core/error.h"
#include "core/log.h"
#include "core/text.h"

namespace o2c::sap {
namespace {

using connectors::Cursor;
using connectors::Page;
using connectors::QuerySpec;

class SapSource final : public connectors::Source, public std::enable_shared_from_this<SapSource> {
 public:
  SapSource(SapSettings settings, const Clock& clock)
      : settings_(std::move(settings)), clock_(clock), client_(settings_.client) {
    if (bearer()) oauth_ = std::make_unique<http::OAuth2Auth>(settings_.oauth, client_, clock);
    else basic_ = std::make_unique<BasicAuth>(settings_.user, settings_.password);
  }

  std::unique_ptr<connectors::PageStream> open(const QuerySpec& query, const Cursor& from,
                                               connectors::SyncMode mode) override;

  const SapSettings& settings() const { return settings_; }
  const Clock& clock() const { return clock_; }
  http::Client& client() { return client_; }
  bool bearer() const { return settings_.grant == "client_credentials"; }

  // Signs a request; a token this source had not seen yet counts as one call of `calls`.
  void sign(http::Request& request, std::atomic<long>& calls) {
    if (!oauth_) return basic_->apply(request);
    const std::string token = oauth_->token().access_token;
    {
      std::lock_guard lock(mutex_);
      if (token != last_token_) {
        last_token_ = token;
        ++calls;
      }
    }
    oauth_->apply(request);
  }
  void invalidate(const http::Request& rejected) {
    if (oauth_) oauth_->invalidate(rejected);
  }

  // The entity sets of `service` per its $metadata, fetched on first use
  // through `auth` (one call of the stream that asks first). nullptr when the
  // document cannot be had or read: the check is then skipped with a warning
  // (the server still refuses an unknown field, in its own words).
  std::shared_ptr<const std::map<std::string, EntitySetShape>> metadata(const std::string& service, http::Auth& auth,
                                                                        std::atomic<long>& calls);

 private:
  SapSettings settings_;
  const Clock& clock_;
  http::Client client_;
  std::unique_ptr<BasicAuth> basic_;
  std::unique_ptr<http::OAuth2Auth> oauth_;
  std::mutex mutex_;
  std::string last_token_;
  std::mutex metadata_mutex_;  // one fetch per service, however many streams start at once
  std::map<std::string, std::shared_ptr<const std::map<std::string, EntitySetShape>>> metadata_;
};

std::shared_ptr<const std::map<std::string, EntitySetShape>> SapSource::metadata(const std::string& service,
                                                                                 http::Auth& auth,
                                                                                 std::atomic<long>& calls) {
  std::lock_guard lock(metadata_mutex_);
  if (const auto found = metadata_.find(service); found != metadata_.end()) return found->second;
  http::Request request;
  request.url = settings_.url + service + "/$metadata";
  if (!settings_.sap_client.empty()) request.url += "?sap-client=" + settings_.sap_client;
  request.headers.push_back({"Accept", "application/xml"});
  const auto log = logger("source.sap");
  std::shared_ptr<const std::map<std::string, EntitySetShape>> sets;
  try {
    const http::Response response = client_.send(request, &auth, [&](const http::Response& r) {
      ++calls;
      // An EDMX document, not the JSON sap_verdict expects of a 2xx.
      if (r.status >= 200 && r.status < 300 && r.header("content-type").find("xml") != std::string::npos)
        return http::Verdict::ok;
      return sap_verdict(r, bearer());
    });
    if (response.status >= 200 && response.status < 300)
      sets = std::make_shared<const std::map<std::string, EntitySetShape>>(parse_metadata(response.body));
    else
      log->warn("metadata unavailable source={} service={} status={}: fields are not checked before the first query",
                settings_.name, service, response.status);
  } catch (const Error& e) {
    if (e.kind() == Error::Kind::config) throw;  // credentials: the same for the data
    log->warn("metadata unreadable source={} service={} error=\"{}\": fields are not checked before the first query",
              settings_.name, service, e.what());
  }
  metadata_[service] = sets;
  return sets;
}

// Signs one stream's requests through the source and counts its token fetches.
class StreamAuth final : public http::Auth {
 public:
  StreamAuth(SapSource& source, std::atomic<long>& calls) : source_(source), calls_(calls) {}
  void apply(http::Request& request) override { source_.sign(request, calls_); }
  void invalidate(const http::Request& rejected) override { source_.invalidate(rejected); }

 private:
  SapSource& source_;
  std::atomic<long>& calls_;
};

class SapStream final : public connectors::PageStream {
 public:
  SapStream(std::shared_ptr<SapSource> source, QuerySpec query, const Cursor& from, connectors::SyncMode mode)
      : source_(std::move(source)),
        query_(std::move(query)),
        protocol_(protocol_of(source_->settings().odata_version, query_)),
        keys_{query_.id_field, query_.cursor_field},
        cursor_(mode == connectors::SyncMode::full ? Cursor{} : from),
        last_id_(cursor_.tie_break_id),
        auth_(*source_, calls_),
        log_(logger("source.sap")) {
    try {  // refuse a query that could never be sent before any request is made
      query_url();
    } catch (const Error& e) {
      throw in_context(e);
    }
  }

  std::optional<Page> next() override {
    if (finished_) return std::nullopt;
    try {
      if (!started_) {
        started_ = true;
        check_against_metadata();
        if (!cursor_.in_pass()) cursor_.pass_started = source_->clock().now();
      }
      const bool first = next_url_.empty();
      const std::string url = first ? query_url().url : next_url_;
      if (first) start_query();
      ODataPage page = get(url);
      return hand_out(std::move(page), first, url);
    } catch (const Error& e) {
      finished_ = true;
      throw in_context(e);
    }
  }

  long api_calls() const override { return calls_.load(); }

 private:
  QueryUrl query_url() const {
    const auto& s = source_->settings();
    return build_query_url(s.url, s.sap_client, query_, protocol_, cursor_.since, cursor_.tie_break_id, s.page_size);
  }

  void check_against_metadata() {
    if (!source_->settings().check_metadata) return;
    const auto sets = source_->metadata(query_.service, auth_, calls_);
    if (!sets) return;
    const std::vector<std::string> problems = metadata_problems(*sets, query_);
    if (problems.empty()) return;
    throw Error(Error::Kind::config, fmt::format("sap: mapping for object {} does not fit the $metadata of {}: {}",
                                                 query_.object, query_.service, fmt::join(problems, "; ")));
  }

  void start_query() {
    expected_.reset();
    received_ = 0;
    pages_in_query_ = 0;
    followed_.clear();
  }

  Error in_context(const Error& e) const {
    ErrorContext context = e.context();
    if (context.source.empty()) context.source = source_->settings().name;
    if (context.object.empty()) context.object = query_.object;
    return Error(e.kind(), e.what(), context);
  }

  ODataPage get(const std::string& url) {
    http::Request request;
    request.url = url;
    request.headers.push_back({"Accept", protocol_ == Protocol::v2 ? "application/json"
                                                                     : "application/json;IEEE754Compatible=true"});
    ODataPage page;
    std::string problem;
    int attempts = 0;
    const auto classify = [&](const http::Response& response) {
      ++calls_;
      ++attempts;
      return classify_page_answer(response, protocol_, keys_, source_->bearer(), page, problem);
    };
    http::Response response;
    try {
      response = source_->client().send(request, &auth_, classify);
    } catch (const Error& e) {
      if (problem.empty() || e.kind() != Error::Kind::transient) throw;
      throw Error(e.kind(), fmt::format("sap: {}: GET {}: {} (no usable answer after {} attempts)", query_.object,
                                        query_url().path, problem, attempts));
    }
    if (response.status >= 200 && response.status < 300) return page;
    throw failure(response);
  }

  Error failure(const http::Response& response) const {
    const auto& s = source_->settings();
    const SapError e = sap_error(response.body);
    const std::string what = describe_answer(response);
    const std::string client = s.sap_client.empty() ? "the default client" : "sap-client " + s.sap_client;
    const auto config = [](std::string message) { return Error(Error::Kind::config, std::move(message)); };
    switch (response.status) {
      case 401:
        return config(source_->bearer()
                          ? fmt::format("sap: authentication failed (HTTP 401) with a token from {}: check client_id "
                                        "and client_secret of the OAuth client, that it may call {} and {}",
                                        s.oauth.token_url, query_.service, client)
                          : fmt::format("sap: authentication failed (HTTP 401) for user {}: check user and password "
                                        "of the communication user and {}", s.user, client));
      case 403:
        if (iequals_ascii(response.header("x-csrf-token"), "required"))
          return config(fmt::format("sap: {}: the server demanded a CSRF token for a read (403 x-csrf-token: "
                                    "Required); check that url points at the OData API host", query_.object));
        return config(fmt::format("sap: {}: access denied ({}); check that the communication arrangement of the "
                                  "user includes {}", query_.object, what, query_.service));
      case 404:
        return config(fmt::format("sap: mapping for object {}: {}/{} not found ({}); check service: and object: of "
                                  "the mapping", query_.object, query_.service, query_.object,
                                  e.message.empty() ? what : e.message.substr(0, 300)));
      case 400:
        return config(fmt::format("sap: mapping for object {}: query rejected ({}); check where, id, cursor, fields "
                                  "and expand of the mapping", query_.object, what));
      default: break;
    }
    if (response.status >= 300 && response.status < 400)
      return config(fmt::format("sap: GET {} was redirected (HTTP {}) to '{}' (a logon page?); check url",
                                query_url().path, response.status, response.header("location")));
    return Error(Error::Kind::remote, fmt::format("sap: {}: GET {}: {}", query_.object, query_url().path, what));
  }

  Error remote(const std::string& what) const {
    return Error(Error::Kind::remote, fmt::format("sap: {}: {}", query_.object, what));
  }

  // Ids must rise strictly through a pass (the query orders by them): a repeated or skipped page shows here.
  void check_order(const ODataPage& page) {
    for (const auto& record : page.records) {
      if (record.id.empty()) continue;
      if (!last_id_.empty() && compare_keys(record.id, last_id_) <= 0)
        throw remote(fmt::format("{} '{}' came after '{}': the server repeated or reordered rows (it ignored "
                                 "$orderby or the $skiptoken); the pass stops rather than miss or double rows",
                                 query_.id_field, record.id, last_id_));
      last_id_ = record.id;
    }
  }

  // Where the query goes on: the next link, or "" when it ended.
  std::string follow(const ODataPage& page, const std::string& url) {
    if (page.next.empty()) return {};
    const std::string next = next_url(url, page.next, source_->settings().sap_client, query_.object);
    if (!followed_.insert(next).second)
      throw remote(fmt::format("paging loop: the next link '{}' was already followed in this query (the server "
                               "repeats its $skiptoken)", page.next.substr(0, 300)));
    if (pages_in_query_ > *expected_ + 10)
      throw remote(fmt::format("the server keeps sending next links: {} pages for {} announced rows",
                               pages_in_query_, *expected_));
    return next;
  }

  Page hand_out(ODataPage page, bool first, const std::string& url) {
    if (first) {
      if (!page.count)
        throw remote(fmt::format("the answer has no {} although the count was asked for",
                                 protocol_ == Protocol::v2 ? "__count" : "@odata.count"));
      expected_ = *page.count;
    }
    ++pages_in_query_;
    received_ += static_cast<long>(page.records.size());
    check_order(page);
    next_url_ = follow(page, url);
    bool pass_done = false;
    if (next_url_.empty()) pass_done = query_ended();
    const long defects = cursor_.advance(page.records);
    Page out;
    out.records = std::move(page.records);
    out.next = cursor_.after_page(pass_done, source_->settings().lookback);
    out.last = finished_ = pass_done;
    log_->info("page fetched source={} object={} protocol=\"{}\" page={} records={} defects={} received={} "
               "announced={} last={} cursor={}", source_->settings().name, query_.object, to_string(protocol_),
               ++pages_, out.records.size(), defects, received_, *expected_, out.last, out.next.to_text());
    return out;
  }

  // A query ended (no next link): did it deliver what it announced, and is there more after its $top?
  bool query_ended() {
    const long top = source_->settings().page_size;
    const long due = std::min(*expected_, top);
    if (received_ < due)
      throw remote(fmt::format("the server announced {} rows for this query ($top {}) but sent {} before its next "
                               "links ended; refusing to report a truncated read as complete",
                               *expected_, top, received_));
    if (received_ > due)
      log_->warn("more rows than announced source={} object={} announced={} received={} (rows added while paging)",
                 source_->settings().name, query_.object, *expected_, received_);
    return !(received_ >= top && *expected_ > received_);
  }

  std::shared_ptr<SapSource> source_;
  QuerySpec query_;
  Protocol protocol_;
  RecordKeys keys_;
  Cursor cursor_;
  std::string last_id_;                     // highest id handed out in this pass
  std::string next_url_;                    // next link of the running query, "" = start a query
  std::optional<long> expected_;            // count announced by the running query
  long received_ = 0, pages_in_query_ = 0, pages_ = 0;
  std::unordered_set<std::string> followed_;  // next links followed in the running query
  bool started_ = false, finished_ = false;
  std::atomic<long> calls_{0};
  StreamAuth auth_;
  std::shared_ptr<spdlog::logger> log_;
};

std::unique_ptr<connectors::PageStream> SapSource::open(const QuerySpec& query, const Cursor& from,
                                                        connectors::SyncMode mode) {
  return std::make_unique<SapStream>(shared_from_this(), query, from, mode);
}

}  // namespace

std::shared_ptr<connectors::Source> make_sap_source(SapSettings settings, const Clock& clock) {
  settings = check_settings(std::move(settings));
  const std::string name = settings.name;
  try {
    return std::make_shared<SapSource>(std::move(settings), clock);
  } catch (const Error& e) {   // the auth scheme refuses its settings
    ErrorContext context = e.context();
    context.source = name;
    throw Error(e.kind(), fmt::format("sap source {}: {}", name, e.what()), context);
  }
}

}  // namespace o2c::sap
