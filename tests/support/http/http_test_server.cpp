#include "tests/support/http/http_test_server.h"

#include <algorithm>
#include <exception>
#include <mutex>
#include <thread>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

namespace o2c::test {

namespace asio = boost::asio;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string to_lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

HttpTestRequest to_record(const bhttp::request<bhttp::string_body>& req) {
  HttpTestRequest r;
  r.method = std::string(req.method_string());
  r.target = std::string(req.target());
  for (const auto& field : req) r.headers.emplace_back(to_lower(field.name_string()), std::string(field.value()));
  r.body = req.body();
  return r;
}

bhttp::response<bhttp::string_body> to_response(const HttpTestReply& reply, bool request_keep_alive) {
  bhttp::response<bhttp::string_body> res;
  res.result(static_cast<unsigned>(reply.status));
  res.version(11);
  bool close = !request_keep_alive;
  for (const auto& [name, value] : reply.headers) {
    if (to_lower(name) == "connection" && to_lower(value) == "close") close = true;
    res.insert(name, value);
  }
  res.body() = reply.body;
  res.keep_alive(!close);
  if (reply.chunked)
    res.chunked(true);
  else
    res.prepare_payload();
  return res;
}

void close_socket(tcp::socket& socket) {
  boost::system::error_code ignored;
  socket.shutdown(tcp::socket::shutdown_both, ignored);
  socket.close(ignored);
}

}  // namespace

std::string HttpTestRequest::header(std::string_view name) const {
  const std::string wanted = to_lower(name);
  for (const auto& [k, v] : headers)
    if (k == wanted) return v;
  return "";
}

std::string HttpTestRequest::path() const { return target.substr(0, target.find('?')); }

HttpTestReply HttpTestReply::json(int status, std::string body) {
  HttpTestReply r;
  r.status = status;
  r.headers = {{"Content-Type", "application/json"}};
  r.body = std::move(body);
  return r;
}

HttpTestReply HttpTestReply::text(int status, std::string body, std::string content_type) {
  HttpTestReply r;
  r.status = status;
  r.headers = {{"Content-Type", std::move(content_type)}};
  r.body = std::move(body);
  return r;
}

struct HttpTestServer::Impl {
  // Declared before the io_context so that connections (destroyed with it) never outlive it.
  std::optional<asio::ssl::context> ssl;
  asio::io_context ioc;
  tcp::acceptor acceptor{ioc};
  std::vector<std::thread> threads;
  int port = 0;

  mutable std::mutex mutex;
  Handler handler;
  std::vector<HttpTestRequest> requests;
  int in_flight = 0;
  int max_in_flight = 0;
  std::size_t connections = 0;

  Handler begin(const HttpTestRequest& request) {
    std::lock_guard lock(mutex);
    requests.push_back(request);
    max_in_flight = std::max(max_in_flight, ++in_flight);
    return handler;
  }

  void end() {
    std::lock_guard lock(mutex);
    --in_flight;
  }

  static HttpTestReply run_handler(const Handler& handler, const HttpTestRequest& request) {
    try {
      return handler(request);
    } catch (const std::exception& e) {
      return HttpTestReply::text(500, std::string("test handler threw: ") + e.what());
    }
  }

