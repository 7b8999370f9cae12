// What the access point's answers mean.
#include <openssl/rand.h>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "connectors/portals/peppol/peppol_portal.h"
#include "core/error.h"

namespace o2c::portals::peppol {

namespace json = boost::json;

std::string uuid_v4() {
  unsigned char b[16];
  if (RAND_bytes(b, sizeof b) != 1) throw Error(Error::Kind::internal, "RAND_bytes failed");
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);   // version 4
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);   // RFC 4122 variant
  std::string hex;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) hex += '-';
    hex += fmt::format("{:02x}", b[i]);
  }
  return hex;
}

Outcome response_outcome(std::string_view code) {
  if (code == "AP") return Outcome::accepted;
  if (code == "PD") return Outcome::paid;
  if (code == "RE") return Outcome::rejected;
  return Outcome::submitted;   // AB, IP, UQ, CA, or no response yet
}

AnswerClass submit_class(const http::Response& r, std::string& reason) {
  reason = r.excerpt();
  if (const auto generic = generic_class(r)) return *generic;
  if (r.status == 401) return AnswerClass::auth_failure;
  json::error_code ec;
  const json::value body = json::parse(r.body, ec);
  if (ec || !body.is_object()) return AnswerClass::unparseable;
  if (r.status == 200 || r.status == 201 || r.status == 202)
    return body.as_object().contains("id") ? AnswerClass::received : AnswerClass::unparseable;
  const json::value* error = body.as_object().if_contains("error");
  if (!error || !error->is_object()) return AnswerClass::unparseable;
  const json::value* code = error->as_object().if_contains("code");
  const json::value* message = error->as_object().if_contains("message");
  const std::string c = code && code->is_string() ? std::string(code->get_string()) : "";
  reason = fmt::format("{}: {}", c, message && message->is_string() ? std::string(message->get_string()) : "");
  if (c == "SENDER_NOT_REGISTERED") return AnswerClass::auth_failure;
  if (c == "RECEIVER_NOT_FOUND" || c == "RECEIVER_NOT_REGISTERED") return AnswerClass::unknown_buyer;
  if (r.status >= 400 && r.status < 500) return AnswerClass::validation_reject;
  return AnswerClass::unparseable;
}

}  // namespace o2c::portals::peppol
