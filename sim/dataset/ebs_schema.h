// sim/dataset/ebs_schema.h — the Oracle E-Business Suite tables of
// Dataset::ebs() as SQL (DATA.md "EBS tables"): per table its columns with
// the PostgreSQL type and nullability the loader (sim/ebs/) creates them
// with. The same column lists produce the SimTables, so the two cannot drift.
#pragma once

#include <string>
#include <vector>

#include "sim/sim_table.h"

namespace o2c::sim {

struct EbsColumnDef {
  std::string name;        // upper-case, as EBS spells it
  SimType type;            // how the SimTable holds it
  std::string sql_type;    // "numeric", "varchar(30)", "timestamp without time zone"
  bool not_null = false;
};

struct EbsTableDef {
  std::string name;                    // "RA_CUSTOMER_TRX_ALL"
  std::vector<EbsColumnDef> columns;   // column 0 is the primary key
  std::string modstamp;                // "LAST_UPDATE_DATE", or "" when the table has none
};

// Every EBS table, parents before the tables that reference them.
const std::vector<EbsTableDef>& ebs_schema();

}  // namespace o2c::sim
