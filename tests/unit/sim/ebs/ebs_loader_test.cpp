// The EBS loader against a real PostgreSQL (the shared test server): tables
// with EBS's names and SQL types, the dataset's rows in them (checked against
// the NetSuite view and cell by cell), NULL where planted, idempotent reloads,
// mutations written through, and errors that never show the URL's password.
#include <gtest/gtest.h>

#include <libpq-fe.h>

#include <chrono>
#include <optional>

#include <fmt/format.h>

#include "core/error.h"
#include "sim/dataset/dataset.h"
#include "sim/dataset/ebs_schema.h"
#include "sim/ebs/ebs_loader.h"
#include "sim/ebs/pg_session.h"
#include "tests/support/postgres_server.h"

namespace o2c::sim {
namespace {

using Row = std::vector<std::optional<std::string>>;

SimTime fixed_now() {
  using namespace std::chrono;
  return time_point_cast<milliseconds>(sys_days{year{2026} / November / 24} + hours{12});
}

DatasetOptions options(std::size_t orders) { return DatasetOptions{42, orders, fixed_now()}; }

// Rows of a query, through plain libpq (independent of the loader's own session code).
std::vector<Row> query(const std::string& url, const std::string& sql, const std::vector<std::string>& params = {}) {
  PGconn* conn = PQconnectdb(url.c_str());
  EXPECT_EQ(PQstatus(conn), CONNECTION_OK) << PQerrorMessage(conn);
  std::vector<const char*> values;
  for (const auto& p : params) values.push_back(p.c_str());
  PGresult* r = PQexecParams(conn, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, 0);
  EXPECT_EQ(PQresultStatus(r), PGRES_TUPLES_OK) << sql << ": " << PQerrorMessage(conn);
  std::vector<Row> rows;
  for (int i = 0; i < PQntuples(r); ++i) {
    Row row;
    for (int j = 0; j < PQnfields(r); ++j)
      row.push_back(PQgetisnull(r, i, j) ? std::nullopt : std::optional<std::string>(PQgetvalue(r, i, j)));
    rows.push_back(std::move(row));
  }
  PQclear(r);
  PQfinish(conn);
  return rows;
}

std::optional<std::string> one(const std::string& url, const std::string& sql, const std::vector<std::string>& params = {}) {
  const auto rows = query(url, sql, params);
  EXPECT_EQ(rows.size(), 1u) << sql;
  return rows.empty() || rows[0].empty() ? std::nullopt : rows[0][0];
}

std::string text(const SimTable& t, std::size_t row, std::string_view column) {
  const SimValue v = t.value(row, *t.column_index(column, false));
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* d = std::get_if<Decimal>(&v)) return d->text;
  return "";
}

// A cell as the test expects PostgreSQL to show it (timestamps via to_char below).
std::optional<std::string> expected_text(const SimValue& v) {
  using namespace std::chrono;
  if (std::holds_alternative<std::monostate>(v)) return std::nullopt;
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* d = std::get_if<Decimal>(&v)) return d->text;
  const auto format = [](sys_seconds t) {
    const auto day = floor<days>(t);
    const year_month_day ymd{day};
    const hh_mm_ss hms{t - day};
    return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()), hms.hours().count(), hms.minutes().count(), hms.seconds().count());
  };
  if (const auto* day = std::get_if<SimDate>(&v)) return format(sys_seconds{*day});
  if (const auto* t = std::get_if<SimTime>(&v)) return format(floor<seconds>(*t));
  return std::nullopt;
}

std::string select_list(const EbsTableDef& def) {
  std::string out;
  for (const auto& c : def.columns) {
    out += out.empty() ? "" : ", ";
    out += c.sql_type.rfind("timestamp", 0) == 0 ? "to_char(" + c.name + ", 'YYYY-MM-DD HH24:MI:SS')" : c.name + "::text";
  }
  return out;
}

class EbsLoader : public ::testing::Test {
 protected:
  EbsLoader() : database_("ebs_loader") {}
  const std::string& url() const { return database_.url(); }

