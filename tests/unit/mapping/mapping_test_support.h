// tests/unit/mapping/mapping_test_support.h — helpers shared by the mapping
// tests: sample records from tests/data/mapping/*.jsonl, temp mapping files,
// and catching the Error(config) text of a bad mapping.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unistd.h>

#include "connectors/source.h"
#include "core/error.h"
#include "mapping/mapper.h"

namespace o2c::mapping::testing_support {

inline std::filesystem::path source_dir() { return O2C_SOURCE_DIR; }
inline std::filesystem::path example(const std::string& name) { return source_dir() / "examples/mappings" / name; }

// One RawRecord per line of tests/data/mapping/<name>.
inline std::vector<connectors::RawRecord> records(const std::string& name) {
  std::ifstream in(source_dir() / "tests/data/mapping" / name, std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  std::vector<connectors::RawRecord> out;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(connectors::RawRecord{"", line, {}, ""});
  return out;
}

inline connectors::RawRecord raw(std::string body, std::string id = "") {
  return connectors::RawRecord{std::move(id), std::move(body), {}, ""};
}

// Writes `text` to a file named `name` in a folder of its own per test
// (ctest runs tests in parallel; messages still read "name:line:col").
inline std::filesystem::path write_file(const std::string& name, const std::string& text) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const auto dir = std::filesystem::path(::testing::TempDir()) /
                   ("o2c_mapping_" + std::to_string(::getpid()) + "_" + info->test_suite_name() + "_" + info->name());
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// The message of the Error(config) load_mapping throws, or "" when it loads.
inline std::string load_error(const std::string& name, const std::string& text) {
  try {
    load_mapping(write_file(name, text));
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::config);
    return e.what();
  }
  return "";
}

inline std::unique_ptr<Mapper> load_text(const std::string& name, const std::string& text) {
  return load_mapping(write_file(name, text));
}

}  // namespace o2c::mapping::testing_support
