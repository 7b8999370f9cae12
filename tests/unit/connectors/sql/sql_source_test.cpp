// tests/unit/connectors/sql/sql_source_test.cpp — the SQL source against a
// real PostgreSQL server through the real psqlODBC driver: passes in pages of
// batch_size rows (the read-ahead marks the last one), resuming a crashed
// pass after the last committed id, rows sharing one LAST_UPDATE_DATE across
// a page boundary, late-committed rows caught by the lookback, exact values
// (numerics, NULLs, non-ASCII and long text, dates, timestamps) and the
// server's time zone, including the autumn DST hour.
#include <boost/json.hpp>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "connectors/sql/sql.h"
#include "tests/unit/connectors/sql/sql_test_support.h"

namespace o2c::sql {
namespace {

using connectors::Cursor;
using connectors::SyncMode;
using testing::ids_of;
using testing::read_all;
using testing::records_of;
using testing::sql_query;
using testing::SqlDatabase;
using namespace std::chrono_literals;

constexpr const char* kInvoices =
    "SELECT id, trx_number, amount, last_update_date FROM invoices "
    "WHERE last_update_date >= :cursor AND id > :last_id ORDER BY id";

Timestamp utc(std::string_view iso) { return parse_timestamp(iso); }

// invoices(id, trx_number, amount, last_update_date) with rows ids first..last,
// each modified `minute` minutes after 2026-11-24 10:00 (UTC wall time).
void create_invoices(SqlDatabase& db, int first, int last) {
  db.exec("CREATE TABLE invoices (id numeric(15) PRIMARY KEY, trx_number varchar(20) NOT NULL, "
          "amount numeric(16,2), last_update_date timestamp NOT NULL)");
  db.exec(fmt::format("INSERT INTO invoices SELECT g, 'INV' || g, g * 10.5, "
                      "timestamp '2026-11-24 10:00:00' + g * interval '1 minute' FROM generate_series({}, {}) g",
                      first, last));
}

std::vector<std::string> range_ids(int first, int last) {
  std::vector<std::string> out;
  for (int i = first; i <= last; ++i) out.push_back(std::to_string(i));
  return out;
}

class SqlSourceTest : public ::testing::Test {
 protected:
  FixedClock clock_{utc("2026-11-24T12:00:00Z")};
};

TEST_F(SqlSourceTest, AFullPassComesInPagesOfBatchSize) {
  SqlDatabase db("sql_pages");
  create_invoices(db, 1, 10);
  auto source = make_sql_source(db.settings(3), clock_);
  auto stream = source->open(sql_query(kInvoices), Cursor{}, SyncMode::incremental);
  const auto pages = read_all(*stream);
  ASSERT_EQ(pages.size(), 4u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(pages[i].records.size(), 3u);
    EXPECT_FALSE(pages[i].last);
    EXPECT_EQ(pages[i].next.tie_break_id, std::to_string(3 * (i + 1)));
    EXPECT_EQ(pages[i].next.pass_started, clock_.now());
  }
  EXPECT_EQ(pages[3].records.size(), 1u);
  EXPECT_TRUE(pages[3].last);
  EXPECT_EQ(ids_of(records_of(pages)), range_ids(1, 10));
  // The next pass starts at the highest modstamp (10:10) minus the lookback (5 min).
  EXPECT_EQ(pages[3].next, (Cursor{utc("2026-11-24T10:05:00Z"), "", std::nullopt, std::nullopt}));
  const auto& first = pages[0].records[0];
  EXPECT_EQ(first.modified, utc("2026-11-24T10:01:00Z"));
  EXPECT_EQ(first.body,
            R"({"id":1,"trx_number":"INV1","amount":10.50,"last_update_date":"2026-11-24T10:01:00+00:00"})");
  EXPECT_FALSE(stream->next());
  EXPECT_EQ(stream->api_calls(), 6);  // connect, execute, four pages
}

TEST_F(SqlSourceTest, ReadingAheadMarksAFullLastPageAsLast) {
  SqlDatabase db("sql_exact_pages");
  create_invoices(db, 1, 6);
  auto stream = make_sql_source(db.settings(3), clock_)->open(sql_query(kInvoices), Cursor{}, SyncMode::incremental);
  const auto pages = read_all(*stream);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[1].records.size(), 3u);
  EXPECT_TRUE(pages[1].last);
}

TEST_F(SqlSourceTest, NoRowsIsOneEmptyLastPage) {
  SqlDatabase db("sql_empty");
  create_invoices(db, 1, 3);
  const Cursor from{utc("2027-01-01T00:00:00Z"), "", std::nullopt, std::nullopt};
  auto stream = make_sql_source(db.settings(3), clock_)->open(sql_query(kInvoices), from, SyncMode::incremental);
  const auto pages = read_all(*stream);
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_TRUE(pages[0].records.empty());
  EXPECT_TRUE(pages[0].last);
  // Nothing read: the next pass starts where this one started, minus the lookback.
  EXPECT_EQ(pages[0].next.since, clock_.now() - 5min);
}

TEST_F(SqlSourceTest, ACrashedPassResumesAfterTheLastCommittedId) {
  SqlDatabase db("sql_resume");
  create_invoices(db, 1, 10);
  auto source = make_sql_source(db.settings(3), clock_);
  Cursor committed;
  {
    auto stream = source->open(sql_query(kInvoices), Cursor{}, SyncMode::incremental);
    committed = stream->next()->next;
    committed = stream->next()->next;  // two pages committed, then the daemon dies
  }
  EXPECT_EQ(committed.tie_break_id, "6");
  // While it was down, rows 2 (behind the keyset) and 8 (ahead) changed.
  db.exec("UPDATE invoices SET amount = 1, last_update_date = timestamp '2026-11-24 11:59:00' WHERE id IN (2, 8)");
  clock_.set(utc("2026-11-24T12:30:00Z"));
  auto resumed = source->open(sql_query(kInvoices), committed, SyncMode::incremental);
  const auto pages = read_all(*resumed);
  EXPECT_EQ(ids_of(records_of(pages)), range_ids(7, 10));
  // The resumed pass keeps its start; the next pass starts before it and sees row 2.
  const Cursor next = pages.back().next;
  EXPECT_EQ(next.since, utc("2026-11-24T11:54:00Z"));  // min(high water 11:59, started 12:00) - 5 min
  auto after = source->open(sql_query(kInvoices), next, SyncMode::incremental);
  EXPECT_EQ(ids_of(records_of(read_all(*after))), (std::vector<std::string>{"2", "8"}));
}

TEST_F(SqlSourceTest, RowsSharingOneModstampStraddleAPageBoundaryAndACrash) {
  SqlDatabase db("sql_same_stamp");
  create_invoices(db, 1, 7);
  db.exec("UPDATE invoices SET last_update_date = timestamp '2026-11-24 10:30:00'");
  auto source = make_sql_source(db.settings(3), clock_);
  const Cursor from{utc("2026-11-24T10:30:00Z"), "", std::nullopt, std::nullopt};
  auto stream = source->open(sql_query(kInvoices), from, SyncMode::incremental);
  const auto first = stream->next();
  ASSERT_TRUE(first);
  EXPECT_EQ(ids_of(first->records), range_ids(1, 3));
  stream.reset();  // crash after the first page
  auto resumed = source->open(sql_query(kInvoices), first->next, SyncMode::incremental);
  EXPECT_EQ(ids_of(records_of(read_all(*resumed))), range_ids(4, 7));
}

TEST_F(SqlSourceTest, ALateCommittedRowIsReadByTheNextPassWithinTheLookback) {
  SqlDatabase db("sql_late");
  create_invoices(db, 10, 12);
  auto source = make_sql_source(db.settings(100), clock_);
  const auto pass1 = read_all(*source->open(sql_query(kInvoices), Cursor{}, SyncMode::incremental));
  const Cursor next = pass1.back().next;  // high water 10:12 → since 10:07
  // Committed after the pass, stamped before its high-water mark: one within
  // the lookback, one before it (a longer lookback would be needed).
  db.exec("INSERT INTO invoices VALUES (5, 'INV5', 1, timestamp '2026-11-24 10:08:00'), "
          "(6, 'INV6', 1, timestamp '2026-11-24 10:06:59')");
  const auto pass2 = read_all(*source->open(sql_query(kInvoices), next, SyncMode::incremental));
  EXPECT_EQ(ids_of(records_of(pass2)), (std::vector<std::string>{"5", "10", "11", "12"}));
}

TEST_F(SqlSourceTest, AFullSyncIgnoresTheCursor) {
  SqlDatabase db("sql_full");
  create_invoices(db, 1, 4);
  const Cursor from{utc("2030-01-01T00:00:00Z"), "3", std::nullopt, std::nullopt};
  auto stream = make_sql_source(db.settings(10), clock_)->open(sql_query(kInvoices), from, SyncMode::full);
  EXPECT_EQ(ids_of(records_of(read_all(*stream))), range_ids(1, 4));
}

TEST_F(SqlSourceTest, IntegerAndSmallintKeysStartBelowTheirOwnRange) {
  SqlDatabase db("sql_small_keys");
  db.exec("CREATE TABLE a (id integer PRIMARY KEY, last_update_date timestamp NOT NULL)");
  db.exec("CREATE TABLE b (id smallint PRIMARY KEY, last_update_date timestamp NOT NULL)");
  db.exec("INSERT INTO a VALUES (-2147483647, now()), (2147483647, now())");
  db.exec("INSERT INTO b VALUES (-32767, now()), (32767, now())");
  auto source = make_sql_source(db.settings(1), clock_);
  for (const char* table : {"a", "b"}) {
    const auto query = sql_query(fmt::format("SELECT id, last_update_date FROM {} WHERE last_update_date >= :cursor "
                                             "AND id > :last_id ORDER BY id", table));
    const auto pages = read_all(*source->open(query, Cursor{}, SyncMode::incremental));
    ASSERT_EQ(pages.size(), 2u) << table;
    auto resumed = source->open(query, pages[0].next, SyncMode::incremental);
    EXPECT_EQ(records_of(read_all(*resumed)).size(), 1u) << table;
  }
}

TEST_F(SqlSourceTest, ValuesArriveExact) {
  SqlDatabase db("sql_values");
  db.exec("CREATE TABLE v (id bigint PRIMARY KEY, big numeric(16,2), tenth numeric, neg numeric(5,2), "
          "huge numeric, whole integer, wide bigint, dbl float8, short_text varchar(4), long_text text, "
          "odd_text text, day date, flag boolean, at timestamp(6), nothing varchar(10), "
          "last_update_date timestamp NOT NULL)");
  const std::string long_text(100'000, 'x');
  db.exec("INSERT INTO v VALUES (1, 12345678901234.56, 0.1, -0.10, 123456789012345678901234567890.123456789, "
          "-42, 9007199254740993, 0.1, 'ÉÉÉÉ', repeat('x', 100000), E'Zürich – 東京 😀 \"q\" \\\\ \\n\\t' || chr(1), "
          "date '2026-02-28', true, timestamp '2026-11-24 10:00:00.123456', NULL, timestamp '2026-11-24 10:00:00')");
  db.exec("INSERT INTO v (id, last_update_date) VALUES (2, timestamp '2026-11-24 10:00:00')");
  const auto query = sql_query("SELECT * FROM v WHERE last_update_date >= :cursor AND id > :last_id ORDER BY id",
                               "V");
  const auto records = records_of(read_all(*make_sql_source(db.settings(), clock_)->open(query, Cursor{},
                                                                                           SyncMode::incremental)));
  ASSERT_EQ(records.size(), 2u);
  const std::string& body = records[0].body;
  EXPECT_TRUE(records[0].defect.empty()) << records[0].defect;
  for (const char* token : {"\"big\":12345678901234.56,", "\"tenth\":0.1,", "\"neg\":-0.10,",
                            "\"huge\":123456789012345678901234567890.123456789,", "\"whole\":-42,",
                            "\"wide\":9007199254740993,", "\"short_text\":\"ÉÉÉÉ\",", "\"day\":\"2026-02-28\",",
                            "\"flag\":true,", "\"at\":\"2026-11-24T10:00:00.123456+00:00\",", "\"nothing\":null,"})
    EXPECT_NE(body.find(token), std::string::npos) << token << " in " << body.substr(0, 400);
  const boost::json::object parsed = boost::json::parse(body).as_object();
  EXPECT_EQ(parsed.at("long_text").as_string(), long_text);
  EXPECT_EQ(parsed.at("odd_text").as_string(), "Zürich – 東京 😀 \"q\" \\ \n\t\x01");
  EXPECT_EQ(boost::json::value_to<double>(parsed.at("dbl")), 0.1);
  // The row of NULLs: every column present, null.
  const boost::json::object nulls = boost::json::parse(records[1].body).as_object();
  EXPECT_EQ(nulls.size(), parsed.size());
  for (const auto& [key, value] : nulls) {
    if (key != "id" && key != "last_update_date") {
      EXPECT_TRUE(value.is_null()) << key;
    }
  }
}

TEST_F(SqlSourceTest, NullIdsAndModstampsBecomeDefectsTheMapperReports) {
  SqlDatabase db("sql_null_keys");
  create_invoices(db, 1, 2);
  const auto query = sql_query(
      "SELECT CASE WHEN id = 1 THEN NULL ELSE id END AS id, trx_number, "
      "CASE WHEN id = 2 THEN NULL ELSE last_update_date END AS last_update_date FROM invoices "
      "WHERE last_update_date >= :cursor AND id > :last_id ORDER BY invoices.id");
  const auto records = records_of(read_all(*make_sql_source(db.settings(), clock_)->open(query, Cursor{},
                                                                                           SyncMode::incremental)));
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].defect, "the id column id is null");
  EXPECT_EQ(records[1].id, "2");
  EXPECT_EQ(records[1].defect, "the cursor column last_update_date is null");
}

