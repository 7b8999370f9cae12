#include "sim/server/fault_injection.h"

#include <exception>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "core/log.h"

namespace o2c::sim::server {

namespace {

SimReply html_reply(int status, std::string_view title, std::string_view text) {
  SimReply reply;
  reply.status = status;
  reply.headers = {{"Content-Type", "text/html; charset=utf-8"}};
  reply.body = fmt::format(
      "<!DOCTYPE html>\n<html><head><title>{0}</title></head>\n"
      "<body><h1>{0}</h1><p>{1}</p></body></html>\n",
      title, text);
  return reply;
}

SimReply handler_failure(const Endpoint& endpoint, const std::exception& e) {
  logger("sim.server")->error("handler failed endpoint={} error={}", endpoint.name, e.what());
  SimReply reply;
  reply.status = 500;
  reply.headers = {{"Content-Type", "application/json"}};
  reply.body = boost::json::serialize(boost::json::object{
      {"error", fmt::format("o2csync-sim {} handler failed: {}", endpoint.name, e.what())}});
  return reply;
}

}  // namespace

SimReply maintenance_page() {
  return html_reply(200, "Down for Maintenance",
                    "This service is temporarily unavailable for scheduled maintenance. "
                    "Please try again later.");
}

SimReply generic_fault_reply(std::string_view kind) {
  if (kind == "429") {
    SimReply reply = html_reply(429, "Too Many Requests", "Too many concurrent requests.");
    reply.headers.emplace_back("Retry-After", "1");
    return reply;
  }
  return html_reply(503, "Service Unavailable", "The server is temporarily unable to service your request.");
}

SimReply fault_reply_for(const Endpoint& endpoint, std::string_view kind) {
  if (!endpoint.fault_reply) return generic_fault_reply(kind);
  try {
    return endpoint.fault_reply(kind);
  } catch (const std::exception& e) {
    logger("sim.server")->error("fault reply failed endpoint={} kind={} error={}", endpoint.name, kind, e.what());
    return generic_fault_reply(kind);
  }
}

SimReply truncate_body(SimReply reply, double cut_fraction) {
  const auto size = reply.body.size();
  auto cut = static_cast<std::size_t>(cut_fraction * static_cast<double>(size));
  if (cut >= size && size > 0) cut = size - 1;
  reply.body.resize(cut);
  return reply;
}

SimReply serve_with_faults(const Endpoint& endpoint, const FaultDraw& draw, const SimRequest& request,
                           AppliedFaults& applied) {
  try {
    if (draw[FaultKind::expire] && endpoint.on_expire) {
      endpoint.on_expire();
      applied.set(FaultKind::expire);
    }
    if (draw[FaultKind::slow]) applied.set(FaultKind::slow);
    if (draw[FaultKind::throttle]) {
      applied.set(FaultKind::throttle);
      return fault_reply_for(endpoint, "429");
    }
    if (draw[FaultKind::server_error]) {
      applied.set(FaultKind::server_error);
      return fault_reply_for(endpoint, "5xx");
    }
    if (draw[FaultKind::html]) {
      applied.set(FaultKind::html);
      return maintenance_page();
    }
    SimReply reply = endpoint.handler(request);
    if (draw[FaultKind::lost]) {
      applied.set(FaultKind::lost);
      return reply;
    }
    if (draw[FaultKind::truncate] && reply.status >= 200 && reply.status < 300 && !reply.body.empty()) {
      applied.set(FaultKind::truncate);
      return truncate_body(std::move(reply), draw.cut_fraction);
    }
    return reply;
  } catch (const std::exception& e) {
    return handler_failure(endpoint, e);
  }
}

}  // namespace o2c::sim::server
