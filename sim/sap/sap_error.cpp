#include "sim/sap/sap_error.h"

#include "sim/sim_json.h"

namespace o2c::sim::sap {

namespace {

void append_innererror(std::string& out) {
  out += R"j("innererror":{"application":{"component_id":"","service_namespace":"/SAP/","service_version":"0001"},)j"
         R"j("transactionid":"0A1B2C3D4E5F00000000000000000000","timestamp":"20261124120000.0000000",)j"
         R"j("Error_Resolution":{"SAP_Transaction":"For backend administrators: use ADT feed reader \"SAP Gateway )j"
         R"j(Error Log\" or run transaction /IWFND/ERROR_LOG on SAP Gateway hub system and search for entries )j"
         R"j(with the timestamp above for more details","SAP_Note":"See SAP Note 1797736 for error analysis )j"
         R"j((https://service.sap.com/sap/support/notes/1797736)"},"errordetails":[]})j";
}

}  // namespace

std::string error_body(ODataVersion version, std::string_view code, std::string_view message,
                       std::string_view target) {
  std::string out = "{\"error\":{\"code\":";
  append_json_string(out, code);
  out += ",\"message\":";
  if (version == ODataVersion::v2) {
    out += "{\"lang\":\"en\",\"value\":";
    append_json_string(out, message);
    out += "},";
  } else {
    append_json_string(out, message);
    out += ",\"target\":";
    append_json_string(out, target);
    out += ",\"details\":[],";
  }
  append_innererror(out);
  out += "}}";
  return out;
}

SimReply json_reply(int status, std::string body) {
  SimReply reply;
  reply.status = status;
  reply.headers.emplace_back("Content-Type", std::string(kJsonContentType));
  reply.body = std::move(body);
  return reply;
}

SimReply error_reply(ODataVersion version, int status, std::string_view code, std::string_view message,
                     std::string_view target) {
  SimReply reply = json_reply(status, error_body(version, code, message, target));
  if (version == ODataVersion::v2) reply.headers.emplace_back("dataserviceversion", "1.0");
  else reply.headers.emplace_back("OData-Version", "4.0");
  return reply;
}

SimReply error_reply(ODataVersion version, const ODataError& e) {
  return error_reply(version, e.status(), e.code(), e.what(), e.target());
}

}  // namespace o2c::sim::sap
