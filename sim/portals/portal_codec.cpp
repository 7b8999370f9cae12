#include "sim/portals/portal_codec.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include "core/error.h"
#include "core/text.h"

namespace o2c::sim::portals {

std::string base64_encode(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3), '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
  if (text.empty()) return std::string();
  if (text.size() % 4 != 0) return std::nullopt;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    const bool padding = c == '=' && i + 2 >= text.size() && (i + 1 == text.size() || text[i + 1] == '=');
    if (!alphabet && !padding) return std::nullopt;
  }
  std::string out(3 * text.size() / 4, '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
  if (n < 0) return std::nullopt;
  std::size_t size = static_cast<std::size_t>(n);
  for (std::size_t i = text.size(); i > 0 && text[i - 1] == '='; --i) --size;   // EVP counts the padding
  out.resize(size);
  return out;
}

std::string random_hex(std::size_t bytes) {
  std::string raw(bytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), static_cast<int>(raw.size())) != 1)
    throw Error(Error::Kind::internal, "RAND_bytes failed");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes * 2);
  for (unsigned char c : raw) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

SimReply json_reply(int status, std::string body) {
  return SimReply{status, {{"Content-Type", "application/json; charset=utf-8"}}, std::move(body)};
}

SimReply xml_reply(int status, std::string body, std::string_view content_type) {
  return SimReply{status, {{"Content-Type", std::string(content_type)}}, std::move(body)};
}

std::string_view path_of(std::string_view target) { return target.substr(0, target.find('?')); }

Params query_params(std::string_view target) {
  const auto q = target.find('?');
  if (q == std::string_view::npos) return {};
  return parse_query_string(target.substr(q + 1), true);
}

std::optional<std::string> param(const Params& params, std::string_view key) {
  for (const auto& [k, v] : params)
    if (k == key) return v;
  return std::nullopt;
}

std::string bearer_token(const SimRequest& request) {
  const std::string_view value = trim(request.header("authorization"));
  const auto space = value.find(' ');
  if (space == std::string_view::npos || !iequals_ascii(value.substr(0, space), "bearer")) return {};
  return std::string(trim(value.substr(space + 1)));
}

}  // namespace o2c::sim::portals
