// sim/server/server_core.h — what the connections of one SimServer share:
// options, endpoints, admin hooks, the event loop, the worker pool and the
// registry of open connections (for a graceful stop). Internal to server/.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/thread_pool.hpp>

#include "sim/server/admin.h"
#include "sim/server/endpoint_runtime.h"
#include "sim/server/server.h"

namespace o2c::sim::server {

class Connection;

// Open connections, so stop() can reach them. Registration is by address;
// a connection unregisters itself in its destructor.
class ConnectionRegistry {
 public:
  void add(Connection* c, std::weak_ptr<Connection> w);
  void remove(Connection* c);
  void for_each(const std::function<void(Connection&)>& f);
  // Waits until no connection is open, at most `timeout`; true if none is.
  bool wait_empty(std::chrono::milliseconds timeout);

 private:
  std::mutex mutex_;
  std::condition_variable empty_;
  std::map<Connection*, std::weak_ptr<Connection>> open_;
};

struct ServerCore {
  ServerCore(std::vector<Endpoint> endpoints, AdminHooks admin_hooks, ServerOptions server_options);

  std::vector<EndpointStats> stats() const;

  ServerOptions options;
  AdminHooks admin;
  std::vector<std::unique_ptr<EndpointRuntime>> endpoints;
  std::atomic<long> admin_requests{0};
  std::atomic<bool> stopping{false};
  ConnectionRegistry connections;       // declared before the loop: connections die with it
  boost::asio::io_context ioc;
  boost::asio::thread_pool workers;
};

}  // namespace o2c::sim::server
