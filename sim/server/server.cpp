#include "sim/server/server.h"

#include <algorithm>
#include <optional>
#include <set>
#include <thread>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/ip/address_v4.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <fmt/format.h>

#include "core/error.h"
#include "core/log.h"
#include "sim/server/http_connection.h"
#include "sim/server/server_core.h"

namespace o2c::sim::server {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

// ---------------------------------------------------------------- registry

void ConnectionRegistry::add(Connection* c, std::weak_ptr<Connection> w) {
  std::lock_guard lock(mutex_);
  open_.emplace(c, std::move(w));
}

void ConnectionRegistry::remove(Connection* c) {
  std::lock_guard lock(mutex_);
  open_.erase(c);
  if (open_.empty()) empty_.notify_all();
}

void ConnectionRegistry::for_each(const std::function<void(Connection&)>& f) {
  std::vector<std::shared_ptr<Connection>> alive;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [raw, weak] : open_)
      if (auto c = weak.lock()) alive.push_back(std::move(c));
  }
  for (const auto& c : alive) f(*c);
}

bool ConnectionRegistry::wait_empty(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return empty_.wait_for(lock, timeout, [this] { return open_.empty(); });
}

// ---------------------------------------------------------------- core

namespace {

std::vector<std::unique_ptr<EndpointRuntime>> make_runtimes(std::vector<Endpoint> endpoints,
                                                            const ServerOptions& options) {
  std::set<std::string> names;
  std::vector<std::unique_ptr<EndpointRuntime>> runtimes;
  for (std::size_t i = 0; i < endpoints.size(); ++i) {
    Endpoint& e = endpoints[i];
    if (e.name.empty() || !names.insert(e.name).second)
      fail(Error::Kind::internal, "endpoint names must be unique and non-empty ('{}')", e.name);
    if (!e.handler) fail(Error::Kind::internal, "endpoint '{}' has no handler", e.name);
    if (e.max_in_flight < 0) fail(Error::Kind::internal, "endpoint '{}': max_in_flight < 0", e.name);
    runtimes.push_back(std::make_unique<EndpointRuntime>(std::move(e), options.faults, options.seed, i));
  }
  return runtimes;
}

int checked_threads(int threads) {
  if (threads < 1 || threads > 256) fail(Error::Kind::config, "threads must be within 1..256, got {}", threads);
  return threads;
}

}  // namespace

ServerCore::ServerCore(std::vector<Endpoint> endpoint_list, AdminHooks admin_hooks, ServerOptions server_options)
    : options(std::move(server_options)),
      admin(std::move(admin_hooks)),
      endpoints(make_runtimes(std::move(endpoint_list), options)),
      ioc(checked_threads(options.threads)),
      workers(static_cast<std::size_t>(options.threads)) {
  if (options.latency_ms < 0 || options.slow_ms < 0)
    fail(Error::Kind::config, "latency and slow delays must be >= 0 ms");
}

std::vector<EndpointStats> ServerCore::stats() const {
  std::vector<EndpointStats> out;
  for (const auto& e : endpoints) out.push_back(e->stats());
  return out;
}

// ---------------------------------------------------------------- server

struct SimServer::Impl {
  Impl(std::vector<Endpoint> endpoints, AdminHooks admin, ServerOptions options)
      : core(std::move(endpoints), std::move(admin), std::move(options)) {}

  void accept(std::size_t i);
  void retry_accept_later(std::size_t i);
  void run_loop();

  ServerCore core;
  std::vector<std::unique_ptr<tcp::acceptor>> acceptors;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
  std::vector<std::thread> threads;
  std::mutex lifecycle;
  bool listening = false, started = false, stopped = false;
};

void SimServer::Impl::accept(std::size_t i) {
  acceptors[i]->async_accept(asio::make_strand(core.ioc), [this, i](boost::system::error_code ec, tcp::socket socket) {
    if (core.stopping) return;
    if (ec) {
      if (ec == asio::error::operation_aborted) return;
      logger("sim.server")->warn("accept failed endpoint={} error={}", core.endpoints[i]->endpoint().name, ec.message());
      return retry_accept_later(i);
    }
    std::make_shared<Connection>(std::move(socket), core, i)->start();
    accept(i);
  });
}

