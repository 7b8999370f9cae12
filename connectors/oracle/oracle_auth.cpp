#include "connectors/oracle/oracle_auth.h"

#include <openssl/evp.h>

#include "core/error.h"

namespace o2c::oracle {

std::string base64(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3), '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

BasicAuth::BasicAuth(std::string user, const Secret& password) {
  if (user.empty() || password.empty())
    throw Error(Error::Kind::config, "HTTP Basic needs a user and a password; one of them is empty");
  if (user.find(':') != std::string::npos)
    throw Error(Error::Kind::config, "HTTP Basic: the user name cannot contain ':'");
  header_value_ = Secret("Basic " + base64(user + ":" + password.reveal()));
}

void BasicAuth::apply(http::Request& request) { http::set_header(request, "Authorization", header_value_.reveal()); }

}  // namespace o2c::oracle
