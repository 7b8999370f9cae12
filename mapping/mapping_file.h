// mapping/mapping_file.h — reads one YAML mapping file into a compiled form:
// the query the connector needs, the record fields to extract, and one
// checked expression per target field. Every problem in the file is
// collected (with its yaml-cpp mark) and thrown as one Error(config).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "mapping/expression.h"
#include "mapping/mapper.h"
#include "mapping/record_fields.h"
#include "mapping/targets.h"

namespace o2c::mapping {

struct FieldMapping {
  const TargetField* target = nullptr;
  std::string source_text;     // the expression as written, for messages
  Expr expr;
};

struct CompiledMapping {
  MappingInfo info;
  RecordFields fields;
  std::vector<FieldMapping> mappings;   // in registry order: external_id, modified, deleted, ...
};

// Throws Error(config) listing every problem as "file:line:col: message".
CompiledMapping compile_mapping_file(const std::filesystem::path& file);
// Same, from text (file name used in messages only).
CompiledMapping compile_mapping_text(const std::string& text, const std::string& file_name);

}  // namespace o2c::mapping
