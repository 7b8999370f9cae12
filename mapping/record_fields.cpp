// mapping/record_fields.cpp — see record_fields.h.
#include "mapping/record_fields.h"

#include <cstring>

#include "core/text.h"

namespace o2c::mapping {
namespace {

bool same_key(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

}  // namespace

RecordFields::RecordFields() : nodes_(1) {}

int RecordFields::add(std::string_view path) {
  int node = 0;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t dot = path.find('.', start);
    if (dot == std::string_view::npos) dot = path.size();
    const std::string_view key = path.substr(start, dot - start);
    int next = -1;
    for (int c : nodes_[static_cast<std::size_t>(node)].children)
      if (same_key(nodes_[static_cast<std::size_t>(c)].key, key)) next = c;
    if (next < 0) {
      next = static_cast<int>(nodes_.size());
      nodes_.push_back(Node{std::string(key), -1, {}});
      nodes_[static_cast<std::size_t>(node)].children.push_back(next);
    }
    node = next;
    start = dot + 1;
  }
  Node& leaf = nodes_[static_cast<std::size_t>(node)];
  if (leaf.slot < 0) {
    leaf.slot = static_cast<int>(paths_.size());
    paths_.emplace_back(path);
  }
  return leaf.slot;
}

void RecordFields::extract(std::string_view body, Scratch& scratch) const {
  scratch.slots.resize(paths_.size());
  for (Value& v : scratch.slots) {
    v.kind = Value::Kind::null;
    v.text.clear();
  }
  scratch.buffer.resize(body.size() + simdjson::SIMDJSON_PADDING);
  std::memcpy(scratch.buffer.data(), body.data(), body.size());
  simdjson::ondemand::document doc = scratch.parser.iterate(scratch.buffer.data(), body.size(), scratch.buffer.size());
  walk_object(0, doc.get_object(), scratch.slots);
}

void RecordFields::walk_object(int node, simdjson::ondemand::object object, std::vector<Value>& slots) const {
  const auto& children = nodes_[static_cast<std::size_t>(node)].children;
  for (auto field : object) {
    const std::string_view key = field.unescaped_key();
    for (int c : children) {
      if (!same_key(nodes_[static_cast<std::size_t>(c)].key, key)) continue;
      fill(c, field.value(), slots);
      break;
    }
  }
}

void RecordFields::fill(int node, simdjson::ondemand::value value, std::vector<Value>& slots) const {
  const Node& n = nodes_[static_cast<std::size_t>(node)];
  using simdjson::ondemand::json_type;
  const json_type type = value.type();
  if (type == json_type::object && !n.children.empty()) {
    walk_object(node, value.get_object(), slots);
    if (n.slot >= 0) slots[static_cast<std::size_t>(n.slot)].kind = Value::Kind::object;
    return;
  }
  if (n.slot < 0) return;  // only children wanted, and this is not an object: they stay null
  Value& out = slots[static_cast<std::size_t>(n.slot)];
  switch (type) {
    case json_type::string: {
      const std::string_view s = value.get_string();
      out.kind = Value::Kind::string;
      out.text.assign(s.data(), s.size());
      break;
    }
    case json_type::number: {
      out.kind = Value::Kind::number;
      out.text.assign(trim(value.raw_json_token()));
      break;
    }
    case json_type::boolean:
      out.kind = Value::Kind::boolean;
      out.flag = value.get_bool();
      break;
    case json_type::null: out.kind = Value::Kind::null; break;
    case json_type::object: out.kind = Value::Kind::object; break;
    case json_type::array: out.kind = Value::Kind::array; break;
  }
}

}  // namespace o2c::mapping