TEST_F(SqlSourceTest, WallTimesOfTheServerZoneBecomeUtc) {
  SqlDatabase db("sql_zone");
  create_invoices(db, 1, 3);
  // Los Angeles wall time: 01:29:59 PST, 01:30 PST, 02:00 PST on 2026-11-24 (UTC-8).
  db.exec("UPDATE invoices SET last_update_date = CASE id WHEN 1 THEN timestamp '2026-11-24 01:29:59' "
          "WHEN 2 THEN timestamp '2026-11-24 01:30:00' ELSE timestamp '2026-11-24 02:00:00' END");
  auto source = make_sql_source(db.settings(10, "America/Los_Angeles"), clock_);
  const Cursor from{utc("2026-11-24T09:30:00Z"), "", std::nullopt, std::nullopt};  // 01:30 PST
  const auto records = records_of(read_all(*source->open(sql_query(kInvoices), from, SyncMode::incremental)));
  ASSERT_EQ(ids_of(records), (std::vector<std::string>{"2", "3"}));
  EXPECT_EQ(records[1].modified, utc("2026-11-24T10:00:00Z"));
  EXPECT_NE(records[1].body.find("\"last_update_date\":\"2026-11-24T02:00:00-08:00\""), std::string::npos)
      << records[1].body;
}

TEST_F(SqlSourceTest, TheAutumnDstHourSkipsNoRow) {
  SqlDatabase db("sql_dst");
  create_invoices(db, 1, 3);
  // 2026-11-01 in Los Angeles: 01:00-02:00 happens twice (PDT, then PST).
  // Row 1 was written at 00:59 PDT, row 2 at 01:40 PDT (08:40Z), row 3 at
  // 01:10 PST (09:10Z): after row 2, but with an earlier wall time.
  db.exec("UPDATE invoices SET last_update_date = CASE id WHEN 1 THEN timestamp '2026-11-01 00:29:00' "
          "WHEN 2 THEN timestamp '2026-11-01 01:40:00' ELSE timestamp '2026-11-01 01:10:00' END");
  auto source = make_sql_source(db.settings(10, "America/Los_Angeles"), clock_);
  const Cursor from{utc("2026-11-01T08:30:00Z"), "", std::nullopt, std::nullopt};  // 01:30 PDT
  const auto records = records_of(read_all(*source->open(sql_query(kInvoices), from, SyncMode::incremental)));
  EXPECT_EQ(ids_of(records), (std::vector<std::string>{"2", "3"}));
}

}  // namespace
}  // namespace o2c::sql
