// sim/sim_json.h — writing JSON text directly into a reply body (the
// simulators write pages of thousands of records; a DOM would cost more
// than the query).
#pragma once

#include <string>
#include <string_view>

namespace o2c::sim {

// Appends `s` as a JSON string literal: escapes '"', '\\' and control
// characters; every other byte is copied as is — valid UTF-8 or not, because
// the dataset plants invalid UTF-8 on purpose and real systems have sent it.
void append_json_string(std::string& out, std::string_view s);

}  // namespace o2c::sim
