#include "sim/ebs/pg_session.h"

#include <chrono>

#include <fmt/format.h>
#include <libpq-fe.h>

#include "core/error.h"

namespace o2c::sim::ebs {

namespace {

constexpr std::size_t kCopyChunk = 1 << 20;

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

void append_date(std::string& out, SimDate day) {
  const std::chrono::year_month_day ymd{day};
  fmt::format_to(std::back_inserter(out), "{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                 static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

void append_time(std::string& out, SimTime t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  append_date(out, day);
  const std::chrono::hh_mm_ss<std::chrono::milliseconds> hms{t - day};
  fmt::format_to(std::back_inserter(out), " {:02}:{:02}:{:02}", hms.hours().count(), hms.minutes().count(),
                 hms.seconds().count());
  if (hms.subseconds().count() != 0) fmt::format_to(std::back_inserter(out), ".{:03}", hms.subseconds().count());
}

// The text of a non-null value, as PostgreSQL reads it.
void append_text(std::string& out, const SimValue& v) {
  if (const auto* s = std::get_if<std::string>(&v)) out += *s;
  else if (const auto* d = std::get_if<Decimal>(&v)) out += d->text;
  else if (const auto* b = std::get_if<bool>(&v)) out += *b ? "t" : "f";
  else if (const auto* day = std::get_if<SimDate>(&v)) append_date(out, *day);
  else if (const auto* t = std::get_if<SimTime>(&v)) append_time(out, *t);
}

}  // namespace

std::optional<std::string> sql_text(const SimValue& v) {
  if (std::holds_alternative<std::monostate>(v)) return std::nullopt;
  std::string out;
  append_text(out, v);
  return out;
}

void append_copy_field(std::string& out, const SimValue& v) {
  if (std::holds_alternative<std::monostate>(v)) {
    out += "\\N";
    return;
  }
  const auto* s = std::get_if<std::string>(&v);
  if (!s) return append_text(out, v);
  for (const char c : *s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out.push_back(c);
    }
  }
}

PgSession::PgSession(const std::string& postgres_url) : conn_(PQconnectdb(postgres_url.c_str())) {
  if (!conn_) throw Error(Error::Kind::store, "EBS loader: cannot allocate a PostgreSQL connection");
  if (PQstatus(conn_) != CONNECTION_OK) {
    const std::string message = PQerrorMessage(conn_);
    PQfinish(conn_);
    conn_ = nullptr;
    throw Error(Error::Kind::store, fmt::format("EBS loader: cannot connect to PostgreSQL: {}", message));
  }
  exec("SET client_encoding TO 'UTF8'");
  exec("SET client_min_messages TO WARNING");
}

PgSession::~PgSession() {
  if (conn_) PQfinish(conn_);
}

void PgSession::fail(std::string_view what) const {
  std::string message = PQerrorMessage(conn_);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  throw Error(Error::Kind::store, fmt::format("EBS loader: {}: {}", what, message));
}

void PgSession::exec(const std::string& sql) {
  const Result r(PQexec(conn_, sql.c_str()));
  const ExecStatusType status = PQresultStatus(r.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(sql.substr(0, 80));
}

namespace {

Result exec_with(PGconn* conn, const std::string& sql, const std::vector<std::optional<std::string>>& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  return Result(PQexecParams(conn, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                             nullptr, 0));
}

}  // namespace

std::string PgSession::query_value(const std::string& sql, const std::vector<std::optional<std::string>>& params) {
  const Result r = exec_with(conn_, sql, params);
  if (PQresultStatus(r.get()) != PGRES_TUPLES_OK) fail(sql.substr(0, 80));
  if (PQntuples(r.get()) == 0 || PQgetisnull(r.get(), 0, 0)) return "";
  return PQgetvalue(r.get(), 0, 0);
}

std::size_t PgSession::exec_params(const std::string& sql, const std::vector<std::optional<std::string>>& params) {
  const Result r = exec_with(conn_, sql, params);
  if (PQresultStatus(r.get()) != PGRES_COMMAND_OK) fail(sql.substr(0, 80));
  const char* affected = PQcmdTuples(r.get());
  return affected && *affected ? std::stoul(affected) : 0;
}

void PgSession::copy_begin(const std::string& sql) {
  const Result r(PQexec(conn_, sql.c_str()));
  if (PQresultStatus(r.get()) != PGRES_COPY_IN) fail(sql.substr(0, 80));
}

void PgSession::copy_put(std::string& buffer, bool force) {
  if (buffer.empty() || (!force && buffer.size() < kCopyChunk)) return;
  if (PQputCopyData(conn_, buffer.data(), static_cast<int>(buffer.size())) != 1) fail("COPY data");
  buffer.clear();
}

void PgSession::copy_end() {
  if (PQputCopyEnd(conn_, nullptr) != 1) fail("COPY end");
  bool failed = false;
  std::string message;
  while (PGresult* raw = PQgetResult(conn_)) {
    const Result r(raw);
    if (PQresultStatus(r.get()) != PGRES_COMMAND_OK && !failed) {
      failed = true;
      message = PQresultErrorMessage(r.get());
    }
  }
  if (failed) {
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    throw Error(Error::Kind::store, fmt::format("EBS loader: COPY rejected: {}", message));
  }
}

}  // namespace o2c::sim::ebs
