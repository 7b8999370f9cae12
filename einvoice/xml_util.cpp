// einvoice/xml_util.cpp — pugixml helpers (see xml_util.h).
#include "einvoice/xml_util.h"

#include <fmt/format.h>

#include "core/error.h"

namespace o2c::einvoice::detail {

pugi::xml_node add(pugi::xml_node parent, const char* name) { return parent.append_child(name); }

pugi::xml_node add_text(pugi::xml_node parent, const char* name, std::string_view text) {
  pugi::xml_node node = parent.append_child(name);
  node.append_child(pugi::node_pcdata).set_value(std::string(text).c_str());
  return node;
}

void add_optional(pugi::xml_node parent, const char* name, std::string_view text) {
  if (!text.empty()) add_text(parent, name, text);
}

void set_attr(pugi::xml_node node, const char* name, std::string_view value) {
  node.append_attribute(name).set_value(std::string(value).c_str());
}

pugi::xml_node add_amount(pugi::xml_node parent, const char* name, Money amount) {
  pugi::xml_node node = add_text(parent, name, amount.to_decimal());
  set_attr(node, "currencyID", amount.currency().code());
  return node;
}

void add_declaration(pugi::xml_document& doc) {
  pugi::xml_node decl = doc.prepend_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
}

namespace {
struct StringWriter : pugi::xml_writer {
  std::string out;
  void write(const void* data, std::size_t size) override { out.append(static_cast<const char*>(data), size); }
};
}  // namespace

std::string serialize(const pugi::xml_document& doc) {
  StringWriter writer;
  writer.out.reserve(16384);
  doc.save(writer, "  ", pugi::format_indent, pugi::encoding_utf8);
  return std::move(writer.out);
}

std::string base64(std::string_view bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = static_cast<unsigned char>(bytes[i]) << 16 | static_cast<unsigned char>(bytes[i + 1]) << 8 |
                       static_cast<unsigned char>(bytes[i + 2]);
    for (int shift : {18, 12, 6, 0}) out.push_back(kAlphabet[(v >> shift) & 63]);
  }
  if (i < bytes.size()) {
    const bool two = i + 1 < bytes.size();
    const unsigned v = static_cast<unsigned char>(bytes[i]) << 16 | (two ? static_cast<unsigned char>(bytes[i + 1]) << 8 : 0);
    out.push_back(kAlphabet[(v >> 18) & 63]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    out.push_back(two ? kAlphabet[(v >> 6) & 63] : '=');
    out.push_back('=');
  }
  return out;
}

void ensure_sendable(const Document& doc, Profile profile) {
  const auto violations = check(doc, profile);
  if (violations.empty()) return;
  throw Error(Error::Kind::data,
              fmt::format("{} {} breaks {} rule(s), first {}: {}", doc.type == DocumentType::invoice ? "invoice" : "credit note",
                          doc.number, violations.size(), violations.front().rule, violations.front().message));
}

}  // namespace o2c::einvoice::detail