 private:
  o2c::testing::TestDatabase database_;
};

TEST_F(EbsLoader, CreatesEveryTableWithTheDatasetsRowCountsAndCells) {
  const Dataset ds(options(2000));
  const ebs::LoadCounts counts = ebs::load_ebs(ds, url());
  ASSERT_EQ(counts.tables.size(), ebs_schema().size());
  for (const auto& def : ebs_schema()) {
    SCOPED_TRACE(def.name);
    const auto table = ds.ebs()->table(def.name);
    EXPECT_EQ(counts.rows(def.name), table->size());
    EXPECT_EQ(one(url(), "SELECT count(*) FROM " + def.name), std::to_string(table->size()));
    for (const std::size_t row : {std::size_t{0}, table->size() / 2, table->size() - 1}) {
      const std::string key = text(*table, row, def.columns[0].name);
      const auto got = query(url(), fmt::format("SELECT {} FROM {} WHERE {} = $1", select_list(def), def.name,
                                                def.columns[0].name), {key});
      ASSERT_EQ(got.size(), 1u) << key;
      for (std::size_t col = 0; col < def.columns.size(); ++col)
        EXPECT_EQ(got[0][col], expected_text(table->value(row, col))) << def.columns[col].name << " of " << key;
    }
  }
  EXPECT_NE(counts.summary().find("RA_CUSTOMER_TRX_ALL="), std::string::npos);
}

TEST_F(EbsLoader, InvoicesMatchTheNetSuiteViewAndThePlantedAmountIsNull) {
  const Dataset ds(options(1200));
  ebs::load_ebs(ds, url());
  const auto tx = ds.netsuite()->table("transaction");
  std::size_t checked = 0, planted = 0;
  for (std::size_t r = 0; r < tx->size(); r += 7) {
    const std::string id = text(*tx, r, "id"), type = text(*tx, r, "type");
    const SimValue total = tx->value(r, *tx->column_index("foreigntotal", false));
    const auto amount = query(url(), "SELECT AMOUNT_DUE_ORIGINAL::text, CLASS FROM ar_payment_schedules_all "
                                     "WHERE payment_schedule_id = $1", {id});
    ASSERT_EQ(amount.size(), 1u);
    if (type == "CustPymt") {
      EXPECT_EQ(amount[0][0], "-" + text(*tx, r, "foreigntotal"));
      continue;
    }
    ++checked;
    const auto trx = query(url(), "SELECT trx_number, attribute1, purchase_order, to_char(trx_date, 'YYYY-MM-DD'), "
                                  "invoice_currency_code, bill_to_customer_id::text FROM RA_CUSTOMER_TRX_ALL "
                                  "WHERE customer_trx_id = $1", {id});
    ASSERT_EQ(trx.size(), 1u) << id;
    EXPECT_EQ(trx[0][0], text(*tx, r, "tranid"));
    EXPECT_EQ(trx[0][1].value_or(""), text(*tx, r, "custbody_o2c_sf_order"));
    EXPECT_EQ(trx[0][2].value_or(""), text(*tx, r, "otherrefnum"));
    EXPECT_EQ(trx[0][5], text(*tx, r, "entity"));
    if (std::holds_alternative<Decimal>(total)) {
      EXPECT_EQ(amount[0][0], std::get<Decimal>(total).text) << id;
    } else {
      EXPECT_EQ(amount[0][0], std::nullopt) << id;
    }
  }
  EXPECT_GT(checked, 100u);
  for (const auto& p : ds.planted())
    if (p.kind == "DATA_INVALID" && p.key.rfind("netsuite/transaction/", 0) == 0) {
      const std::string id = p.key.substr(21);
      ++planted;
      EXPECT_EQ(one(url(), "SELECT amount_due_original IS NULL FROM ar_payment_schedules_all WHERE customer_trx_id = $1", {id}), "t");
      EXPECT_EQ(one(url(), "SELECT extended_amount IS NULL FROM ra_customer_trx_lines_all WHERE customer_trx_id = $1", {id}), "t");
    }
  EXPECT_GE(planted, 2u);
  EXPECT_EQ(one(url(), "SELECT count(*) FROM ar_payment_schedules_all WHERE amount_due_original IS NULL"),
            std::to_string(planted));
}

