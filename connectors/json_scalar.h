// connectors/json_scalar.h — reading one scalar of a record while a connector
// cuts a page into records (simdjson On-Demand): strings unescaped, numbers
// and booleans as their exact JSON token (never through a double).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <simdjson.h>

namespace o2c::connectors {

// nullopt for null; "(not a scalar)" for an object or array.
std::optional<std::string> json_scalar_text(simdjson::ondemand::value value);
// A raw JSON token without the whitespace simdjson leaves after it.
std::string_view trim_json_token(std::string_view token);

}  // namespace o2c::connectors
