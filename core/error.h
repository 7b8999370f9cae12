// core/error.h — the one exception type for failed operations (STYLE.md 2.5).
// The kind decides what a caller does: retry `transient`, exit 78 on `config`,
// otherwise log with context and move on to the next stream.
#pragma once

#include <stdexcept>
#include <string>

#include <fmt/format.h>

namespace o2c {

// Where an error happened; every part is optional.
struct ErrorContext {
  std::string source;   // configured source name, e.g. "salesforce"
  std::string object;   // "Order", "transaction"
  std::string id;       // external id of the record
  std::string field;    // canonical or source field
  std::string file;     // config / mapping file
  int line = 0;         // 1-based, 0 = unknown
  int column = 0;
  std::string describe() const;  // "source=x object=y id=z" or "file:line:col"
  static ErrorContext of_source(std::string name) {
    ErrorContext c;
    c.source = std::move(name);
    return c;
  }
  static ErrorContext of_object(std::string name) {
    ErrorContext c;
    c.object = std::move(name);
    return c;
  }
};

class Error : public std::runtime_error {
 public:
  enum class Kind { config, transient, remote, data, store, internal };
  Error(Kind kind, const std::string& message, ErrorContext context = {});
  Kind kind() const { return kind_; }
  const ErrorContext& context() const { return context_; }
  // "file:line:col: message" for config errors with a position, else the message.
  std::string located() const;

 private:
  Kind kind_;
  ErrorContext context_;
};

const char* to_string(Error::Kind kind);

template <typename... Args>
[[noreturn]] void fail(Error::Kind kind, fmt::format_string<Args...> f, Args&&... args) {
  throw Error(kind, fmt::format(f, std::forward<Args>(args)...));
}

}  // namespace o2c
