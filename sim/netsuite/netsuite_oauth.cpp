#include "sim/netsuite/netsuite_oauth.h"

#include <algorithm>
#include <cctype>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "core/text.h"

namespace o2c::sim::netsuite {

namespace {

bool is_unreserved(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

bool starts_with_scheme(std::string_view h) {
  constexpr std::string_view kScheme = "oauth";
  return h.size() > kScheme.size() && to_lower_ascii(h.substr(0, kScheme.size())) == kScheme &&
         (h[kScheme.size()] == ' ' || h[kScheme.size()] == '\t');
}

void skip_spaces(std::string_view& s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
}

}  // namespace

std::string oauth_percent_encode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_unreserved(c)) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0x0F];
    }
  }
  return out;
}

std::optional<Params> parse_oauth_header(std::string_view header) {
  header = trim(header);
  if (!starts_with_scheme(header)) return std::nullopt;
  std::string_view rest = header.substr(5);
  Params out;
  skip_spaces(rest);
  while (!rest.empty()) {
    const auto eq = rest.find('=');
    if (eq == std::string_view::npos || eq == 0) return std::nullopt;
    const std::string name(trim(rest.substr(0, eq)));
    rest.remove_prefix(eq + 1);
    if (rest.empty() || rest.front() != '"') return std::nullopt;
    const auto close = rest.find('"', 1);
    if (close == std::string_view::npos) return std::nullopt;
    std::string value = percent_decode(rest.substr(1, close - 1), false);
    rest.remove_prefix(close + 1);
    const bool repeated = std::any_of(out.begin(), out.end(), [&](const auto& p) { return p.first == name; });
    if (repeated || name.find_first_of(" ,\"") != std::string::npos) return std::nullopt;
    out.emplace_back(name, std::move(value));
    skip_spaces(rest);
    if (rest.empty()) break;
    if (rest.front() != ',') return std::nullopt;
    rest.remove_prefix(1);
    skip_spaces(rest);
  }
  if (out.empty()) return std::nullopt;
  return out;
}

std::string signature_base_string(std::string_view method, std::string_view base_uri, const Params& params) {
  Params encoded;
  encoded.reserve(params.size());
  for (const auto& [k, v] : params) encoded.emplace_back(oauth_percent_encode(k), oauth_percent_encode(v));
  std::sort(encoded.begin(), encoded.end());
  std::string normalized;
  for (const auto& [k, v] : encoded) {
    if (!normalized.empty()) normalized += '&';
    normalized += k;
    normalized += '=';
    normalized += v;
  }
  return to_upper_ascii(method) + '&' + oauth_percent_encode(base_uri) + '&' + oauth_percent_encode(normalized);
}

std::string hmac_sha256_base64(std::string_view key, std::string_view text) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(text.data()),
       text.size(), mac, &mac_len);
  std::string out(4 * ((mac_len + 2) / 3), '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), mac, static_cast<int>(mac_len));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

}  // namespace o2c::sim::netsuite
