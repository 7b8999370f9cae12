// reports/reports.h
// reports — the weekly exception report for the AR / order-to-cash team: one
// self-contained HTML page (headline counts, counts per kind, a table per
// kind with the suggested action, what was resolved, how fresh the data is)
// and a CSV of the open exceptions for Excel. Renders from values handed in
// (stored exceptions, last sync runs, the ISO week, the generation time):
// never reads the store, never applies reconciliation rules, never reads the
// clock. Rendering is pure; write_report_files() is the only I/O. Called by
// daemon/ (scheduled report runs and `o2csync report`).
#pragma once

#include <compare>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/time.h"
#include "schema/exception_item.h"

namespace o2c::reports {

// An ISO 8601 week: Monday 00:00 UTC to the next Monday 00:00 UTC.
class IsoWeek {
 public:
  IsoWeek() = default;  // 1970-W01
  // "2026-W48". Throws Error(config) naming the value and what is wrong
  // ("2026-W53: 2026 has 52 ISO weeks").
  static IsoWeek parse(std::string_view text);
  static IsoWeek of(int year, int week);  // same checks as parse
  static IsoWeek containing(Timestamp t);
  int year() const { return year_; }
  int week() const { return week_; }
  Date monday() const;
  Date sunday() const;
  Timestamp start() const;      // Monday 00:00:00 UTC
  Timestamp end() const;        // next Monday 00:00:00 UTC, exclusive
  std::string to_text() const;  // "2026-W48"
  auto operator<=>(const IsoWeek&) const = default;

 private:
  IsoWeek(int year, int week) : year_(year), week_(week) {}
  int year_ = 1970;
  int week_ = 1;
};

int iso_weeks_in_year(int year);  // 52 or 53

// The latest sync run of one stream, for the data freshness section.
struct StreamRun {
  std::string stream;  // "salesforce.orders"
  Timestamp started{};
  std::optional<Timestamp> finished;
  std::string status;  // running | ok | failed
  long records = 0;
  long invalid = 0;
  std::string error;  // "" on success
};

// One customer portal's deliveries (the outbox), for the portals section.
struct PortalLine {
  std::string portal;        // configured name
  long sent_this_week = 0;   // first attempted within the week
  long accepted = 0, paid = 0, rejected = 0;
  long waiting = 0;          // pending, sending or submitted: no answer from the buyer yet
  long held = 0;             // not sent: a check failed (the exceptions say which)
  long rejected_this_week = 0;
};

struct ReportInput {
  IsoWeek week;
  Timestamp generated_at{};
  std::vector<schema::StoredException> exceptions;  // every state; the report picks what the week needs
  std::vector<StreamRun> runs;
  std::vector<PortalLine> portals;                  // empty: no portal configured, no section
  std::size_t max_rows_per_kind = 500;  // HTML tables (per kind, and resolved); the CSV lists every open one
};

// Where an exception stands in the report's week. "Open" means open or
// acknowledged at the end of the week (so a report for a past week shows what
// was open then, even if it was resolved since).
enum class Standing { new_this_week, still_open, resolved_this_week, outside_week };
Standing standing_in(const schema::StoredException& e, const IsoWeek& week);

struct KindCounts {
  schema::ExceptionKind kind{};
  int open = 0;
  int new_this_week = 0;
  int acknowledged = 0;
  int resolved_this_week = 0;
  std::vector<Money> at_stake;  // sum of the open amounts, one per currency, by code
};

struct WeekSummary {
  int open = 0;  // new_this_week + still_open
  int new_this_week = 0;
  int still_open = 0;
  int resolved_this_week = 0;
  int acknowledged = 0;           // among the open ones
  std::vector<KindCounts> kinds;  // kinds with anything to report, severity first
};

WeekSummary summarise(const ReportInput& input);

// "1,234.56 EUR", "-15.00 EUR", "1,200 JPY", "1,234.567 BHD": exact, grouped.
std::string format_amount(const Money& m);

// The CSV header, in this order.
inline constexpr std::string_view kCsvHeader =
    "id,kind,severity,customer,order_id,invoice_id,payment_id,po_number,amount,currency,detected_at,state,evidence";

// RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote, CR
// or LF, quotes doubled. UTF-8 *with* a byte order mark, so Excel (the AR
// team's tool) reads accented names right. One row per open or acknowledged
// exception; amount as exact decimal text; detected_at = first seen, ISO 8601
// UTC. Free-text cells starting with = + - @ get a leading ' so a spreadsheet
// never runs them as formulas.
std::string render_csv(const ReportInput& input);
// The same columns for any list of exceptions (`o2csync exceptions list
// --format csv`), with each one's current state (open, acknowledged, resolved).
std::string render_exceptions_csv(std::span<const schema::StoredException> exceptions);

// One self-contained HTML5 document: inline CSS, no script, no external asset.
// Every value from the data is HTML-escaped.
std::string render_html(const ReportInput& input);

struct ReportFiles {
  std::filesystem::path html;  // <dir>/report.html
  std::filesystem::path csv;   // <dir>/exceptions.csv
};

// Renders both files and writes them into `dir` (created if missing), each
// through a temporary file in `dir` + fsync + rename, so a reader never sees
// a partial file. Throws Error(config) when `dir` cannot be created and
// Error(internal) when a file cannot be written; temporary files are removed
// on failure.
ReportFiles write_report_files(const ReportInput& input, const std::filesystem::path& dir);

}  // namespace o2c::reports
