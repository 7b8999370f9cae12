// tests/unit/sim/server/test_support.h — a small Beast HTTP/1.1 client (one
// connection, reused across requests) and helpers shared by the server tests.
// Header-only: the test CMake globs *_test.cpp.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/asio/ip/address_v4.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http.hpp>
#include <fmt/format.h>

namespace o2c::sim::server::testing {

struct HttpResult {
  int status = 0;              // 0 = no reply (connection failed or closed)
  std::string error;           // why there was no reply
  std::string body;
  std::string content_type;
  std::string content_length;  // the header as sent
  bool keep_alive = false;
  std::string header(const std::string& name) const;
  std::vector<std::pair<std::string, std::string>> headers;
};

class TestClient {
 public:
  explicit TestClient(unsigned short port);
  bool connected() const { return connected_; }
  const std::string& connect_error() const { return connect_error_; }

  // One request on this client's connection. Never throws; a transport error
  // comes back as status 0 with `error` set.
  HttpResult request(const std::string& method, const std::string& target, const std::string& body = "",
                     const std::vector<std::pair<std::string, std::string>>& headers = {}, unsigned version = 11);
  // POST with "Expect: 100-continue": sends the header, waits for "100
  // Continue", then sends the body. Returns the interim status too; when
  // the server answers the header with a final status, that is the reply.
  HttpResult post_expecting_continue(const std::string& target, const std::string& body, int& interim_status);
  // True once the server has closed this connection (reads EOF).
  bool closed_by_server();

 private:
  HttpResult read_reply();
  void run();

  boost::asio::io_context ioc_;
  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::string host_;
  bool connected_ = false;
  std::string connect_error_;
};

// One request on a fresh connection.
HttpResult fetch(unsigned short port, const std::string& method, const std::string& target,
                 const std::string& body = "");

// Polls `condition` every few ms until true or `timeout`; returns the last value.
bool eventually(const std::function<bool()>& condition, std::chrono::seconds timeout = std::chrono::seconds(20));

// A door handlers wait at until the test opens it (bounded, so a broken
// server cannot hang the test run).
class Gate {
 public:
  void open();
  void wait();

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool open_ = false;
};

// ---------------------------------------------------------------- implementation


namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

inline constexpr auto kTimeout = std::chrono::seconds(60);
inline constexpr std::uint64_t kMaxBody = 64u << 20;

inline HttpResult failed(std::string why) {
  HttpResult r;
  r.error = std::move(why);
  return r;
}

inline std::string HttpResult::header(const std::string& name) const {
  for (const auto& [k, v] : headers)
    if (beast::iequals(k, name)) return v;
  return {};
}

inline TestClient::TestClient(unsigned short port) : stream_(ioc_), host_(fmt::format("127.0.0.1:{}", port)) {
  beast::error_code ec;
  stream_.expires_after(kTimeout);
  stream_.async_connect(tcp::endpoint(asio::ip::address_v4::loopback(), port),
                        [&](beast::error_code e) { ec = e; });
  run();
  connected_ = !ec;
  if (ec) connect_error_ = ec.message();
}

inline void TestClient::run() {
  ioc_.restart();
  ioc_.run();
}

inline HttpResult TestClient::read_reply() {
  HttpResult result;
  http::response_parser<http::string_body> parser;
  parser.body_limit(kMaxBody);
  beast::error_code ec;
  stream_.expires_after(kTimeout);
  http::async_read(stream_, buffer_, parser, [&](beast::error_code e, std::size_t) { ec = e; });
  run();
  if (ec) {
    result.error = ec.message();
    return result;
  }
  auto& res = parser.get();
  result.status = static_cast<int>(res.result_int());
  result.content_type = std::string(res[http::field::content_type]);
  result.content_length = std::string(res[http::field::content_length]);
  result.keep_alive = res.keep_alive();
  for (const auto& f : res) result.headers.emplace_back(std::string(f.name_string()), std::string(f.value()));
  result.body = std::move(res.body());
  return result;
}

inline HttpResult TestClient::request(const std::string& method, const std::string& target, const std::string& body,
                               const std::vector<std::pair<std::string, std::string>>& headers, unsigned version) {
  if (!connected_) return failed("not connected: " + connect_error_);
  http::request<http::string_body> req{http::string_to_verb(method), target, version};
  req.set(http::field::host, host_);
  for (const auto& [k, v] : headers) req.set(k, v);
  req.body() = body;
  req.prepare_payload();
  beast::error_code ec;
  stream_.expires_after(kTimeout);
  http::async_write(stream_, req, [&](beast::error_code e, std::size_t) { ec = e; });
  run();
  if (ec) return failed("write: " + ec.message());
  return read_reply();
}

inline HttpResult TestClient::post_expecting_continue(const std::string& target, const std::string& body,
                                               int& interim_status) {
  interim_status = 0;
  http::request<http::string_body> req{http::verb::post, target, 11};
  req.set(http::field::host, host_);
  req.set(http::field::expect, "100-continue");
  req.body() = body;
  req.prepare_payload();
  http::request_serializer<http::string_body> serializer{req};
  beast::error_code ec;
  http::async_write_header(stream_, serializer, [&](beast::error_code e, std::size_t) { ec = e; });
  run();
  if (ec) return failed("write header: " + ec.message());
  HttpResult interim = read_reply();
  interim_status = interim.status;
  if (interim.status != 100) return interim;  // a final answer to the header alone, e.g. 413
  http::async_write(stream_, serializer, [&](beast::error_code e, std::size_t) { ec = e; });
  run();
  if (ec) return failed("write body: " + ec.message());
  return read_reply();
}

inline bool TestClient::closed_by_server() {
  char byte = 0;
  beast::error_code ec;
  stream_.expires_after(kTimeout);
  stream_.async_read_some(asio::buffer(&byte, 1), [&](beast::error_code e, std::size_t) { ec = e; });
  run();
  return ec == asio::error::eof || ec == asio::error::connection_reset;
}

inline HttpResult fetch(unsigned short port, const std::string& method, const std::string& target, const std::string& body) {
  TestClient client(port);
  return client.request(method, target, body);
}

inline bool eventually(const std::function<bool()>& condition, std::chrono::seconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return condition();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

inline void Gate::open() {
  {
    std::lock_guard lock(mutex_);
    open_ = true;
  }
  cv_.notify_all();
}

inline void Gate::wait() {
  std::unique_lock lock(mutex_);
  cv_.wait_for(lock, std::chrono::seconds(60), [this] { return open_; });
}

}  // namespace o2c::sim::server::testing
