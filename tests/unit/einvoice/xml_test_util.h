// tests/unit/einvoice/xml_test_util.h — reading the writers' output back.
#pragma once

#include <deque>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <pugixml.hpp>

namespace o2c::einvoice::fixtures {

inline pugi::xml_document parse_xml(const std::string& text) {
  pugi::xml_document doc;
  const auto result = doc.load_string(text.c_str(), pugi::parse_default | pugi::parse_doctype | pugi::parse_declaration);
  EXPECT_TRUE(result) << result.description();
  return doc;
}

// The root element of `text`; the document lives until the test process ends,
// so the node never dangles (a temporary xml_document would free it).
inline pugi::xml_node parse_root(const std::string& text) {
  static std::deque<pugi::xml_document> kept;
  kept.push_back(parse_xml(text));
  return kept.back().document_element();
}

inline std::string value(const pugi::xml_node& root, const char* xpath) {
  return root.select_node(xpath).node().text().get();
}

inline std::string attr(const pugi::xml_node& root, const char* xpath) {
  return root.select_node(xpath).attribute().value();
}

// The names of the element children, in document order.
inline std::vector<std::string> child_names(const pugi::xml_node& node) {
  std::vector<std::string> names;
  for (auto c : node.children())
    if (c.type() == pugi::node_element) names.emplace_back(c.name());
  return names;
}

// True when `expected` appear in this relative order among the children (others may sit between).
inline bool in_order(const pugi::xml_node& node, const std::vector<std::string>& expected) {
  std::size_t next = 0;
  for (const auto& n : child_names(node))
    if (next < expected.size() && n == expected[next]) ++next;
  return next == expected.size();
}

}  // namespace o2c::einvoice::fixtures
