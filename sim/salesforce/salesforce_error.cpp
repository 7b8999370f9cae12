#include "sim/salesforce/salesforce_error.h"

#include <fmt/format.h>

#include "sim/salesforce/salesforce_json.h"

namespace o2c::sim::salesforce {

void throw_malformed(std::string_view problem, std::size_t position) {
  throw ApiError(400, "MALFORMED_QUERY", fmt::format("{} at position {}", problem, position));
}

void throw_unexpected_token(std::string_view token, std::size_t position) {
  throw_malformed(fmt::format("unexpected token '{}'", token.substr(0, 80)), position);
}

SimReply json_reply(int status, std::string body) {
  SimReply reply;
  reply.status = status;
  reply.headers.emplace_back("Content-Type", std::string(kJsonContentType));
  reply.body = std::move(body);
  return reply;
}

SimReply rest_error(int status, std::string_view error_code, std::string_view message) {
  std::string body = "[{\"message\":";
  append_json_string(body, message);
  body += ",\"errorCode\":";
  append_json_string(body, error_code);
  body += "}]";
  return json_reply(status, std::move(body));
}

SimReply rest_error(const ApiError& e) { return rest_error(e.status(), e.error_code(), e.what()); }

SimReply oauth_error(int status, std::string_view error, std::string_view description) {
  std::string body = "{\"error\":";
  append_json_string(body, error);
  body += ",\"error_description\":";
  append_json_string(body, description);
  body += "}";
  return json_reply(status, std::move(body));
}

}  // namespace o2c::sim::salesforce