  // One connection: requests until the peer closes, a reply says close, or a fault reply.
  template <typename Stream>
  asio::awaitable<void> serve(Stream& stream) {
    boost::beast::flat_buffer buffer;
    for (;;) {
      bhttp::request_parser<bhttp::string_body> parser;
      parser.body_limit(256u << 20);
      auto [read_ec, read_n] = co_await bhttp::async_read(stream, buffer, parser, kNoThrow);
      if (read_ec) co_return;
      const auto& req = parser.get();
      const HttpTestRequest record = to_record(req);
      const HttpTestReply reply = run_handler(begin(record), record);
      if (reply.delay.count() > 0) {
        asio::steady_timer timer(stream.get_executor(), reply.delay);
        co_await timer.async_wait(kNoThrow);
      }
      // Out of flight before the first byte leaves, so a client that saw the
      // answer can never find this request still counted.
      end();
      if (reply.close_without_answer) co_return;
      auto res = to_response(reply, req.keep_alive());
      if (reply.truncate_body_at) {
        bhttp::response_serializer<bhttp::string_body> serializer(res);
        auto [head_ec, head_n] = co_await bhttp::async_write_header(stream, serializer, kNoThrow);
        if (head_ec) co_return;
        const std::size_t n = std::min(*reply.truncate_body_at, res.body().size());
        co_await asio::async_write(stream, asio::buffer(res.body().data(), n), kNoThrow);
        co_return;
      }
      auto [write_ec, write_n] = co_await bhttp::async_write(stream, res, kNoThrow);
      if (write_ec || !res.keep_alive()) co_return;
    }
  }

  asio::awaitable<void> serve_plain(tcp::socket socket) {
    co_await serve(socket);
    close_socket(socket);
  }

  asio::awaitable<void> serve_tls(tcp::socket socket) {
    asio::ssl::stream<tcp::socket> stream(std::move(socket), *ssl);
    auto [ec] = co_await stream.async_handshake(asio::ssl::stream_base::server, kNoThrow);
    if (!ec) co_await serve(stream);
    close_socket(stream.next_layer());
  }

  asio::awaitable<void> accept_loop() {
    for (;;) {
      auto [ec, socket] = co_await acceptor.async_accept(kNoThrow);
      if (ec) {
        if (!acceptor.is_open()) co_return;
        continue;
      }
      {
        std::lock_guard lock(mutex);
        ++connections;
      }
      if (ssl)
        asio::co_spawn(ioc, serve_tls(std::move(socket)), asio::detached);
      else
        asio::co_spawn(ioc, serve_plain(std::move(socket)), asio::detached);
    }
  }
};

HttpTestServer::HttpTestServer(Handler handler, std::optional<TlsIdentity> tls, int threads)
    : impl_(std::make_unique<Impl>()) {
  impl_->handler = std::move(handler);
  if (tls) {
    impl_->ssl.emplace(asio::ssl::context::tls_server);
    impl_->ssl->use_certificate_chain(asio::buffer(tls->certificate_pem));
    impl_->ssl->use_private_key(asio::buffer(tls->private_key_pem), asio::ssl::context::pem);
  }
  const tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), 0);
  impl_->acceptor.open(endpoint.protocol());
  impl_->acceptor.set_option(tcp::acceptor::reuse_address(true));
  impl_->acceptor.bind(endpoint);
  impl_->acceptor.listen();
  impl_->port = impl_->acceptor.local_endpoint().port();
  asio::co_spawn(impl_->ioc, impl_->accept_loop(), asio::detached);
  for (int i = 0; i < std::max(1, threads); ++i) impl_->threads.emplace_back([this] { impl_->ioc.run(); });
}

HttpTestServer::~HttpTestServer() {
  impl_->ioc.stop();
  for (auto& t : impl_->threads) t.join();
}

int HttpTestServer::port() const { return impl_->port; }

std::string HttpTestServer::url() const {
  return std::string(impl_->ssl ? "https" : "http") + "://127.0.0.1:" + std::to_string(impl_->port);
}

void HttpTestServer::set_handler(Handler handler) {
  std::lock_guard lock(impl_->mutex);
  impl_->handler = std::move(handler);
}

std::vector<HttpTestRequest> HttpTestServer::requests() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->requests;
}

std::size_t HttpTestServer::request_count() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->requests.size();
}

int HttpTestServer::max_in_flight() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->max_in_flight;
}

std::size_t HttpTestServer::connections_accepted() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->connections;
}

void HttpTestServer::clear() {
  std::lock_guard lock(impl_->mutex);
  impl_->requests.clear();
  impl_->max_in_flight = impl_->in_flight;
  impl_->connections = 0;
}

}  // namespace o2c::test
