// core/secret.h — secrets are references, never literals: "env:NAME",
// "file:/path", "credential:NAME" (systemd LoadCredential=, read from
// $CREDENTIALS_DIRECTORY). A resolved Secret formats as "***" everywhere.
#pragma once

#include <string>
#include <string_view>

#include <fmt/format.h>

namespace o2c {

class Secret {
 public:
  Secret() = default;
  explicit Secret(std::string value) : value_(std::move(value)) {}
  // The only way to read the value; call it where the secret is used, not to log.
  const std::string& reveal() const { return value_; }
  bool empty() const { return value_.empty(); }

 private:
  std::string value_;
};

class SecretRef {
 public:
  enum class Scheme { env, file, credential };
  SecretRef() = default;
  // Throws Error(config) on anything that is not a reference (a literal secret
  // in config is refused so it never lands in a file, a log or the database).
  static SecretRef parse(std::string_view text);
  static bool looks_like_reference(std::string_view text);
  Scheme scheme() const { return scheme_; }
  const std::string& name() const { return name_; }
  std::string to_text() const;        // "env:SF_CLIENT_ID" (safe to print: names, not values)
  bool is_set() const { return !name_.empty(); }
  // Reads the value now. Throws Error(config) naming the reference when it is
  // missing or empty; never includes the value in a message.
  Secret resolve() const;

 private:
  Scheme scheme_ = Scheme::env;
  std::string name_;
};

// Replaces every occurrence of the secret's value in `text` by "***".
std::string redact(std::string text, const Secret& secret);

}  // namespace o2c

template <>
struct fmt::formatter<o2c::Secret> : fmt::formatter<std::string_view> {
  auto format(const o2c::Secret&, format_context& ctx) const {
    return fmt::formatter<std::string_view>::format("***", ctx);
  }
};