void SimServer::Impl::retry_accept_later(std::size_t i) {
  // Out of descriptors and the like: retrying at once would spin.
  auto timer = std::make_shared<asio::steady_timer>(acceptors[i]->get_executor(), std::chrono::milliseconds(100));
  timer->async_wait([this, i, timer](boost::system::error_code) {
    if (!core.stopping) accept(i);
  });
}

void SimServer::Impl::run_loop() {
  for (;;) {
    try {
      core.ioc.run();
      return;
    } catch (const std::exception& e) {
      logger("sim.server")->error("event loop handler failed error={}", e.what());
    }
  }
}

SimServer::SimServer(std::vector<Endpoint> endpoints, AdminHooks admin, ServerOptions options)
    : impl_(std::make_unique<Impl>(std::move(endpoints), std::move(admin), std::move(options))) {}

SimServer::~SimServer() { stop(); }

void SimServer::listen() {
  std::lock_guard lock(impl_->lifecycle);
  if (impl_->listening || impl_->stopped) return;
  for (const auto& runtime : impl_->core.endpoints) {
    const Endpoint& e = runtime->endpoint();
    auto acceptor = std::make_unique<tcp::acceptor>(asio::make_strand(impl_->core.ioc));
    const tcp::endpoint address(asio::ip::address_v4::loopback(), e.port);
    boost::system::error_code ec;
    acceptor->open(address.protocol(), ec);
    if (!ec) acceptor->set_option(tcp::acceptor::reuse_address(true), ec);
    if (!ec) acceptor->bind(address, ec);
    if (!ec) acceptor->listen(asio::socket_base::max_listen_connections, ec);
    if (ec) fail(Error::Kind::config, "cannot listen on 127.0.0.1:{} for {}: {}", e.port, e.name, ec.message());
    runtime->set_port(acceptor->local_endpoint().port());
    impl_->acceptors.push_back(std::move(acceptor));
  }
  impl_->listening = true;
}

unsigned short SimServer::port(std::string_view endpoint) const {
  for (const auto& runtime : impl_->core.endpoints)
    if (runtime->endpoint().name == endpoint) return runtime->stats().port;
  fail(Error::Kind::internal, "no endpoint named '{}'", endpoint);
}

void SimServer::start() {
  listen();
  std::lock_guard lock(impl_->lifecycle);
  if (impl_->started || impl_->stopped) return;
  impl_->started = true;
  impl_->work.emplace(asio::make_work_guard(impl_->core.ioc));
  for (std::size_t i = 0; i < impl_->acceptors.size(); ++i)
    asio::post(impl_->acceptors[i]->get_executor(), [impl = impl_.get(), i] { impl->accept(i); });
  for (int t = 0; t < impl_->core.options.threads; ++t) impl_->threads.emplace_back([impl = impl_.get()] { impl->run_loop(); });
}

void SimServer::stop() {
  std::lock_guard lock(impl_->lifecycle);
  if (impl_->stopped) return;
  impl_->stopped = true;
  ServerCore& core = impl_->core;
  core.stopping = true;
  for (auto& acceptor : impl_->acceptors)
    asio::post(acceptor->get_executor(), [a = acceptor.get()] {
      boost::system::error_code ec;
      a->close(ec);
    });
  if (impl_->started) {
    core.connections.for_each([](Connection& c) { c.shutdown(false); });
    impl_->work.reset();
    if (!core.connections.wait_empty(core.options.stop_grace))
      core.connections.for_each([](Connection& c) { c.shutdown(true); });
  } else {
    core.ioc.run();  // runs the acceptor closes posted above
  }
  for (auto& t : impl_->threads) t.join();
  core.workers.join();
}

std::vector<EndpointStats> SimServer::stats() const { return impl_->core.stats(); }

}  // namespace o2c::sim::server
