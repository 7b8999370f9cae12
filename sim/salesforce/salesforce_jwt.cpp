#include "sim/salesforce/salesforce_jwt.h"

#include <fmt/format.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "core/error.h"

namespace o2c::sim::salesforce {

namespace {

namespace json = boost::json;

std::shared_ptr<EVP_PKEY> read_public_key(const std::string& pem) {
  const std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())),
                                                      BIO_free);
  EVP_PKEY* key = nullptr;
  if (bio && pem.find("CERTIFICATE") != std::string::npos) {
    const std::unique_ptr<X509, decltype(&X509_free)> cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr),
                                                           X509_free);
    if (cert) key = X509_get_pubkey(cert.get());
  } else if (bio) {
    key = PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr);
  }
  if (!key || !EVP_PKEY_is_a(key, "RSA")) {
    EVP_PKEY_free(key);
    ERR_clear_error();
    throw Error(Error::Kind::config, "salesforce jwt public key: not a readable RSA PUBLIC KEY or CERTIFICATE PEM");
  }
  return {key, EVP_PKEY_free};
}

std::optional<json::object> decode_json_object(std::string_view part) {
  const auto bytes = base64url_decode(part);
  if (!bytes) return std::nullopt;
  boost::system::error_code ec;
  json::value v = json::parse(*bytes, ec);
  if (ec || !v.is_object()) return std::nullopt;
  return std::move(v.as_object());
}

std::string string_claim(const json::object& claims, std::string_view name) {
  const auto* v = claims.if_contains(name);
  return v && v->is_string() ? std::string(v->as_string()) : std::string{};
}

bool audience_accepted(const json::object& claims, const std::vector<std::string>& accepted) {
  const auto* aud = claims.if_contains("aud");
  const auto ok = [&](const json::value& v) {
    return v.is_string() &&
           std::find(accepted.begin(), accepted.end(), std::string_view(v.as_string())) != accepted.end();
  };
  if (!aud) return false;
  if (aud->is_array()) return std::any_of(aud->as_array().begin(), aud->as_array().end(), ok);
  return ok(*aud);
}

std::optional<std::int64_t> int_claim(const json::object& claims, std::string_view name) {
  const auto* v = claims.if_contains(name);
  if (!v) return std::nullopt;
  boost::system::error_code ec;
  const auto n = v->to_number<std::int64_t>(ec);
  if (ec) return std::nullopt;
  return n;
}

JwtVerdict bad_grant(std::string description) { return {"invalid_grant", std::move(description)}; }

JwtVerdict check_claims(const json::object& claims, const JwtExpectations& expect) {
  if (string_claim(claims, "iss") != expect.issuer) return {"invalid_client_id", "client identifier invalid"};
  if (const std::string sub = string_claim(claims, "sub"); sub != expect.subject)
    return bad_grant(fmt::format("user hasn't approved this consumer: unknown user '{}'", sub));
  if (!audience_accepted(claims, expect.audiences)) return bad_grant("audience is invalid");
  const auto exp = int_claim(claims, "exp");
  const std::int64_t now = std::chrono::duration_cast<std::chrono::seconds>(expect.now.time_since_epoch()).count();
  if (!exp) return bad_grant("invalid assertion: exp claim missing");
  if (*exp <= now) return bad_grant("expired authorization code: the assertion's exp is in the past");
  if (*exp > now + expect.max_lifetime.count())
    return bad_grant(fmt::format("invalid assertion: exp is more than {} seconds ahead", expect.max_lifetime.count()));
  return {};
}

}  // namespace

std::optional<std::string> base64url_decode(std::string_view text) {
  std::string standard(text);
  std::replace(standard.begin(), standard.end(), '-', '+');
  std::replace(standard.begin(), standard.end(), '_', '/');
  if (standard.find_first_of("=\r\n ") != std::string::npos || standard.size() % 4 == 1) return std::nullopt;
  const std::size_t padding = (4 - standard.size() % 4) % 4;
  standard.append(padding, '=');
  std::string out(standard.size() / 4 * 3, '\0');
  const int n =
      EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                      reinterpret_cast<const unsigned char*>(standard.data()), static_cast<int>(standard.size()));
  if (n < 0) return std::nullopt;
  out.resize(static_cast<std::size_t>(n) - padding);
  return out;
}

JwtVerifier::JwtVerifier(const std::string& pem) : key_(read_public_key(pem)) {}

JwtVerdict JwtVerifier::verify(std::string_view assertion, const JwtExpectations& expect) const {
  const auto dot1 = assertion.find('.');
  const auto dot2 = dot1 == std::string_view::npos ? dot1 : assertion.find('.', dot1 + 1);
  if (dot2 == std::string_view::npos || assertion.find('.', dot2 + 1) != std::string_view::npos)
    return bad_grant("invalid assertion: not a JWT");
  const auto header = decode_json_object(assertion.substr(0, dot1));
  const auto claims = decode_json_object(assertion.substr(dot1 + 1, dot2 - dot1 - 1));
  const auto signature = base64url_decode(assertion.substr(dot2 + 1));
  if (!header || !claims || !signature) return bad_grant("invalid assertion: not a JWT");
  if (string_claim(*header, "alg") != "RS256") return bad_grant("invalid assertion: alg must be RS256");

  const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  const std::string_view signed_part = assertion.substr(0, dot2);
  const bool valid =
      ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key_.get()) == 1 &&
      EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature->data()), signature->size(),
                       reinterpret_cast<const unsigned char*>(signed_part.data()), signed_part.size()) == 1;
  if (!valid) {
    ERR_clear_error();  // leave nothing on this thread's OpenSSL error queue
    return bad_grant("invalid assertion: signature does not verify");
  }
  return check_claims(*claims, expect);
}

}  // namespace o2c::sim::salesforce