TEST_F(EbsLoader, UsesEbsTypesNullabilityPrimaryKeysAndModstampIndexes) {
  const Dataset ds(options(300));
  ebs::load_ebs(ds, url());
  const auto column = [&](const char* table, const char* name) {
    const auto rows = query(url(), "SELECT data_type, character_maximum_length::text, is_nullable FROM information_schema.columns "
                                   "WHERE table_name = $1 AND column_name = $2", {table, name});
    EXPECT_EQ(rows.size(), 1u) << table << "." << name;
    return rows.empty() ? Row{} : rows[0];
  };
  EXPECT_EQ(column("ra_customer_trx_all", "customer_trx_id"), (Row{"numeric", std::nullopt, "NO"}));
  EXPECT_EQ(column("ra_customer_trx_all", "trx_number"), (Row{"character varying", "20", "NO"}));
  EXPECT_EQ(column("ra_customer_trx_all", "trx_date"), (Row{"timestamp without time zone", std::nullopt, "NO"}));
  EXPECT_EQ(column("ra_customer_trx_all", "purchase_order"), (Row{"character varying", "50", "YES"}));
  EXPECT_EQ(column("ar_payment_schedules_all", "amount_due_original"), (Row{"numeric", std::nullopt, "YES"}));
  EXPECT_EQ(column("hz_cust_accounts", "attribute1"), (Row{"character varying", "150", "YES"}));
  for (const auto& def : ebs_schema()) {
    const std::string table = [&] {
      std::string t = def.name;
      for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return t;
    }();
    EXPECT_EQ(one(url(), "SELECT count(*) FROM pg_indexes WHERE tablename = $1 AND indexdef LIKE '%UNIQUE%'", {table}), "1")
        << def.name;
    if (!def.modstamp.empty()) {
      EXPECT_EQ(one(url(), "SELECT count(*) FROM pg_indexes WHERE tablename = $1 AND indexdef LIKE '%last_update_date%'",
                    {table}),
                "1")
          << def.name;
    }
  }
}

TEST_F(EbsLoader, ReloadingReplacesAndRefusingLeavesTheDataAlone) {
  const Dataset small(options(300)), larger(options(600));
  const ebs::LoadCounts first = ebs::load_ebs(small, url());
  const ebs::LoadCounts again = ebs::load_ebs(small, url());
  EXPECT_EQ(again.tables, first.tables);
  EXPECT_EQ(one(url(), "SELECT count(*) FROM ra_customer_trx_all"), std::to_string(first.rows("RA_CUSTOMER_TRX_ALL")));
  try {
    ebs::load_ebs(larger, url(), ebs::LoadOptions{.replace = false});
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::config);
    EXPECT_NE(std::string(e.what()).find("already has an EBS table"), std::string::npos) << e.what();
  }
  EXPECT_EQ(one(url(), "SELECT count(*) FROM ra_customer_trx_all"), std::to_string(first.rows("RA_CUSTOMER_TRX_ALL")));
  const ebs::LoadCounts replaced = ebs::load_ebs(larger, url());
  EXPECT_GT(replaced.rows("RA_CUSTOMER_TRX_ALL"), first.rows("RA_CUSTOMER_TRX_ALL"));
  EXPECT_EQ(one(url(), "SELECT count(*) FROM ra_customer_trx_all"), std::to_string(replaced.rows("RA_CUSTOMER_TRX_ALL")));
}

