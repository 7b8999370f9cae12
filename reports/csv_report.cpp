// exceptions.csv: the open exceptions for Excel (format in reports.h).
#include <fmt/format.h>

#include "reports/report_text.h"
#include "reports/reports.h"
#include "reports/week_view.h"

namespace o2c::reports {

namespace {

std::string csv_row(const schema::StoredException& stored, std::string_view state) {
  const schema::ExceptionItem& item = stored.item;
  const auto& kind = schema::info(item.kind);
  const std::string amount = item.amount ? item.amount->to_decimal() : "";
  const std::string currency = item.amount ? std::string(item.amount->currency().code()) : "";
  const std::vector<std::string> fields = {
      csv_field(stored.id),
      csv_field(kind.name),
      csv_field(schema::to_string(kind.severity)),
      csv_text_field(customer_label(item)),
      csv_field(item.order_id),
      csv_field(item.invoice_id),
      csv_field(item.payment_id),
      csv_text_field(item.po_number),
      csv_field(amount),
      csv_field(currency),
      csv_field(to_iso8601_seconds(stored.first_seen)),
      csv_field(state),
      csv_text_field(evidence_line(item.evidence)),
  };
  return fmt::format("{}\r\n", fmt::join(fields, ","));
}

std::string csv_head() {
  std::string out = "\xEF\xBB\xBF";   // UTF-8 BOM: Excel otherwise reads the file as ANSI
  out += kCsvHeader;
  out += "\r\n";
  return out;
}

}  // namespace

std::string render_csv(const ReportInput& input) {
  const WeekView view = build_week_view(input);
  std::string out = csv_head();
  for (const auto& row : view.open) out += csv_row(*row.stored, row.acknowledged ? "acknowledged" : "open");
  return out;
}

std::string render_exceptions_csv(std::span<const schema::StoredException> exceptions) {
  std::string out = csv_head();
  for (const auto& e : exceptions) out += csv_row(e, schema::to_string(e.state));
  return out;
}

}  // namespace o2c::reports
