// OAuth 1.0a (RFC 5849) request signing with HMAC-SHA256, NetSuite TBA style.
#include <algorithm>

#include <fmt/format.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include "connectors/http/auth.h"
#include "connectors/http/url.h"
#include "core/error.h"
#include "core/text.h"

namespace o2c::http {

namespace {

constexpr std::string_view kSignatureMethod = "HMAC-SHA256";
constexpr std::string_view kVersion = "1.0";

std::string random_nonce() {
  static constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  constexpr std::size_t kLength = 32;
  std::string nonce;
  while (nonce.size() < kLength) {
    unsigned char bytes[64];
    if (RAND_bytes(bytes, sizeof bytes) != 1) throw Error(Error::Kind::internal, "OpenSSL RAND_bytes failed");
    for (unsigned char b : bytes)   // 248 = 4 * 62: dropping 248..255 keeps every letter equally likely
      if (b < 248 && nonce.size() < kLength) nonce += kAlphabet[b % kAlphabet.size()];
  }
  return nonce;
}

std::string base64(const unsigned char* bytes, std::size_t n) {
  std::string out(4 * ((n + 2) / 3) + 1, '\0');
  const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytes, static_cast<int>(n));
  out.resize(static_cast<std::size_t>(written));
  return out;
}

std::string hmac_sha256_base64(const std::string& key, const std::string& text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(text.data()),
           text.size(), digest, &length) == nullptr)
    throw Error(Error::Kind::internal, "OpenSSL HMAC-SHA256 failed");
  return base64(digest, length);
}

bool is_form_encoded(const Request& request) {
  for (const auto& h : request.headers)
    if (to_lower_ascii(h.name) == "content-type")
      return to_lower_ascii(trim(h.value)).starts_with("application/x-www-form-urlencoded");
  return false;
}

// application/x-www-form-urlencoded pairs, decoded ('+' is a space).
QueryParams parse_form(std::string_view body) {
  QueryParams out;
  const auto decode = [](std::string_view part) {
    std::string text(part);
    std::replace(text.begin(), text.end(), '+', ' ');
    return percent_decode(text);
  };
  while (!body.empty()) {
    const auto amp = body.find('&');
    const std::string_view pair = body.substr(0, amp);
    if (!pair.empty()) {
      const auto eq = pair.find('=');
      out.emplace_back(decode(pair.substr(0, eq)), eq == std::string_view::npos ? "" : decode(pair.substr(eq + 1)));
    }
    body = amp == std::string_view::npos ? std::string_view{} : body.substr(amp + 1);
  }
  return out;
}

void require(const Secret& value, std::string_view name) {
  if (value.empty()) throw Error(Error::Kind::config, fmt::format("oauth1 (token-based auth) needs {}; it is empty", name));
}

}  // namespace

OAuth1Auth::OAuth1Auth(OAuth1Settings settings, const Clock& clock, std::function<std::string()> nonce)
    : settings_(std::move(settings)), clock_(clock), nonce_(nonce ? std::move(nonce) : random_nonce) {
  if (settings_.realm.empty()) throw Error(Error::Kind::config, "oauth1 (token-based auth) needs a realm (the account id)");
  const bool printable = std::all_of(settings_.realm.begin(), settings_.realm.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x20 && c != '"' && c != '\\' && c != 0x7f;
  });
  if (!printable)
    throw Error(Error::Kind::config, fmt::format("oauth1 realm '{}' contains a quote, backslash or control character",
                                                 settings_.realm));
  require(settings_.consumer_key, "consumer_key");
  require(settings_.consumer_secret, "consumer_secret");
  require(settings_.token_id, "token_id");
  require(settings_.token_secret, "token_secret");
}

std::string OAuth1Auth::base_string(const Request& request, const std::string& nonce, std::int64_t timestamp) const {
  const UrlParts url = split_url(request.url);
  QueryParams params = url.query;
  if (is_form_encoded(request))
    for (auto& p : parse_form(request.body)) params.push_back(std::move(p));
  params.emplace_back("oauth_consumer_key", settings_.consumer_key.reveal());
  params.emplace_back("oauth_nonce", nonce);
  params.emplace_back("oauth_signature_method", std::string(kSignatureMethod));
  params.emplace_back("oauth_timestamp", std::to_string(timestamp));
  params.emplace_back("oauth_token", settings_.token_id.reveal());
  params.emplace_back("oauth_version", std::string(kVersion));

  // RFC 5849 §3.4.1.3.2: encode, then sort by name and by value for equal names.
  std::vector<std::pair<std::string, std::string>> encoded;
  encoded.reserve(params.size());
  for (const auto& [name, value] : params) encoded.emplace_back(percent_encode(name), percent_encode(value));
  std::sort(encoded.begin(), encoded.end());
  std::string normalized;
  for (const auto& [name, value] : encoded) {
    if (!normalized.empty()) normalized += '&';
    normalized += name + "=" + value;
  }
  return to_upper_ascii(request.method) + "&" + percent_encode(url.base_uri()) + "&" + percent_encode(normalized);
}

std::string OAuth1Auth::header(const Request& request, const std::string& nonce, std::int64_t timestamp) const {
  const std::string key =
      percent_encode(settings_.consumer_secret.reveal()) + "&" + percent_encode(settings_.token_secret.reveal());
  const std::string signature = hmac_sha256_base64(key, base_string(request, nonce, timestamp));
  return fmt::format(
      "OAuth realm=\"{}\", oauth_consumer_key=\"{}\", oauth_token=\"{}\", oauth_signature_method=\"{}\", "
      "oauth_timestamp=\"{}\", oauth_nonce=\"{}\", oauth_version=\"{}\", oauth_signature=\"{}\"",
      settings_.realm, percent_encode(settings_.consumer_key.reveal()), percent_encode(settings_.token_id.reveal()),
      kSignatureMethod, timestamp, percent_encode(nonce), kVersion, percent_encode(signature));
}

void OAuth1Auth::apply(Request& request) {
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(clock_.now().time_since_epoch()).count();
  set_header(request, "Authorization", header(request, nonce_(), seconds));
}

}  // namespace o2c::http
