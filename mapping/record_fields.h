// mapping/record_fields.h — the field paths one mapping reads, as a small
// trie ("Account.Name" → Account → Name), and the single forward pass over a
// record's JSON (simdjson On-Demand) that copies each used value into its
// slot: strings unescaped, numbers as their exact token text (never a double).
// Keys match case-insensitively (NetSuite lower-cases column aliases);
// anything not in the trie, such as Salesforce's "attributes", is skipped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <simdjson.h>

#include "mapping/value.h"

namespace o2c::mapping {

class RecordFields {
 public:
  RecordFields();
  // Registers a dotted path; the same path always gets the same slot.
  int add(std::string_view path);
  std::size_t size() const { return paths_.size(); }
  const std::vector<std::string>& paths() const { return paths_; }

  // Scratch state reused across the records of a page.
  struct Scratch {
    simdjson::ondemand::parser parser;
    std::string buffer;          // body + simdjson padding
    std::vector<Value> slots;
  };
  // Fills scratch.slots (one per path; missing → null). Throws
  // simdjson::simdjson_error on malformed JSON or a body that is not an object.
  void extract(std::string_view body, Scratch& scratch) const;

 private:
  struct Node {
    std::string key;
    int slot = -1;
    std::vector<int> children;
  };
  void walk_object(int node, simdjson::ondemand::object object, std::vector<Value>& slots) const;
  void fill(int node, simdjson::ondemand::value value, std::vector<Value>& slots) const;

  std::vector<Node> nodes_;      // nodes_[0] is the root
  std::vector<std::string> paths_;
};

}  // namespace o2c::mapping
