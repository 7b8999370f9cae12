// RS256 JSON Web Tokens (RFC 7519 / 7515) signed with OpenSSL 3 EVP.
#include <memory>
#include <string>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include "connectors/http/auth.h"
#include "core/error.h"

namespace o2c::http {

namespace {

struct PKeyDeleter {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct MdCtxDeleter {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
struct BioDeleter {
  void operator()(BIO* bio) const { BIO_free(bio); }
};

std::string base64url(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  while (!out.empty() && out.back() == '=') out.pop_back();
  for (char& c : out) {
    if (c == '+') c = '-';
    else if (c == '/') c = '_';
  }
  return out;
}

std::unique_ptr<EVP_PKEY, PKeyDeleter> read_rsa_private_key(const Secret& pem) {
  const std::string& text = pem.reveal();
  std::unique_ptr<BIO, BioDeleter> bio(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())));
  if (!bio) throw Error(Error::Kind::internal, "OpenSSL could not allocate a buffer");
  std::unique_ptr<EVP_PKEY, PKeyDeleter> key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  if (!key)
    throw Error(Error::Kind::config,
                "private_key is not a readable PEM private key — check that it is the unencrypted RSA key "
                "(BEGIN PRIVATE KEY / BEGIN RSA PRIVATE KEY) of the certificate uploaded to the connected app");
  if (!EVP_PKEY_is_a(key.get(), "RSA"))
    throw Error(Error::Kind::config, "private_key is not an RSA key — RS256 needs an RSA private key");
  return key;
}

}  // namespace

std::string sign_jwt_rs256(const std::string& claims_json, const Secret& private_key_pem) {
  const auto key = read_rsa_private_key(private_key_pem);
  const std::string signing_input = base64url(R"({"alg":"RS256","typ":"JWT"})") + "." + base64url(claims_json);

  std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
  std::size_t length = 0;
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &length, reinterpret_cast<const unsigned char*>(signing_input.data()),
                     signing_input.size()) != 1)
    throw Error(Error::Kind::internal, "OpenSSL could not prepare the RS256 signature");
  std::string signature(length, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                     reinterpret_cast<const unsigned char*>(signing_input.data()), signing_input.size()) != 1)
    throw Error(Error::Kind::internal, "OpenSSL could not compute the RS256 signature");
  signature.resize(length);
  return signing_input + "." + base64url(signature);
}

}  // namespace o2c::http
