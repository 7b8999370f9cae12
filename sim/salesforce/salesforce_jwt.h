// sim/salesforce/salesforce_jwt.h
// Verification of the JWT bearer assertion (RFC 7523) as Salesforce does it:
// RS256 signature checked with OpenSSL 3 against the configured public key,
// then iss (client id), sub (username), aud (accepted audiences) and exp (in
// the future, at most a few minutes ahead).
#pragma once

#include <openssl/types.h>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace o2c::sim::salesforce {

struct JwtExpectations {
  std::string issuer;                  // client id
  std::string subject;                 // username
  std::vector<std::string> audiences;  // any one may appear in aud
  Timestamp now;
  std::chrono::seconds max_lifetime{240};  // Salesforce: exp within 3 minutes (+1 minute of clock skew)
};

struct JwtVerdict {
  std::string error;  // OAuth error code; "" when the assertion is good
  std::string description;
  bool ok() const { return error.empty(); }
};

class JwtVerifier {
 public:
  // PEM "PUBLIC KEY" (SubjectPublicKeyInfo) or "CERTIFICATE" holding an RSA key.
  // Throws o2c::Error(config) when it cannot be read.
  explicit JwtVerifier(const std::string& pem);
  JwtVerdict verify(std::string_view assertion, const JwtExpectations& expect) const;

 private:
  std::shared_ptr<EVP_PKEY> key_;
};

// base64url without padding (RFC 4648 §5) → bytes; nullopt on a bad character.
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace o2c::sim::salesforce
