// mapping/mapper.h
// mapping — reads one YAML mapping file per source object and turns raw
// records (JSON text from a connector) into canonical records. Owns the
// mapping file format, its file:line:col errors, and the expression
// evaluator. Never does I/O beyond reading mapping files; never talks to a
// store or a remote system. Called by daemon/ (sync runs, mapping check).
#pragma once

#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "connectors/source.h"
#include "schema/model.h"

namespace o2c::mapping {

struct MapResult {
  std::vector<schema::CanonicalRecord> records;
  std::vector<schema::InvalidRecord> invalid;   // become DATA_INVALID; the run goes on
};

struct MappingInfo {
  std::filesystem::path file;
  std::string source_kind;          // "salesforce", "netsuite"
  schema::TargetKind target;
  connectors::QuerySpec query;      // what the connector must fetch
};

class Mapper {
 public:
  virtual ~Mapper() = default;
  virtual const MappingInfo& info() const = 0;
  // Maps a page. `source_name` is the configured source name, recorded in each
  // record's meta and in InvalidRecord. Never throws for bad records.
  virtual MapResult map_all(std::span<const connectors::RawRecord> records, const std::string& source_name) const = 0;
};

// Parses and type-checks a mapping file. Throws Error(config) whose message
// lists every problem found, one per line, as "file:line:col: message".
std::unique_ptr<Mapper> load_mapping(const std::filesystem::path& file);

}  // namespace o2c::mapping
