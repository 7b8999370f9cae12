// Reading the network's cXML answers.
#include <fmt/format.h>
#include <pugixml.hpp>

#include "connectors/portals/ariba/ariba_portal.h"
#include "core/text.h"

namespace o2c::portals::ariba {

std::optional<CxmlStatus> read_status(const std::string& body) {
  pugi::xml_document doc;
  if (!doc.load_buffer(body.data(), body.size())) return std::nullopt;
  const pugi::xml_node status = doc.child("cXML").child("Response").child("Status");
  if (!status || status.attribute("code").empty()) return std::nullopt;
  return CxmlStatus{status.attribute("code").as_int(), status.attribute("text").value(),
                    std::string(trim(status.child_value()))};
}

AnswerClass submit_class(const http::Response& r, std::string& reason) {
  reason = r.excerpt();
  if (const auto generic = generic_class(r)) return *generic;
  const auto status = read_status(r.body);
  if (!status) return AnswerClass::unparseable;
  reason = fmt::format("cXML {} {}: {}", status->code, status->text, status->message);
  const int c = status->code;
  if (c == 200 || c == 201 || c == 204 || c == 280 || c == 281) return AnswerClass::received;
  if (c == 401 || c == 403) return AnswerClass::auth_failure;
  if (c == 429) return AnswerClass::quota;
  if (c == 503) return AnswerClass::unavailable;
  if (c >= 500) return AnswerClass::server_error;
  const std::string lower = to_lower_ascii(status->message);
  if (lower.find("invoice_duplicate") != std::string::npos) return AnswerClass::duplicate;
  if (lower.find("unknown buyer") != std::string::npos) return AnswerClass::unknown_buyer;
  if (c >= 400) return AnswerClass::validation_reject;
  return AnswerClass::unparseable;
}

}  // namespace o2c::portals::ariba
