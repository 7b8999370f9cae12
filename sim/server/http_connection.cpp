#include "sim/server/http_connection.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <fmt/format.h>

#include "core/log.h"
#include "core/text.h"
#include "sim/server/admin.h"
#include "sim/server/fault_injection.h"

namespace o2c::sim::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr auto kIoTimeout = std::chrono::seconds(300);  // per read or write of one message
constexpr std::uint32_t kHeaderLimit = 64 * 1024;       // long SOQL travels in the target

SimRequest to_sim_request(http::request<http::string_body>&& req) {
  SimRequest r;
  r.method = std::string(req.method_string());
  r.target = std::string(req.target());
  r.host = std::string(req[http::field::host]);
  for (const auto& field : req) r.headers.emplace_back(to_lower_ascii(field.name_string()), std::string(field.value()));
  r.body = std::move(req.body());
  return r;
}

bool is_framing_header(std::string_view name) {
  return beast::iequals(name, "content-length") || beast::iequals(name, "connection") ||
         beast::iequals(name, "transfer-encoding");
}

SimReply plain_error(int status, std::string_view text) {
  return SimReply{status, {{"Content-Type", "text/plain; charset=utf-8"}}, std::string(text) + "\n"};
}

std::string applied_names(const Admission& admission, const AppliedFaults& applied) {
  std::string names = admission.admitted ? "" : "limit";
  for (FaultKind k : kAllFaultKinds) {
    if (!applied[k]) continue;
    if (!names.empty()) names += ',';
    names += fault_name(k);
  }
  return names.empty() ? "none" : names;
}

}  // namespace

Connection::Connection(tcp::socket socket, ServerCore& core, std::size_t endpoint)
    : core_(core), endpoint_(endpoint), stream_(std::move(socket)), delay_(stream_.get_executor()) {}

Connection::~Connection() { core_.connections.remove(this); }

void Connection::start() {
  core_.connections.add(this, weak_from_this());
  asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read_header(); });
}

void Connection::shutdown(bool force) {
  asio::post(stream_.get_executor(), [self = shared_from_this(), force] {
    self->cut_delay_ = true;
    if (force || self->phase_ == Phase::reading)
      self->close();
    else if (self->phase_ == Phase::delaying)
      self->delay_.cancel();
  });
}

