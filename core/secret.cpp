#include "core/secret.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/error.h"

namespace o2c {

namespace {
constexpr std::string_view kHint = "use env:NAME, file:/path or credential:NAME";

std::string read_file_trimmed(const std::string& path, const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Error::Kind::config, fmt::format("secret {}: cannot read file '{}'", what, path));
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string v = ss.str();
  while (!v.empty() && (v.back() == '\n' || v.back() == '\r')) v.pop_back();
  return v;
}
}  // namespace

bool SecretRef::looks_like_reference(std::string_view t) {
  return t.starts_with("env:") || t.starts_with("file:") || t.starts_with("credential:");
}

SecretRef SecretRef::parse(std::string_view text) {
  SecretRef r;
  auto take = [&](std::string_view prefix, Scheme s) {
    if (!text.starts_with(prefix)) return false;
    r.scheme_ = s;
    r.name_ = std::string(text.substr(prefix.size()));
    return true;
  };
  if (!take("env:", Scheme::env) && !take("file:", Scheme::file) && !take("credential:", Scheme::credential))
    throw Error(Error::Kind::config, fmt::format("secrets must be references, not literal values ({})", kHint));
  if (r.name_.empty()) throw Error(Error::Kind::config, fmt::format("empty secret reference ({})", kHint));
  return r;
}

std::string SecretRef::to_text() const {
  switch (scheme_) {
    case Scheme::env: return "env:" + name_;
    case Scheme::file: return "file:" + name_;
    case Scheme::credential: return "credential:" + name_;
  }
  return name_;
}

Secret SecretRef::resolve() const {
  std::string value;
  switch (scheme_) {
    case Scheme::env: {
      const char* v = std::getenv(name_.c_str());
      if (!v) throw Error(Error::Kind::config, fmt::format("secret {}: environment variable {} is not set", to_text(), name_));
      value = v;
      break;
    }
    case Scheme::file:
      value = read_file_trimmed(name_, to_text());
      break;
    case Scheme::credential: {
      const char* dir = std::getenv("CREDENTIALS_DIRECTORY");
      if (!dir)
        throw Error(Error::Kind::config,
                    fmt::format("secret {}: $CREDENTIALS_DIRECTORY is not set (use LoadCredential={}:PATH in the "
                                "systemd unit, or an env:/file: reference)",
                                to_text(), name_));
      value = read_file_trimmed(std::string(dir) + "/" + name_, to_text());
      break;
    }
  }
  if (value.empty()) throw Error(Error::Kind::config, fmt::format("secret {} is empty", to_text()));
  return Secret(std::move(value));
}

std::string redact(std::string text, const Secret& secret) {
  const std::string& v = secret.reveal();
  if (v.size() < 4) return text;  // too short to find reliably; callers never log raw secrets anyway
  for (auto pos = text.find(v); pos != std::string::npos; pos = text.find(v, pos + 3)) text.replace(pos, v.size(), "***");
  return text;
}

}  // namespace o2c
