// connectors/portals/portal_auth.h — the credentials portals want besides
// OAuth 2.0 (connectors/http/auth.h): a fixed header (Coupa's legacy
// X-COUPA-API-KEY, an access point's Bearer API key), and Chorus Pro's pair
// of a PISTE token and the cpro-account header.
#pragma once

#include <memory>
#include <string>

#include "connectors/http/auth.h"
#include "core/secret.h"

namespace o2c::portals {

// Sets `name: prefix + secret` on every request.
class HeaderAuth final : public http::Auth {
 public:
  HeaderAuth(std::string name, std::string prefix, Secret secret)
      : name_(std::move(name)), prefix_(std::move(prefix)), secret_(std::move(secret)) {}
  void apply(http::Request& request) override { http::set_header(request, name_, prefix_ + secret_.reveal()); }

 private:
  std::string name_, prefix_;
  Secret secret_;
};

// Another Auth plus one more header (Chorus Pro: Bearer token + cpro-account).
class WithHeaderAuth final : public http::Auth {
 public:
  WithHeaderAuth(http::Auth& inner, std::string name, Secret value)
      : inner_(inner), name_(std::move(name)), value_(std::move(value)) {}
  void apply(http::Request& request) override {
    inner_.apply(request);
    http::set_header(request, name_, value_.reveal());
  }
  void invalidate(const http::Request& rejected) override { inner_.invalidate(rejected); }

 private:
  http::Auth& inner_;
  std::string name_;
  Secret value_;
};

std::string base64(std::string_view bytes);

}  // namespace o2c::portals