void Connection::read_header() {
  phase_ = Phase::reading;
  if (core_.stopping) return close();
  parser_.emplace();
  parser_->header_limit(kHeaderLimit);
  parser_->body_limit(core_.options.max_request_body);
  stream_.expires_after(kIoTimeout);
  http::async_read_header(stream_, buffer_, *parser_,
                          [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
}

void Connection::on_header(beast::error_code ec) {
  if (ec) return reject(ec);
  const auto& req = parser_->get();
  if (beast::iequals(req[http::field::expect], "100-continue")) {
    auto go_on = std::make_shared<http::response<http::empty_body>>(http::status::continue_, req.version());
    http::async_write(stream_, *go_on, [self = shared_from_this(), go_on](beast::error_code wec, std::size_t) {
      if (wec) return self->close();
      self->read_body();
    });
    return;
  }
  read_body();
}

void Connection::read_body() {
  if (parser_->is_done()) return on_body({});
  http::async_read(stream_, buffer_, *parser_,
                   [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_body(ec); });
}

void Connection::on_body(beast::error_code ec) {
  if (ec) return reject(ec);
  auto req = parser_->release();
  parser_.reset();
  request_keep_alive_ = req.keep_alive();
  request_version_ = req.version();
  method_ = std::string(req.method_string());
  const std::string_view target = req.target();
  path_ = std::string(target.substr(0, target.find('?')));
  query_bytes_ = target.size() - path_.size();
  received_ = Clock::now();
  phase_ = Phase::handling;
  SimRequest request = to_sim_request(std::move(req));
  if (is_admin_target(request.target))
    dispatch_admin(std::move(request));
  else
    dispatch_system(std::move(request));
}

void Connection::reject(beast::error_code ec) {
  if (ec == http::error::body_limit)
    return write(plain_error(413, "request body too large"), false);
  if (ec == http::error::header_limit)
    return write(plain_error(431, "request header fields too large"), false);
  const bool bad_message = ec.category() == beast::error_code(http::error::bad_target).category() &&
                           ec != http::error::end_of_stream && ec != http::error::partial_message;
  if (bad_message) return write(plain_error(400, "bad request: " + ec.message()), false);
  close();
}

void Connection::dispatch_admin(SimRequest request) {
  ++core_.admin_requests;
  asio::post(core_.workers, [self = shared_from_this(), work = asio::make_work_guard(core_.ioc),
                             request = std::move(request)]() mutable {
    SimReply reply = handle_admin(request, self->core_.admin, self->core_.stats(), self->core_.admin_requests.load());
    asio::post(self->stream_.get_executor(), [self, reply = std::move(reply)]() mutable {
      self->send(std::move(reply), Admission{}, AppliedFaults{}, true);
    });
  });
}

void Connection::dispatch_system(SimRequest request) {
  EndpointRuntime& endpoint = *core_.endpoints[endpoint_];
  const Admission admission = endpoint.admit();
  const std::chrono::milliseconds latency{core_.options.latency_ms};
  if (!admission.admitted) return reply_after(latency, fault_reply_for(endpoint.endpoint(), "429"), admission, {});
  asio::post(core_.workers, [self = shared_from_this(), work = asio::make_work_guard(core_.ioc), admission,
                             request = std::move(request)]() mutable {
    AppliedFaults applied;
    SimReply reply =
        serve_with_faults(self->core_.endpoints[self->endpoint_]->endpoint(), admission.draw, request, applied);
    asio::post(self->stream_.get_executor(), [self, admission, applied, reply = std::move(reply)]() mutable {
      const auto& options = self->core_.options;
      const std::chrono::milliseconds delay{options.latency_ms + (applied[FaultKind::slow] ? options.slow_ms : 0)};
      self->reply_after(delay, std::move(reply), admission, applied);
    });
  });
}

void Connection::reply_after(std::chrono::milliseconds delay, SimReply reply, Admission admission,
                             AppliedFaults applied) {
  if (delay.count() <= 0 || cut_delay_ || core_.stopping) return send(std::move(reply), admission, applied, false);
  phase_ = Phase::delaying;
  delay_.expires_after(delay);
  delay_.async_wait([self = shared_from_this(), admission, applied, reply = std::move(reply)](
                        beast::error_code) mutable { self->send(std::move(reply), admission, applied, false); });
}

void Connection::send(SimReply reply, Admission admission, AppliedFaults applied, bool is_admin) {
  // The request stops counting as in flight before its reply can reach the
  // client, so a client that waits for its replies never exceeds the limit.
  if (!is_admin) core_.endpoints[endpoint_]->finish(admission, applied, reply.status);
  if (core_.options.log_requests) log_request(reply, admission, applied, is_admin);
  if (applied[FaultKind::lost]) return close();   // the system acted; the client gets no reply
  write(std::move(reply), request_keep_alive_ && !core_.stopping);
}

void Connection::write(SimReply reply, bool keep_alive) {
  if (reply.status < 100 || reply.status > 999) {
    logger("sim.server")->error("invalid reply status={} path={}", reply.status, path_);
    reply = plain_error(500, fmt::format("o2csync-sim: a handler answered with status {}", reply.status));
  }
  response_ = {};
  response_.version(request_version_);
  response_.result(static_cast<unsigned>(reply.status));
  for (const auto& [name, value] : reply.headers)
    if (!is_framing_header(name)) response_.insert(name, value);
  response_.set(http::field::server, "o2csync-sim");
  response_.body() = std::move(reply.body);
  response_.keep_alive(keep_alive);
  response_.prepare_payload();
  phase_ = Phase::writing;
  stream_.expires_after(kIoTimeout);
  http::async_write(stream_, response_, [self = shared_from_this(), keep_alive](beast::error_code ec, std::size_t) {
    self->on_write(ec, keep_alive);
  });
}

void Connection::on_write(beast::error_code ec, bool keep_alive) {
  response_ = {};
  if (ec || !keep_alive) return close();
  read_header();
}

void Connection::close() {
  beast::error_code ec;
  delay_.cancel();
  stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  stream_.socket().close(ec);
}

void Connection::log_request(const SimReply& reply, const Admission& admission, const AppliedFaults& applied,
                             bool is_admin) const {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - received_).count();
  logger("sim.server")
      ->info("request endpoint={} method={} path={} query_bytes={} status={} bytes={} faults={} ms={}",
             is_admin ? std::string("admin") : core_.endpoints[endpoint_]->endpoint().name, method_, path_,
             query_bytes_, reply.status, reply.body.size(), applied_names(admission, applied), ms);
}

}  // namespace o2c::sim::server
