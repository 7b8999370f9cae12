// tests/support/http/tls_identity.h — a TLS server identity for tests: a
// self-signed certificate made on the spot with OpenSSL, valid for 127.0.0.1
// and localhost, so TLS tests need no files and no network.
#pragma once

#include <string>

namespace o2c::test {

// A certificate chain and its private key, both PEM.
struct TlsIdentity {
  std::string certificate_pem;
  std::string private_key_pem;
};

// A fresh P-256 key and a self-signed certificate (CN = common_name, SAN
// IP:127.0.0.1 and DNS:localhost, valid from an hour ago for 30 days). The
// certificate is its own CA: trust it by handing certificate_pem to the client.
TlsIdentity make_self_signed_tls_identity(const std::string& common_name = "127.0.0.1");

}  // namespace o2c::test
