// sim/portals/portal_codec.h — the byte-level helpers the portals share:
// base64 (Chorus Pro's cpro-account header and deposited files, HTTP Basic),
// random tokens, JSON replies, and the form / query readers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/sim_http.h"

namespace o2c::sim::portals {

std::string base64_encode(std::string_view bytes);
// Strict: the standard alphabet with padding; nullopt on anything else.
std::optional<std::string> base64_decode(std::string_view text);
// `bytes` random bytes (OpenSSL) as lower-case hex.
std::string random_hex(std::size_t bytes);

SimReply json_reply(int status, std::string body);
SimReply xml_reply(int status, std::string body, std::string_view content_type = "text/xml; charset=UTF-8");

using Params = std::vector<std::pair<std::string, std::string>>;
// The decoded query string of a target ("" → empty).
Params query_params(std::string_view target);
std::string_view path_of(std::string_view target);
// The first value of `key`, or nullopt.
std::optional<std::string> param(const Params& params, std::string_view key);
// "Bearer abc" → "abc"; "" when the header is absent or another scheme.
std::string bearer_token(const SimRequest& request);

}  // namespace o2c::sim::portals
