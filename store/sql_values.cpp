#include "store/sql_values.h"

#include <boost/json.hpp>

#include "core/error.h"

namespace o2c::store {

namespace {

[[noreturn]] void bad_column(std::string_view what, std::string_view text) {
  fail(Error::Kind::store, "the database holds an invalid {}: '{}' (was it written by another program?)", what, text);
}

}  // namespace

long long to_ms(Timestamp t) { return t.time_since_epoch().count(); }

Timestamp from_ms(long long ms) { return Timestamp(std::chrono::milliseconds(ms)); }

std::string to_column(Date d) {
  const int year = static_cast<int>(d.year());
  if (!d.ok() || year < 0 || year > 9999) return to_iso8601(d);
  // By hand: this runs for every date of every record of every page.
  const unsigned month = static_cast<unsigned>(d.month()), day = static_cast<unsigned>(d.day());
  const char text[10] = {static_cast<char>('0' + year / 1000),     static_cast<char>('0' + year / 100 % 10),
                         static_cast<char>('0' + year / 10 % 10),  static_cast<char>('0' + year % 10),
                         '-',                                      static_cast<char>('0' + month / 10),
                         static_cast<char>('0' + month % 10),      '-',
                         static_cast<char>('0' + day / 10),        static_cast<char>('0' + day % 10)};
  return std::string(text, sizeof text);
}

Date date_from_column(const std::string& text) {
  if (auto d = try_parse_date(text)) return *d;
  bad_column("date", text);
}

std::string to_column(Currency c) { return c.is_set() ? std::string(c.code()) : std::string(); }

Currency currency_from_column(std::string_view code) {
  while (!code.empty() && code.back() == ' ') code.remove_suffix(1);
  try {
    return Currency::parse(code);
  } catch (const Error&) {
    bad_column("currency", code);
  }
}

const char* to_column(schema::OrderKind kind) {
  switch (kind) {
    case schema::OrderKind::new_business: return "new_business";
    case schema::OrderKind::renewal: return "renewal";
    case schema::OrderKind::other: return "other";
  }
  return "other";
}

schema::OrderKind order_kind_from_column(std::string_view text) {
  for (auto k : {schema::OrderKind::new_business, schema::OrderKind::renewal, schema::OrderKind::other})
    if (text == to_column(k)) return k;
  bad_column("order kind", text);
}

const char* to_column(schema::InvoiceKind kind) {
  return kind == schema::InvoiceKind::credit_note ? "credit_note" : "invoice";
}

schema::InvoiceKind invoice_kind_from_column(std::string_view text) {
  if (text == "invoice") return schema::InvoiceKind::invoice;
  if (text == "credit_note") return schema::InvoiceKind::credit_note;
  bad_column("invoice kind", text);
}

schema::ExceptionKind exception_kind_from_column(std::string_view text) {
  if (auto kind = schema::parse_exception_kind(text)) return *kind;
  bad_column("exception kind", text);
}

schema::ExceptionState exception_state_from_column(std::string_view text) {
  if (auto state = schema::parse_exception_state(text)) return *state;
  bad_column("exception state", text);
}

std::string evidence_to_json(const std::vector<schema::EvidenceItem>& evidence) {
  boost::json::array out;
  out.reserve(evidence.size());
  for (const auto& e : evidence)
    out.push_back(boost::json::object{{"name", storable_text(e.name)}, {"value", storable_text(e.value)}});
  return boost::json::serialize(out);
}

std::vector<schema::EvidenceItem> evidence_from_json(std::string_view json) {
  boost::system::error_code ec;
  const boost::json::value parsed = boost::json::parse(json, ec);
  if (ec || !parsed.is_array()) bad_column("evidence", json);
  std::vector<schema::EvidenceItem> out;
  for (const auto& item : parsed.as_array()) {
    const auto* object = item.if_object();
    const auto* name = object ? object->if_contains("name") : nullptr;
    const auto* value = object ? object->if_contains("value") : nullptr;
    if (!name || !value || !name->is_string() || !value->is_string()) bad_column("evidence", json);
    out.push_back({std::string(name->get_string()), std::string(value->get_string())});
  }
  return out;
}

std::string storable_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\0') {
      out += "\xEF\xBF\xBD";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace o2c::store
