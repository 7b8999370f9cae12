// sim/oracle/oracle_json.h
// Oracle Fusion REST bodies, written directly (no DOM): items with their
// attributes in JSON types (ids and most amounts as numbers with the exact
// decimal text, standardReceipts' Amount as a string, dates, timestamps,
// nulls written as null), expanded children inline, the per-item `links`
// unless onlyData; the collection envelope; and errors — plain text before
// REST-Framework-Version 4, application/vnd.oracle.adf.error+json from 4 on.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sim/oracle/oracle_resources.h"
#include "sim/sim_http.h"

namespace o2c::sim::oracle {

inline constexpr std::string_view kCollectionType = "application/vnd.oracle.adf.resourcecollection+json";
inline constexpr std::string_view kItemType = "application/vnd.oracle.adf.resourceitem+json";
inline constexpr std::string_view kDescribeType = "application/vnd.oracle.adf.description+json";
inline constexpr std::string_view kErrorType = "application/vnd.oracle.adf.error+json";

void append_value(std::string& out, const SimValue& value, AttrType type);

// Child rows by the parent's key text, built once per child table.
using ChildIndex = std::unordered_map<std::string, std::vector<std::size_t>>;
ChildIndex index_children(const BoundChild& child);

struct ExpandedChild {
  const BoundChild* child = nullptr;
  std::vector<const Attribute*> attributes;
  const ChildIndex* index = nullptr;
};

// How the items of one answer are written.
struct ItemShape {
  const Resource* resource = nullptr;
  std::vector<const Attribute*> attributes;   // fields= (all when absent), in resource order
  std::vector<ExpandedChild> children;        // expand=
  bool only_data = false;
  std::string base_href;                      // http://host/fscmRestApi/resources/11.13.18.05/receivablesInvoices
};

std::string item_json(const ItemShape& shape, std::size_t row);

struct Envelope {
  const std::vector<std::string>* items = nullptr;
  bool has_more = false;
  std::size_t limit = 0, offset = 0;
  std::optional<std::size_t> total;           // only when totalResults=true
  std::string self_href;
  std::string name;
};
std::string collection_json(const Envelope& envelope);

// The error reply of a REST-Framework-Version (text before 4, JSON from 4);
// `error_code`/`error_path` go into the JSON form only.
SimReply error_reply(int status, int framework_version, std::string_view detail, std::string_view error_code = "",
                     std::string_view error_path = "");
// The JSON form whatever the version (the 429 fault reply).
SimReply json_error_reply(int status, std::string_view detail, std::string_view error_code);

}  // namespace o2c::sim::oracle
