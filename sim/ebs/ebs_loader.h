// sim/ebs/ebs_loader.h
// ebs — the simulated Oracle E-Business Suite database: loads the EBS tables
// of a Dataset (sim/DATA.md "EBS tables", sim/dataset/ebs_schema.h) into a
// PostgreSQL database with EBS's column names and realistic SQL types, so the
// SQL/ODBC connector reads them as it would read EBS, and keeps them in step
// with later mutations. Loading streams every table with COPY FROM STDIN
// (bounded memory), then adds primary keys and LAST_UPDATE_DATE indexes, all
// in one transaction: a failed load leaves the database as it was.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/dataset/dataset.h"

namespace o2c::sim::ebs {

struct LoadOptions {
  // An EBS table already in the database: true = drop and recreate it (a
  // re-run replaces the data), false = refuse with Error(config) naming it.
  bool replace = true;
};

struct LoadCounts {
  std::vector<std::pair<std::string, std::size_t>> tables;  // rows per table, in load order
  std::size_t rows(std::string_view table) const;            // 0 for an unknown table
  std::size_t total() const;
  std::string summary() const;                               // "HZ_PARTIES=250 HZ_CUST_ACCOUNTS=250 ..."
};

// Creates and fills the EBS tables of `dataset` (as its views are now) in the
// database of `postgres_url` (a libpq URL: postgresql://user@host:port/db).
// Throws o2c::Error: store for a database problem (server message included,
// never the URL), config when an EBS table exists and !options.replace.
LoadCounts load_ebs(const Dataset& dataset, const std::string& postgres_url, LoadOptions options = {});

// After a successful Dataset::mutate, rewrites in a loaded database the EBS
// rows of the NetSuite record it changed (touch, delete/undelete, insert_late
// of a NetSuite transaction or customer, or of an ERP object naming one):
// `affected_id` is the id mutate returned through `created_id` (the new row's
// id for insert_late). Salesforce mutations change nothing here. Returns the
// rows written; throws o2c::Error(store) for a database problem.
std::size_t apply_ebs_mutation(const Dataset& dataset, const std::string& postgres_url, const Mutation& m,
                               const std::string& affected_id);

}  // namespace o2c::sim::ebs