TEST_F(EbsLoader, MutationsAreWrittenThroughToTheLoadedTables) {
  Dataset ds(options(400));
  ebs::load_ebs(ds, url());
  const auto tx = ds.netsuite()->table("transaction");
  std::string invoice, payment;
  for (std::size_t r = 0; r < tx->size() && (invoice.empty() || payment.empty()); ++r) {
    const std::string type = text(*tx, r, "type");
    if (type == "CustInvc" && invoice.empty()) invoice = text(*tx, r, "id");
    if (type == "CustPymt" && payment.empty()) payment = text(*tx, r, "id");
  }
  const auto apply = [&](Mutation m) {
    std::string created;
    EXPECT_EQ(ds.mutate(m, &created), "");
    return ebs::apply_ebs_mutation(ds, url(), m, created);
  };
  EXPECT_EQ(apply({"touch", "netsuite", "transaction", invoice}), 3u);  // header, line, payment schedule
  for (const char* table : {"ra_customer_trx_all", "ra_customer_trx_lines_all"})
    EXPECT_EQ(one(url(), fmt::format("SELECT to_char(last_update_date, 'YYYY-MM-DD HH24:MI:SS') FROM {} "
                                     "WHERE customer_trx_id = $1", table), {invoice}),
              "2026-11-24 12:00:00");
  EXPECT_EQ(apply({"delete", "sap", "A_OperationalAcctgDocItemCube", payment}), 3u);  // schedule, receipt, application
  EXPECT_EQ(one(url(), "SELECT status FROM ar_cash_receipts_all WHERE cash_receipt_id = $1", {payment}), "REV");
  EXPECT_EQ(one(url(), "SELECT display FROM ar_receivable_applications_all WHERE cash_receipt_id = $1", {payment}), "N");
  const std::string before = *one(url(), "SELECT count(*) FROM ra_customer_trx_all");
  EXPECT_EQ(apply({"insert_late", "netsuite", "transaction", ""}), 3u);
  EXPECT_EQ(one(url(), "SELECT count(*) FROM ra_customer_trx_all"), std::to_string(std::stoul(before) + 1));
  EXPECT_EQ(one(url(), "SELECT max(customer_trx_id)::text FROM ra_customer_trx_all"), text(*tx, tx->size() - 1, "id"));
  EXPECT_EQ(apply({"touch", "oracle", "receivablesCustomerAccountActivities", "1004"}), 2u);
  EXPECT_EQ(one(url(), "SELECT to_char(last_update_date, 'HH24:MI') FROM hz_parties WHERE party_id = 1004"), "12:00");
  const std::string order = std::get<std::string>(ds.salesforce()->table("Order")->value(0, 0));
  EXPECT_EQ(apply({"touch", "salesforce", "Order", order}), 0u);
  EXPECT_EQ(one(url(), "SELECT count(*) FROM ra_customer_trx_all"), std::to_string(std::stoul(before) + 1));
}

TEST(EbsLoaderErrors, ConnectionFailuresAreStoreErrorsWithoutThePassword) {
  const Dataset ds(options(50));
  try {
    ebs::load_ebs(ds, "postgresql://loader:s3cr3t-pw@127.0.0.1:1/nowhere?connect_timeout=2");
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::store);
    EXPECT_NE(std::string(e.what()).find("cannot connect to PostgreSQL"), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).find("s3cr3t-pw"), std::string::npos) << e.what();
  }
}

TEST(EbsCopyFormat, EscapesTextAndWritesNullsDatesAndTimes) {
  using namespace std::chrono;
  std::string out;
  ebs::append_copy_field(out, SimValue(std::string("a\tb\\c\nd\re")));
  EXPECT_EQ(out, "a\\tb\\\\c\\nd\\re");
  out.clear();
  ebs::append_copy_field(out, SimValue());
  EXPECT_EQ(out, "\\N");
  EXPECT_EQ(ebs::sql_text(SimValue(SimDate{year{2026} / May / 1})), "2026-05-01");
  EXPECT_EQ(ebs::sql_text(SimValue(fixed_now() + milliseconds{7})), "2026-11-24 12:00:00.007");
  EXPECT_EQ(ebs::sql_text(SimValue(Decimal{"-12.50"})), "-12.50");
  EXPECT_EQ(ebs::sql_text(SimValue()), std::nullopt);
}

}  // namespace
}  // namespace o2c::sim
