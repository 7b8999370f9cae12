// exceptions.csv: RFC 4180, BOM, columns, one row per open exception.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/reports/report_test_support.h"

namespace o2c::reports::testing {
namespace {

using ::testing::ElementsAre;

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// A strict RFC 4180 reader: records end with CRLF, quoted fields may hold anything.
std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false, field_was_quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
        field.push_back('"'), ++i;
      else if (c == '"')
        quoted = false;
      else
        field.push_back(c);
    } else if (c == '"') {
      EXPECT_TRUE(field.empty()) << "quote inside an unquoted field at byte " << i;
      quoted = field_was_quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field)), field.clear(), field_was_quoted = false;
    } else if (c == '\r') {
      EXPECT_EQ(text.substr(i, 2), "\r\n") << "bare CR at byte " << i;
      rows.back().push_back(std::move(field)), field.clear(), field_was_quoted = false;
      rows.emplace_back();
      ++i;
    } else {
      EXPECT_NE(c, '\n') << "bare LF outside quotes at byte " << i;
      field.push_back(c);
    }
  }
  EXPECT_FALSE(quoted);
  EXPECT_TRUE(rows.back().empty() && field.empty()) << "last record must end with CRLF";
  rows.pop_back();
  return rows;
}

TEST(Csv, StartsWithABomThenTheExactHeader) {
  const std::string csv = render_csv(week48());
  ASSERT_EQ(csv.substr(0, 3), kBom);
  EXPECT_EQ(csv.substr(3), std::string(kCsvHeader) + "\r\n");
  EXPECT_EQ(
      kCsvHeader,
      "id,kind,severity,customer,order_id,invoice_id,payment_id,po_number,amount,currency,detected_at,state,evidence");
}

TEST(Csv, OneRowPerOpenOrAcknowledgedExceptionWithColumnsInOrder) {
  ReportInput in = week48();
  StoredException po =
      stored(ExceptionKind::po_mismatch, "A", "2026-11-24T08:15:30.250Z", ExceptionState::acknowledged);
  po.item.customer_name = "Dupont, \"Fils\" & Cie";
  po.item.invoice_id = "100231";
  po.item.po_number = "PO-2026-004417";
  po.item.amount = Money::parse("-1234.5", Currency::parse("EUR"));
  po.item.evidence = {{"rule", "po.mismatch"}, {"invoice_po", "PO-2026-004417"}, {"memo", "line1\r\nline2, \"x\""}};
  po.note = "customer says \"ok\"";
  StoredException yen = stored(ExceptionKind::order_not_invoiced, "B", "2026-11-10T00:00:00Z");
  yen.item.amount = Money::parse("120000", Currency::parse("JPY"));
  StoredException invalid = stored(ExceptionKind::data_invalid, "C", "2026-11-23T10:00:00Z");
  invalid.item.amount.reset();
  in.exceptions = {po, yen, invalid,
                   resolved(ExceptionKind::po_missing, "D", "2026-11-01T00:00:00Z", "2026-11-25T00:00:00Z")};

  const std::string csv = render_csv(in);
  const auto rows = parse_csv(std::string_view(csv).substr(3));
  ASSERT_EQ(rows.size(), 4u);  // header + 3 open; the resolved one is not listed
  for (const auto& row : rows) EXPECT_EQ(row.size(), 13u);
  // Report order: kind by severity (ORDER_NOT_INVOICED and PO_MISMATCH are high, DATA_INVALID medium).
  EXPECT_THAT(rows[1], ElementsAre(yen.id, "ORDER_NOT_INVOICED", "high", "Customer B", "801B", "", "", "", "120000",
                                   "JPY", "2026-11-10T00:00:00Z", "open", "rule=test.rule; order_amount=100.00 EUR"));
  EXPECT_THAT(rows[2], ElementsAre(po.id, "PO_MISMATCH", "high", "Dupont, \"Fils\" & Cie", "801A", "100231", "",
                                   "PO-2026-004417", "-1234.50", "EUR", "2026-11-24T08:15:30Z", "acknowledged",
                                   "rule=po.mismatch; invoice_po=PO-2026-004417; memo=line1\r\nline2, \"x\""));
  EXPECT_EQ(rows[3][1], "DATA_INVALID");
  EXPECT_EQ(rows[3][8], "");
  EXPECT_EQ(rows[3][9], "");
  EXPECT_NE(csv.find("\"Dupont, \"\"Fils\"\" & Cie\""), std::string::npos);
}

TEST(Csv, UserTextThatLooksLikeAFormulaIsDefused) {
  ReportInput in = week48();
  StoredException e = stored(ExceptionKind::po_missing, "A", "2026-11-24T08:00:00Z");
  e.item.customer_name = "=HYPERLINK(\"http://evil\",\"x\")";
  e.item.po_number = "+PO1";
  in.exceptions = {e};
  const auto rows = parse_csv(std::string_view(render_csv(in)).substr(3));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1][3], "'=HYPERLINK(\"http://evil\",\"x\")");
  EXPECT_EQ(rows[1][7], "'+PO1");
}

TEST(Csv, AnyListOfExceptionsGetsTheSameColumnsWithItsCurrentState) {
  const StoredException open = stored(ExceptionKind::order_not_invoiced, "B", "2026-11-10T00:00:00Z");
  const StoredException gone =
      resolved(ExceptionKind::po_missing, "D", "2026-11-01T00:00:00Z", "2026-11-25T00:00:00Z");
  const std::vector<StoredException> list{open, gone};
  const std::string csv = render_exceptions_csv(list);
  ASSERT_EQ(csv.substr(0, 3), kBom);
  const auto rows = parse_csv(std::string_view(csv).substr(3));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].size(), 13u);
  EXPECT_EQ(rows[1][0], open.id);
  EXPECT_EQ(rows[1][11], "open");
  EXPECT_EQ(rows[2][0], gone.id);
  EXPECT_EQ(rows[2][11], "resolved");
}

}  // namespace
}  // namespace o2c::reports::testing
