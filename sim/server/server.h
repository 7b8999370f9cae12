// sim/server/server.h
// server — the HTTP side of o2csync-sim: one Boost.Beast HTTP/1.1 listener
// per simulated system on 127.0.0.1 (keep-alive, large bodies), handler work
// on a worker pool, latency and `slow` as timers, seeded fault injection, the
// per-system in-flight limit, and /sim/admin/* on every port. Knows nothing of
// Salesforce, NetSuite or the dataset: systems come in as Endpoint functions
// and the admin data as AdminHooks; sim/main.cpp wires the real ones.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sim/server/admin.h"
#include "sim/server/endpoint.h"
#include "sim/server/endpoint_runtime.h"
#include "sim/server/fault_plan.h"

namespace o2c::sim::server {

struct ServerOptions {
  FaultSpec faults;                             // per system request; never on /sim/admin
  std::uint64_t seed = 42;                      // fault sequence (one stream per endpoint)
  int latency_ms = 0;                           // added to every system reply
  int slow_ms = 1500;                           // added by the `slow` fault
  int threads = 4;                              // event-loop threads, and as many handler workers
  bool log_requests = false;                    // one line per request, logger "sim.server"
  std::chrono::milliseconds stop_grace{5000};   // stop(): then connections are closed by force
  std::size_t max_request_body = 8u << 20;      // bytes; beyond: 413
};

class SimServer {
 public:
  SimServer(std::vector<Endpoint> endpoints, AdminHooks admin, ServerOptions options);
  ~SimServer();  // stop()
  SimServer(const SimServer&) = delete;
  SimServer& operator=(const SimServer&) = delete;

  // Binds every endpoint on 127.0.0.1 (port 0 = a free port) without serving
  // yet, so ports are known before the handlers need them. Throws
  // Error(config) naming the endpoint and port that cannot be bound.
  void listen();
  // The bound port of the named endpoint (after listen()); throws if unknown.
  unsigned short port(std::string_view endpoint) const;
  // listen() if not done yet, then serves on options.threads threads.
  void start();
  // Stops accepting, closes idle connections, cuts pending delays short,
  // lets in-flight requests finish (at most stop_grace), joins the threads.
  // Idempotent; safe from any thread but the server's own.
  void stop();

  std::vector<EndpointStats> stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace o2c::sim::server
