#include "connectors/json_records.h"

#include "core/text.h"

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

JsonItem cut_json_item(od::value item, std::string_view id_key, std::string_view modstamp_key, bool ignore_case,
                       const char* parsed_base, std::string_view original) {
  JsonItem out;
  std::string_view raw;
  const auto type = item.type().value();
  if (type != od::json_type::object) {
    raw = type == od::json_type::array ? item.get_array().value().raw_json().value() : item.raw_json_token();
  } else {
    out.is_object = true;
    const auto same = [ignore_case](std::string_view a, std::string_view b) {
      return ignore_case ? iequals_ascii(a, b) : a == b;
    };
    od::object object = item.get_object();
    for (auto field : object) {
      const std::string_view key = field.unescaped_key();
      if (same(key, id_key)) out.id = json_scalar_text(field.value());
      else if (same(key, modstamp_key)) out.modstamp = json_scalar_text(field.value());
    }
    raw = object.raw_json();
  }
  raw = trim_json_token(raw);
  out.body = std::string(original.substr(static_cast<std::size_t>(raw.data() - parsed_base), raw.size()));
  return out;
}

}  // namespace o2c::connectors
