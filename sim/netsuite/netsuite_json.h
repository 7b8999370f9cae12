// sim/netsuite/netsuite_json.h
// NetSuite's JSON bodies, written directly (no DOM, so 1000-item pages stay
// cheap and bytes that are not valid UTF-8 pass through unchanged as the
// data holds them): error bodies with o:errorDetails, the SuiteQL collection
// envelope, and string escaping.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "sim/sim_http.h"
#include "sim/sim_json.h"

namespace o2c::sim::netsuite {

inline constexpr std::string_view kJsonContentType = "application/vnd.oracle.resource+json; type=collection";
inline constexpr std::string_view kErrorContentType = "application/vnd.oracle.resource+json; type=error";

using sim::append_json_string;   // sim/sim_json.h

// An optional o:errorDetails member naming what the error is about, e.g.
// {"o:errorQueryParam", "offset"}, {"o:errorHeader", "Prefer"}, {"o:errorPath", "q"}.
struct ErrorLocator {
  std::string_view key;
  std::string_view value;
};

SimReply error_reply(int status, std::string_view error_code, std::string_view detail,
                     ErrorLocator locator = {});

struct CollectionPage {
  std::string base_href;              // http://host/services/rest/query/v1/suiteql
  std::size_t limit = 0, offset = 0;
  std::size_t total = 0;              // totalResults
  bool has_more = false;
  std::size_t last_offset = 0;        // offset of the last reachable page
  const std::vector<std::string>* items = nullptr;  // rendered item objects
};

std::string collection_body(const CollectionPage& page);

}  // namespace o2c::sim::netsuite
