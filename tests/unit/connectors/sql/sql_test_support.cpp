// tests/unit/connectors/sql/sql_test_support.cpp — see sql_test_support.h.
#include "tests/unit/connectors/sql/sql_test_support.h"

#include <soci/postgresql/soci-postgresql.h>

#include <gtest/gtest.h>

namespace o2c::sql::testing {

namespace {

struct UrlParts {
  std::string user, host, port, database;
};

// postgresql://USER@HOST:PORT/DB (what PostgresServer::url gives)
UrlParts parts_of(const std::string& url) {
  const std::string rest = url.substr(url.find("://") + 3);
  const std::string host_port = rest.substr(rest.find('@') + 1, rest.find('/') - rest.find('@') - 1);
  return {rest.substr(0, rest.find('@')), host_port.substr(0, host_port.find(':')),
          host_port.substr(host_port.find(':') + 1), rest.substr(rest.find('/') + 1)};
}

}  // namespace

std::string odbc_connection(const std::string& url, const std::string& extra) {
  const UrlParts p = parts_of(url);
  std::string out = "Driver=PostgreSQL Unicode;Server=" + p.host + ";Port=" + p.port + ";Database=" + p.database +
                    ";Uid=" + p.user + ";Pwd=unused-secret";
  if (!extra.empty()) out += ";" + extra;
  return out;
}

std::string libpq_connection(const std::string& url) {
  const UrlParts p = parts_of(url);
  return "host=" + p.host + " port=" + p.port + " dbname=" + p.database + " user=" + p.user;
}

SqlDatabase::SqlDatabase(std::string_view name)
    : db_(name), admin_(std::make_unique<soci::session>(soci::postgresql, libpq_connection(db_.url()))) {}

SqlDatabase::~SqlDatabase() { admin_.reset(); }

void SqlDatabase::exec(const std::string& sql) { *admin_ << sql; }

SqlSettings SqlDatabase::settings(int batch_size, const std::string& timezone) const {
  SqlSettings s;
  s.name = "ebs";
  s.connection = Secret(odbc());
  s.batch_size = batch_size;
  s.timezone = timezone;
  return s;
}

connectors::QuerySpec sql_query(std::string sql, std::string object, std::string id, std::string cursor) {
  connectors::QuerySpec q;
  q.sql = std::move(sql);
  q.object = std::move(object);
  q.id_field = std::move(id);
  q.cursor_field = std::move(cursor);
  return q;
}

std::vector<connectors::Page> read_all(connectors::PageStream& stream, int max_pages) {
  std::vector<connectors::Page> pages;
  while (static_cast<int>(pages.size()) < max_pages) {
    auto page = stream.next();
    if (!page) break;
    pages.push_back(std::move(*page));
    if (pages.back().last) break;
  }
  EXPECT_FALSE(pages.empty() || !pages.back().last) << "the stream ended without a last page";
  return pages;
}

std::vector<connectors::RawRecord> records_of(const std::vector<connectors::Page>& pages) {
  std::vector<connectors::RawRecord> out;
  for (const auto& p : pages) out.insert(out.end(), p.records.begin(), p.records.end());
  return out;
}

std::vector<std::string> ids_of(const std::vector<connectors::RawRecord>& records) {
  std::vector<std::string> out;
  for (const auto& r : records) out.push_back(r.id);
  return out;
}

}  // namespace o2c::sql::testing
