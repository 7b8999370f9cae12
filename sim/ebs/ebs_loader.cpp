#include "sim/ebs/ebs_loader.h"

#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "core/error.h"
#include "core/log.h"
#include "sim/dataset/answer_key.h"
#include "sim/dataset/ebs_schema.h"
#include "sim/dataset/generated_table.h"
#include "sim/ebs/pg_session.h"

namespace o2c::sim::ebs {

namespace {

using dataset::iequals_ascii;

std::string column_list(const EbsTableDef& def) {
  std::string out;
  for (const auto& c : def.columns) out += (out.empty() ? "" : ", ") + c.name;
  return out;
}

std::string create_table_sql(const EbsTableDef& def) {
  std::string out = "CREATE TABLE " + def.name + " (";
  for (std::size_t i = 0; i < def.columns.size(); ++i) {
    const auto& c = def.columns[i];
    out += fmt::format("{}{} {}{}", i ? ", " : "", c.name, c.sql_type, c.not_null ? " NOT NULL" : "");
  }
  return out + ")";
}

const SimTable& table_of(const Dataset& dataset, const EbsTableDef& def) {
  const auto table = dataset.ebs()->table(def.name);
  if (!table || table->columns().size() != def.columns.size())
    throw Error(Error::Kind::internal, fmt::format("EBS loader: the dataset has no table {} as ebs_schema() describes it", def.name));
  return *table;
}

// Streams every row of `table` (as many as it has now) with COPY; returns the row count.
std::size_t copy_rows(PgSession& db, const SimTable& table, const EbsTableDef& def) {
  db.copy_begin(fmt::format("COPY {} ({}) FROM STDIN WITH (FREEZE)", def.name, column_list(def)));  // FREEZE: created in this transaction
  const std::size_t rows = table.size(), columns = def.columns.size();
  std::string buffer;
  buffer.reserve((1 << 20) + 4096);
  for (std::size_t row = 0; row < rows; ++row) {
    for (std::size_t col = 0; col < columns; ++col) {
      if (col) buffer.push_back('\t');
      append_copy_field(buffer, table.value(row, col));
    }
    buffer.push_back('\n');
    db.copy_put(buffer, false);
  }
  db.copy_put(buffer, true);
  db.copy_end();
  return rows;
}

// The foreign-key columns EBS itself indexes (its N-indexes): the ready
// mappings join and correlate on them, as reports against EBS do.
constexpr std::pair<std::string_view, std::string_view> kForeignKeyIndexes[] = {
    {"HZ_CUST_ACCOUNTS", "PARTY_ID"},
    {"RA_CUSTOMER_TRX_ALL", "BILL_TO_CUSTOMER_ID"},
    {"RA_CUSTOMER_TRX_LINES_ALL", "CUSTOMER_TRX_ID"},
    {"AR_PAYMENT_SCHEDULES_ALL", "CUSTOMER_TRX_ID"},
    {"AR_PAYMENT_SCHEDULES_ALL", "CASH_RECEIPT_ID"},
    {"AR_CASH_RECEIPTS_ALL", "PAY_FROM_CUSTOMER"},
    {"AR_RECEIVABLE_APPLICATIONS_ALL", "CASH_RECEIPT_ID"},
    {"AR_RECEIVABLE_APPLICATIONS_ALL", "APPLIED_CUSTOMER_TRX_ID"},
};

bool has_column(const EbsTableDef& def, std::string_view column) {
  for (const auto& c : def.columns)
    if (c.name == column) return true;
  return false;
}

void add_keys(PgSession& db, const EbsTableDef& def) {
  db.exec(fmt::format("ALTER TABLE {0} ADD CONSTRAINT {0}_PK PRIMARY KEY ({1})", def.name, def.columns.front().name));
  if (!def.modstamp.empty())
    db.exec(fmt::format("CREATE INDEX {0}_LUD ON {0} ({1}, {2})", def.name, def.modstamp, def.columns.front().name));
  for (const auto& [table, column] : kForeignKeyIndexes)
    if (table == def.name && has_column(def, column))
      db.exec(fmt::format("CREATE INDEX {0}_{1}_N ON {0} ({1})", def.name, column));
}

void drop_or_refuse(PgSession& db, const std::vector<EbsTableDef>& schema, bool replace) {
  for (auto def = schema.rbegin(); def != schema.rend(); ++def) {
    if (replace) {
      db.exec("DROP TABLE IF EXISTS " + def->name + " CASCADE");
    } else if (!db.query_value("SELECT to_regclass($1)::text", {def->name}).empty()) {
      throw Error(Error::Kind::config,
                  fmt::format("the database already has an EBS table {}; drop it or load with replace", def->name));
    }
  }
}

}  // namespace

std::size_t LoadCounts::rows(std::string_view table) const {
  for (const auto& [name, n] : tables)
    if (iequals_ascii(name, table)) return n;
  return 0;
}

std::size_t LoadCounts::total() const {
  std::size_t n = 0;
  for (const auto& t : tables) n += t.second;
  return n;
}

std::string LoadCounts::summary() const {
  std::string out;
  for (const auto& [name, n] : tables) out += fmt::format("{}{}={}", out.empty() ? "" : " ", name, n);
  return out;
}

LoadCounts load_ebs(const Dataset& dataset, const std::string& postgres_url, LoadOptions options) {
  const auto& schema = ebs_schema();
  PgSession db(postgres_url);
  db.exec("BEGIN");
  drop_or_refuse(db, schema, options.replace);
  LoadCounts counts;
  for (const auto& def : schema) {
    const SimTable& table = table_of(dataset, def);
    db.exec(create_table_sql(def));
    counts.tables.emplace_back(def.name, copy_rows(db, table, def));
    add_keys(db, def);
  }
  db.exec("COMMIT");
  for (const auto& def : schema) db.exec("ANALYZE " + def.name);
  logger("sim.ebs")->info("loaded EBS tables rows={} {}", counts.total(), counts.summary());
  return counts;
}

namespace {

enum class Record { none, customer, document };

Record record_of(const Mutation& m) {
  if (iequals_ascii(m.system, "salesforce")) return Record::none;
  for (const auto& e : dataset::kErpObjects) {
    if (iequals_ascii(m.object, e.customer)) return Record::customer;
    if (iequals_ascii(m.object, e.invoice) || iequals_ascii(m.object, e.payment)) return Record::document;
  }
  throw Error(Error::Kind::config, fmt::format("apply_ebs_mutation: no EBS rows stand for {} {}", m.system, m.object));
}

bool derived_from(const EbsTableDef& def, Record record) {
  static constexpr std::string_view kCustomerTables[] = {"HZ_PARTIES", "HZ_CUST_ACCOUNTS"};
  static constexpr std::string_view kDocumentTables[] = {"RA_CUSTOMER_TRX_ALL", "RA_CUSTOMER_TRX_LINES_ALL",
                                                         "AR_PAYMENT_SCHEDULES_ALL", "AR_CASH_RECEIPTS_ALL",
                                                         "AR_RECEIVABLE_APPLICATIONS_ALL"};
  const auto in = [&](const auto& names) {
    for (const auto name : names)
      if (name == def.name) return true;
    return false;
  };
  return record == Record::customer ? in(kCustomerTables) : in(kDocumentTables);
}

// The row of `table` whose key is `id`, re-inserted as the view has it now (or left deleted when it has none).
std::size_t rewrite_row(PgSession& db, const SimTable& table, const EbsTableDef& def, const std::string& id) {
  db.exec_params(fmt::format("DELETE FROM {} WHERE {} = $1", def.name, def.columns.front().name), {id});
  const auto row = table.find(id);
  if (!row) return 0;
  std::vector<std::optional<std::string>> values;
  std::string placeholders;
  for (std::size_t col = 0; col < def.columns.size(); ++col) {
    values.push_back(sql_text(table.value(*row, col)));
    placeholders += fmt::format("{}${}", col ? ", " : "", col + 1);
  }
  return db.exec_params(fmt::format("INSERT INTO {} ({}) VALUES ({})", def.name, column_list(def), placeholders), values);
}

}  // namespace

std::size_t apply_ebs_mutation(const Dataset& dataset, const std::string& postgres_url, const Mutation& m,
                               const std::string& affected_id) {
  const Record record = record_of(m);
  if (record == Record::none) return 0;
  const std::string& id = affected_id.empty() ? m.id : affected_id;
  if (id.empty() || id.find_first_not_of("0123456789") != std::string::npos)
    throw Error(Error::Kind::config, fmt::format("apply_ebs_mutation: '{}' is not the id of an EBS record", id));
  PgSession db(postgres_url);
  db.exec("BEGIN");
  std::size_t written = 0;
  for (const auto& def : ebs_schema())
    if (derived_from(def, record)) written += rewrite_row(db, table_of(dataset, def), def, id);
  db.exec("COMMIT");
  return written;
}

}  // namespace o2c::sim::ebs
