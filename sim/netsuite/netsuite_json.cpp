#include "sim/netsuite/netsuite_json.h"

#include <fmt/format.h>

namespace o2c::sim::netsuite {

namespace {

std::string_view status_title(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 429: return "Too Many Requests";
    default: return "Internal Server Error";
  }
}

std::string_view status_type(int status) {
  switch (status) {
    case 400: return "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.1";
    case 401: return "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.2";
    case 403: return "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.4";
    case 404: return "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.5";
    case 405: return "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.6";
    case 429: return "https://www.rfc-editor.org/rfc/rfc6585.html#section-4";
    default: return "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.5.1";
  }
}

void append_link(std::string& out, std::string_view rel, const CollectionPage& page, std::size_t offset) {
  out += R"({"rel":)";
  append_json_string(out, rel);
  out += R"(,"href":)";
  append_json_string(out, fmt::format("{}?limit={}&offset={}", page.base_href, page.limit, offset));
  out += '}';
}

}  // namespace

SimReply error_reply(int status, std::string_view error_code, std::string_view detail, ErrorLocator locator) {
  std::string body = R"({"type":)";
  append_json_string(body, status_type(status));
  body += R"(,"title":)";
  append_json_string(body, status_title(status));
  body += fmt::format(R"(,"status":{},"o:errorDetails":[{{"detail":)", status);
  append_json_string(body, detail);
  body += R"(,"o:errorCode":)";
  append_json_string(body, error_code);
  if (!locator.key.empty()) {
    body += ',';
    append_json_string(body, locator.key);
    body += ':';
    append_json_string(body, locator.value);
  }
  body += "}]}";
  return SimReply{status, {{"Content-Type", std::string(kErrorContentType)}}, std::move(body)};
}

std::string collection_body(const CollectionPage& page) {
  std::string out = R"({"links":[)";
  if (page.has_more) {
    append_link(out, "next", page, page.offset + page.limit);
    out += ',';
    append_link(out, "last", page, page.last_offset);
    out += ',';
  }
  append_link(out, "self", page, page.offset);
  const std::size_t count = page.items ? page.items->size() : 0;
  out += fmt::format(R"(],"count":{},"hasMore":{},"offset":{},"totalResults":{},"items":[)", count,
                     page.has_more ? "true" : "false", page.offset, page.total);
  for (std::size_t i = 0; i < count; ++i) {
    if (i) out += ',';
    out += (*page.items)[i];
  }
  out += "]}";
  return out;
}

}  // namespace o2c::sim::netsuite
