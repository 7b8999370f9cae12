// What the demo really delivers, held against the official EN 16931 rules:
// `o2csync demo` pushes a simulated business to the portals and keeps a copy
// of every document (DIR/einvoices/<portal>/); a document of each kind that
// carries EN 16931 UBL — Chorus Pro (standard rate and exempt), the file drop
// (reverse charge, with its PDF attached), Peppol (inside its SBDH envelope)
// and a credit note — goes through validate-einvoice in one call.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <pugixml.hpp>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

std::string validator() {
  if (const char* path = std::getenv("O2C_VALIDATE_EINVOICE")) return path;
  return O2C_SOURCE_DIR "/../shared/validation/validate-einvoice";
}

std::string base64_decode(std::string_view in) {
  static const std::string kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned bits = 0;
  int count = 0;
  for (const char c : in) {
    const auto pos = kAlphabet.find(c);
    if (pos == std::string::npos) continue;  // padding, line breaks
    bits = (bits << 6) | static_cast<unsigned>(pos);
    if ((count += 6) >= 8) out.push_back(static_cast<char>((bits >> (count -= 8)) & 0xFF));
  }
  return out;
}

// The UBL document of a delivered file: itself, the one inside an SBDH, or
// the file a Chorus Pro deposit carries (base64 in its JSON).
std::string ubl_of(const std::string& delivered) {
  std::string xml = delivered;
  if (const auto at = delivered.find("\"fichierFlux\":\""); at != std::string::npos) {
    const auto start = at + 15, end = delivered.find('"', start);
    xml = base64_decode(std::string_view(delivered).substr(start, end - start));
  }
  pugi::xml_document doc;
  if (!doc.load_string(xml.c_str())) return "";
  const pugi::xml_node root = doc.document_element();
  if (std::string(root.name()).find("StandardBusinessDocument") == std::string::npos) return xml;
  for (pugi::xml_node child : root.children()) {
    const std::string name = child.name();
    if (name.ends_with("Invoice") || name.ends_with("CreditNote")) {
      pugi::xml_document inner;
      inner.append_copy(child);
      std::ostringstream out;
      inner.save(out, "", pugi::format_raw);
      return out.str();
    }
  }
  return "";
}

// One document per wanted feature: "portal:feature" → the UBL text.
std::map<std::string, std::string> pick(const fs::path& einvoices) {
  std::map<std::string, std::string> picked;
  for (const auto& [portal, wants] : std::map<std::string, std::vector<std::string>>{
           {"chorus", {"<cbc:ID>S</cbc:ID>", "<cbc:ID>E</cbc:ID>", "<CreditNote"}},
           {"file", {"<cbc:ID>AE</cbc:ID>", "<CreditNote"}},
           {"peppol", {"<cbc:ID>G</cbc:ID>", "<cbc:ID>S</cbc:ID>", "<CreditNote"}}}) {
    if (!fs::exists(einvoices / portal)) continue;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(einvoices / portal)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const std::string& want : wants)
      for (const auto& f : files) {
        const std::string ubl = ubl_of(read(f));
        if (ubl.empty() || ubl.find(want) == std::string::npos) continue;
        picked[portal + ":" + want] = ubl;
        break;
      }
  }
  return picked;
}

TEST(DemoEinvoices, WhatTheDemoDeliversPassesTheOfficialEn16931Rules) {
  if (std::system("command -v node >/dev/null 2>&1") != 0) GTEST_SKIP() << "Node.js is not installed";
  const fs::path dir = fs::temp_directory_path() / ("o2c-demo-einvoices-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const std::string demo = std::string(O2C_BINARY_DIR) + "/daemon/o2csync demo --orders 3000 --seed 7 --out '" +
                           dir.string() + "' > '" + dir.string() + ".log' 2>&1";
  ASSERT_EQ(std::system(demo.c_str()), 0) << read(dir.string() + ".log");
  const auto picked = pick(dir / "einvoices");
  for (const char* wanted : {"chorus:<cbc:ID>S</cbc:ID>", "file:<cbc:ID>AE</cbc:ID>", "peppol:<cbc:ID>S</cbc:ID>"})
    EXPECT_TRUE(picked.contains(wanted)) << "the demo delivered no document with " << wanted;
  EXPECT_TRUE(picked.contains("chorus:<CreditNote") || picked.contains("file:<CreditNote") ||
              picked.contains("peppol:<CreditNote"))
      << "the demo delivered no credit note";
  std::string files;
  int n = 0;
  for (const auto& [what, ubl] : picked) {
    const std::string name = "doc" + std::to_string(++n) + ".xml";
    std::ofstream(dir / name) << ubl;
    files += " " + name;
    std::cout << name << ": " << what << "\n";
  }
  const std::string command =
      "cd '" + dir.string() + "' && '" + validator() + "'" + files + " > validation.out 2>&1; echo $? > validation.rc";
  ASSERT_EQ(std::system(command.c_str()), 0);
  const std::string output = read(dir / "validation.out");
  std::cout << output;
  EXPECT_NE(output.find("validate-einvoice: " + std::to_string(n) + " file(s), 0 fatal"), std::string::npos) << output;
  EXPECT_EQ(read(dir / "validation.rc").substr(0, 1), "0") << output;
  if (!::testing::Test::HasFailure()) fs::remove_all(dir);
}

}  // namespace
