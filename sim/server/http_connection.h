// sim/server/http_connection.h — one accepted TCP connection: reads HTTP/1.1
// requests (keep-alive, Expect: 100-continue), hands each to the admin API or
// to its endpoint through the worker pool, holds the reply for the latency
// with a timer, writes it. Everything it touches runs on its own strand.
#pragma once

#include <chrono>
#include <memory>
#include <optional>

#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include "sim/server/endpoint_runtime.h"
#include "sim/server/server_core.h"

namespace o2c::sim::server {

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(boost::asio::ip::tcp::socket socket, ServerCore& core, std::size_t endpoint);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void start();
  // From any thread: close now if idle (or if `force`), else after the
  // current reply, which is sent without its remaining delay.
  void shutdown(bool force);

 private:
  using Clock = std::chrono::steady_clock;
  enum class Phase { reading, handling, delaying, writing };

  void read_header();
  void on_header(boost::beast::error_code ec);
  void read_body();
  void on_body(boost::beast::error_code ec);
  void reject(boost::beast::error_code ec);
  void dispatch_admin(SimRequest request);
  void dispatch_system(SimRequest request);
  void reply_after(std::chrono::milliseconds delay, SimReply reply, Admission admission, AppliedFaults applied);
  // Counts the reply (system requests), logs it, writes it.
  void send(SimReply reply, Admission admission, AppliedFaults applied, bool is_admin);
  void write(SimReply reply, bool keep_alive);
  void on_write(boost::beast::error_code ec, bool keep_alive);
  void close();
  void log_request(const SimReply& reply, const Admission& admission, const AppliedFaults& applied,
                   bool is_admin) const;

  ServerCore& core_;
  std::size_t endpoint_;
  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  boost::asio::steady_timer delay_;
  boost::beast::http::response<boost::beast::http::string_body> response_;
  Phase phase_ = Phase::reading;
  bool request_keep_alive_ = true;
  unsigned request_version_ = 11;
  bool cut_delay_ = false;
  std::string method_, path_;
  std::size_t query_bytes_ = 0;
  Clock::time_point received_;
};

}  // namespace o2c::sim::server
