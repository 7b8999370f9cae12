// tests/unit/mapping/robustness_test.cpp — a small deterministic fuzz pass:
// every prefix and byte-flipped variant of the sample records maps without
// throwing (each record comes back mapped or invalid), and every prefix of
// every example mapping file either loads or throws Error(config) only.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "core/error.h"
#include "mapping/mapping_file.h"
#include "mapping_test_support.h"

namespace o2c::mapping {
namespace {

using namespace testing_support;

TEST(Robustness, CorruptedRecordsNeverEscapeMapAll) {
  const std::pair<const char*, const char*> cases[] = {
      {"salesforce-order.yaml", "salesforce-order.jsonl"},
      {"netsuite-invoice.yaml", "netsuite-invoice.jsonl"},
  };
  for (const auto& [mapping_file, data] : cases) {
    auto mapper = load_mapping(example(mapping_file));
    const std::string body = records(data).at(0).body;
    std::vector<connectors::RawRecord> variants;
    for (std::size_t n = 0; n <= body.size(); ++n) variants.push_back(raw(body.substr(0, n)));
    for (std::size_t i = 0; i < body.size(); ++i)
      for (char c : {'\0', '"', '{', '}', ',', ':', '\\', '\xff', '9'}) {
        std::string b = body;
        b[i] = c;
        variants.push_back(raw(std::move(b)));
      }
    MapResult r;
    ASSERT_NO_THROW(r = mapper->map_all(variants, "s")) << mapping_file;
    EXPECT_EQ(r.records.size() + r.invalid.size(), variants.size()) << mapping_file;
    for (const auto& inv : r.invalid) EXPECT_FALSE(inv.reason.empty());
  }
}

TEST(Robustness, TruncatedMappingFilesOnlyThrowConfigErrors) {
  for (const char* name : {"salesforce-order.yaml", "netsuite-invoice.yaml", "salesforce-account.yaml"}) {
    std::ifstream in(example(name), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    for (std::size_t n = 0; n < text.size(); n += 7) {
      try {
        compile_mapping_text(text.substr(0, n), name);
      } catch (const Error& e) {
        EXPECT_EQ(e.kind(), Error::Kind::config);
      } catch (const std::exception& e) {
        ADD_FAILURE() << name << " truncated at " << n << ": " << e.what();
      }
    }
  }
}

}  // namespace
}  // namespace o2c::mapping
