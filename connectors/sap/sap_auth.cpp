#include "connectors/sap/sap_auth.h"

#include <openssl/evp.h>

namespace o2c::sap {

std::string base64(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3), '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

BasicAuth::BasicAuth(const std::string& user, const Secret& password)
    : header_("Basic " + base64(user + ":" + password.reveal())) {}

void BasicAuth::apply(http::Request& request) { http::set_header(request, "Authorization", header_.reveal()); }

}  // namespace o2c::sap
