#include "core/error.h"

namespace o2c {

std::string ErrorContext::describe() const {
  std::string out;
  auto add = [&out](std::string_view key, const std::string& value) {
    if (value.empty()) return;
    if (!out.empty()) out += ' ';
    out += fmt::format("{}={}", key, value);
  };
  if (!file.empty()) {
    out = file;
    if (line > 0) out += fmt::format(":{}:{}", line, column);
  }
  add("source", source);
  add("object", object);
  add("id", id);
  add("field", field);
  return out;
}

Error::Error(Kind kind, const std::string& message, ErrorContext context)
    : std::runtime_error(message), kind_(kind), context_(std::move(context)) {}

std::string Error::located() const {
  if (!context_.file.empty() && context_.line > 0)
    return fmt::format("{}:{}:{}: {}", context_.file, context_.line, context_.column, what());
  return what();
}

const char* to_string(Error::Kind kind) {
  switch (kind) {
    case Error::Kind::config: return "config";
    case Error::Kind::transient: return "transient";
    case Error::Kind::remote: return "remote";
    case Error::Kind::data: return "data";
    case Error::Kind::store: return "store";
    case Error::Kind::internal: return "internal";
  }
  return "internal";
}

}  // namespace o2c
