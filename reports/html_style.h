// reports/html_style.h — the report's inline stylesheet.
#pragma once

#include <string_view>

namespace o2c::reports {

extern const std::string_view kReportCss;

}  // namespace o2c::reports
