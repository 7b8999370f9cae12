#include "connectors/json_scalar.h"

namespace o2c::connectors {

namespace od = simdjson::ondemand;

std::string_view trim_json_token(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

std::optional<std::string> json_scalar_text(od::value value) {
  switch (value.type().value()) {
    case od::json_type::null: return std::nullopt;
    case od::json_type::string: return std::string(value.get_string().value());
    case od::json_type::object:
    case od::json_type::array: return std::string("(not a scalar)");
    default: return std::string(trim_json_token(value.raw_json_token()));
  }
}

}  // namespace o2c::connectors
