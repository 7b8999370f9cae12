// tests/unit/connectors/oracle/mapped_pass.h — one pass of an example mapping
// through the Oracle connector: the mapping file loaded by
// o2c::mapping::load_mapping, its QuerySpec opened against a pod URL, every
// page read and mapped as the daemon would.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "connectors/oracle/oracle.h"
#include "mapping/mapper.h"

namespace o2c::oracle::test {

struct MappedPass {
  std::unique_ptr<mapping::Mapper> mapper;
  mapping::MapResult result;
  connectors::Cursor next;   // the cursor after the last page
  long pages = 0;
};

struct PassOptions {
  connectors::Cursor from;
  connectors::SyncMode mode = connectors::SyncMode::full;
  int page_size = 500;
  long window_rows = 10'000;
};

inline MappedPass mapped_pass(const std::string& mapping_file, const std::string& pod_url, const Clock& clock,
                              const PassOptions& options = {}) {
  MappedPass out;
  out.mapper = mapping::load_mapping(std::string(O2C_SOURCE_DIR) + "/examples/mappings/" + mapping_file);
  EXPECT_EQ(out.mapper->info().source_kind, "oracle");
  OracleSettings settings;
  settings.name = "oracle";
  settings.url = pod_url;
  settings.auth = OracleBasicAuth{"o2c.integration", Secret("o2c-demo-password")};
  settings.page_size = options.page_size;
  settings.window_rows = options.window_rows;
  auto stream = make_oracle_source(settings, clock)->open(out.mapper->info().query, options.from, options.mode);
  std::vector<connectors::RawRecord> records;
  while (auto page = stream->next()) {
    ++out.pages;
    out.next = page->next;
    for (auto& r : page->records) records.push_back(std::move(r));
  }
  out.result = out.mapper->map_all(records, "oracle");
  return out;
}

}  // namespace o2c::oracle::test
