#include "connectors/http/curl_transfer.h"

#include <cerrno>
#include <memory>

#include <curl/curl.h>
#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"

namespace o2c::http {

namespace {

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
      throw Error(Error::Kind::internal, "libcurl could not be initialised");
  });
}

struct Collected {
  std::string body;
  std::vector<Header> headers;
  std::size_t cap = 0;
  bool too_large = false;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* c = static_cast<Collected*>(user);
  const std::size_t n = size * count;
  if (c->body.size() + n > c->cap) {
    c->too_large = true;
    return 0;   // aborts the transfer (CURLE_WRITE_ERROR)
  }
  c->body.append(data, n);
  return n;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* c = static_cast<Collected*>(user);
  const std::size_t n = size * count;
  const std::string_view line(data, n);
  if (line.starts_with("HTTP/")) {
    c->headers.clear();   // a new response (after 100 Continue or a proxy CONNECT)
    return n;
  }
  const auto colon = line.find(':');
  if (colon != std::string_view::npos)
    c->headers.push_back({to_lower_ascii(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1)))});
  return n;
}

struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;

Slist build_headers(const Request& request) {
  curl_slist* list = nullptr;
  const auto append = [&](const std::string& line) {
    curl_slist* next = curl_slist_append(list, line.c_str());
    if (next == nullptr) {
      curl_slist_free_all(list);
      throw std::bad_alloc();
    }
    list = next;
  };
  for (const auto& h : request.headers) append(h.name + ": " + h.value);
  append("Expect:");   // no 100-continue round trip for large bodies
  return Slist(list);
}

void set_method(CURL* h, const Request& request) {
  if (request.method == "GET") {
    curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
  } else if (request.method == "HEAD") {
    curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
  } else {
    if (request.method != "POST") curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    if (request.method == "POST" || !request.body.empty()) {
      curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
      curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.data());
    }
  }
}

void set_options(CURL* h, const ClientSettings& s, const Request& request, Collected& collected,
                 curl_slist* headers, char* error_buffer) {
  curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);   // a 3xx goes to the classifier
  // libcurl silently sends a request again when a reused keep-alive
  // connection closes before any answer: a POST that creates something (a
  // portal submission) would then be delivered twice. A fresh connection has
  // no such retry; the outcome stays the caller's to resolve.
  curl_easy_setopt(h, CURLOPT_FRESH_CONNECT, request.idempotent ? 0L : 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!s.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, s.ca_file.c_str());
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(s.timeout.count()));
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(s.connect_timeout.count()));
  curl_easy_setopt(h, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_1_1));
  curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "gzip");
  curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(s.max_response_bytes));
  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(h, CURLOPT_USERAGENT, "o2csync");
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &collected);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &collected);
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
  set_method(h, request);
}

std::string detail(CURLcode code, const char* error_buffer) {
  return error_buffer[0] != '\0' ? std::string(error_buffer) : std::string(curl_easy_strerror(code));
}

TransportFailure classify_failure(CURLcode code, long os_errno, const char* error_buffer, bool too_large) {
  using K = TransportFailure::Kind;
  const std::string why = detail(code, error_buffer);
  if (too_large || code == CURLE_FILESIZE_EXCEEDED)
    return {K::too_large, "response larger than max_response_bytes", "raise max_response_bytes or fetch smaller pages"};
  switch (code) {
    case CURLE_COULDNT_CONNECT:
      return {K::retryable_unsent, os_errno == ECONNREFUSED ? "connection refused" : "cannot connect (" + why + ")",
              "check that the host is reachable"};
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return {K::retryable_unsent, "cannot resolve the host name (" + why + ")", "check the host name in the url and DNS"};
    case CURLE_OPERATION_TIMEDOUT:
      return {K::retryable, "timed out (" + why + ")", "the server is slow or unreachable; check timeout and the network"};
    case CURLE_PEER_FAILED_VERIFICATION:
      return {K::tls_untrusted, why, "check the url or set ca_file"};
    case CURLE_SSL_CACERT_BADFILE:
      return {K::ca_file, "cannot read the CA bundle (" + why + ")", "check ca_file"};
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
      return {K::unusable, why, "check the url"};
    default:
      return {K::retryable, "connection dropped (" + why + ")", "the server or network closed the connection; try again later"};
  }
}

}  // namespace

CurlTransfer::CurlTransfer(const ClientSettings& settings) : settings_(settings) { init_curl_once(); }

CurlTransfer::~CurlTransfer() {
  for (void* h : idle_) curl_easy_cleanup(static_cast<CURL*>(h));
}

void* CurlTransfer::acquire_handle() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      void* h = idle_.back();
      idle_.pop_back();
      return h;
    }
  }
  CURL* h = curl_easy_init();
  if (h == nullptr) throw Error(Error::Kind::internal, "libcurl could not create a handle");
  return h;
}

void CurlTransfer::release_handle(void* handle) {
  std::lock_guard lock(mutex_);
  idle_.push_back(handle);
}

TransferOutcome CurlTransfer::perform(const Request& request) {
  struct Lease {
    CurlTransfer& owner;
    CURL* handle;
    ~Lease() { owner.release_handle(handle); }
  } lease{*this, static_cast<CURL*>(acquire_handle())};
  CURL* h = lease.handle;
  curl_easy_reset(h);   // options only: the handle keeps its live connections

  Collected collected;
  collected.cap = settings_.max_response_bytes;
  const Slist headers = build_headers(request);
  char error_buffer[CURL_ERROR_SIZE] = {};
  set_options(h, settings_, request, collected, headers.get(), error_buffer);

  const CURLcode code = curl_easy_perform(h);
  TransferOutcome outcome;
  if (code == CURLE_OK) {
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    outcome.response = Response{static_cast<int>(status), std::move(collected.headers), std::move(collected.body),
                                request.url};
    return outcome;
  }
  long os_errno = 0;
  curl_easy_getinfo(h, CURLINFO_OS_ERRNO, &os_errno);
  outcome.failure = classify_failure(code, os_errno, error_buffer, collected.too_large);
  return outcome;
}

}  // namespace o2c::http
