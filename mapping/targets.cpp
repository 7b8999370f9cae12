// mapping/targets.cpp — the target field registry (see targets.h).
#include "mapping/targets.h"

#include <algorithm>
#include <charconv>
#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/text.h"

namespace o2c::mapping {
namespace {

using schema::CanonicalRecord;
using Assign = std::function<void(CanonicalRecord&, const Value&)>;

template <class M>
M value_as(const Value& v) {
  if constexpr (std::is_same_v<M, std::string>) return v.text;
  else if constexpr (std::is_same_v<M, Money> || std::is_same_v<M, std::optional<Money>>) return v.money;
  else if constexpr (std::is_same_v<M, std::optional<Date>>) return v.date;
  else if constexpr (std::is_same_v<M, std::optional<Timestamp>>) return v.time;
  else if constexpr (std::is_same_v<M, bool>) return v.flag;
  else if constexpr (std::is_same_v<M, std::optional<Currency>>) return Currency::parse(v.text);
  else if constexpr (std::is_same_v<M, schema::OrderKind>)
    return v.text == "new_business" ? schema::OrderKind::new_business
         : v.text == "renewal"      ? schema::OrderKind::renewal
                                    : schema::OrderKind::other;
  else if constexpr (std::is_same_v<M, schema::InvoiceKind>)
    return v.text == "credit_note" ? schema::InvoiceKind::credit_note : schema::InvoiceKind::invoice;
}

template <class R, class M>
Assign member(M R::*m) {
  return [m](CanonicalRecord& rec, const Value& v) { std::get<R>(rec).*m = value_as<M>(v); };
}

schema::RecordMeta& meta(CanonicalRecord& rec) {
  return std::visit([](auto& r) -> schema::RecordMeta& { return r.meta; }, rec);
}

std::vector<TargetField> with_common(std::vector<TargetField> own) {
  std::vector<TargetField> all{
      {"external_id", FieldType::string, true, {}, "id in the source system",
       [](CanonicalRecord& r, const Value& v) { meta(r).external_id = v.text; }},
      {"modified", FieldType::datetime, false, {},
       "source modification time (default: the modstamp the connector read for its cursor, in UTC)",
       [](CanonicalRecord& r, const Value& v) { meta(r).modified = v.time; }},
      {"deleted", FieldType::boolean, false, {}, "deleted / voided in the source",
       [](CanonicalRecord& r, const Value& v) { meta(r).deleted = v.flag; }},
  };
  for (auto& f : own) all.push_back(std::move(f));
  return all;
}

std::vector<TargetField> customer_fields() {
  using schema::Customer;
  return with_common({
      {"name", FieldType::string, true, {}, "customer name", member(&Customer::name)},
      {"number", FieldType::string, false, {}, "account / entity number", member(&Customer::number)},
      {"parent_id", FieldType::reference, false, {}, "parent customer's external id", member(&Customer::parent_id)},
      {"country", FieldType::string, false, {}, "ISO 3166 alpha-2", member(&Customer::country)},
      {"currency", FieldType::currency, false, {}, "ISO 4217 code", member(&Customer::currency)},
      {"requires_po", FieldType::boolean, false, {}, "AP rejects invoices without a PO", member(&Customer::requires_po)},
      {"crm_account_id", FieldType::reference, false, {}, "the CRM account", member(&Customer::crm_account_id)},
      {"vat_id", FieldType::string, false, {}, "VAT identifier with its country prefix", member(&Customer::vat_id)},
      {"street", FieldType::string, false, {}, "billing street and number", member(&Customer::street)},
      {"city", FieldType::string, false, {}, "billing city", member(&Customer::city)},
      {"postal_code", FieldType::string, false, {}, "billing postal code", member(&Customer::postal_code)},
  });
}

std::vector<TargetField> order_fields() {
  using schema::Order;
  return with_common({
      {"number", FieldType::string, true, {}, "order number", member(&Order::number)},
      {"customer_id", FieldType::reference, true, {}, "CRM account id", member(&Order::customer_id)},
      {"po_number", FieldType::string, false, {}, "customer PO", member(&Order::po_number)},
      {"amount", FieldType::money, true, {}, "order total", member(&Order::amount)},
      {"kind", FieldType::enumeration, false, {"new_business", "renewal", "other"}, "order kind", member(&Order::kind)},
      {"is_signed", FieldType::boolean, false, {}, "activated / signed", member(&Order::is_signed)},
      {"effective_date", FieldType::date, false, {}, "start of service", member(&Order::effective_date)},
      {"end_date", FieldType::date, false, {}, "end of subscription term", member(&Order::end_date)},
      {"signed_at", FieldType::datetime, false, {}, "activation time", member(&Order::signed_at)},
  });
}

std::vector<TargetField> order_line_fields() {
  using schema::OrderLine;
  return with_common({
      {"order_id", FieldType::reference, true, {}, "order external id", member(&OrderLine::order_id)},
      {"description", FieldType::string, false, {}, "line text", member(&OrderLine::description)},
      {"quantity", FieldType::string, false, {}, "exact decimal text", member(&OrderLine::quantity)},
      {"unit_price", FieldType::money, false, {}, "unit price", member(&OrderLine::unit_price)},
      {"amount", FieldType::money, true, {}, "line total", member(&OrderLine::amount)},
  });
}

std::vector<TargetField> invoice_fields() {
  using schema::Invoice;
  return with_common({
      {"number", FieldType::string, true, {}, "document number", member(&Invoice::number)},
      {"kind", FieldType::enumeration, false, {"invoice", "credit_note"}, "document kind", member(&Invoice::kind)},
      {"customer_id", FieldType::reference, true, {}, "ERP customer id", member(&Invoice::customer_id)},
      {"crm_account_id", FieldType::reference, false, {}, "CRM account of the customer", member(&Invoice::crm_account_id)},
      {"order_ref", FieldType::reference, false, {}, "CRM order id billed", member(&Invoice::order_ref)},
      {"po_number", FieldType::string, false, {}, "customer PO", member(&Invoice::po_number)},
      {"amount", FieldType::money, true, {}, "document total (credit notes negative)", member(&Invoice::amount)},
      {"open_amount", FieldType::money, false, {}, "amount remaining", member(&Invoice::open_amount)},
      {"issue_date", FieldType::date, false, {}, "invoice date", member(&Invoice::issue_date)},
      {"due_date", FieldType::date, false, {}, "due date", member(&Invoice::due_date)},
      {"tax_amount", FieldType::money, false, {}, "VAT included in amount (same sign)", member(&Invoice::tax_amount)},
  });
}

std::vector<TargetField> invoice_line_fields() {
  using schema::InvoiceLine;
  return with_common({
      {"invoice_id", FieldType::reference, true, {}, "invoice external id", member(&InvoiceLine::invoice_id)},
      {"line_number", FieldType::string, true, {}, "line number within the invoice", member(&InvoiceLine::line_number)},
      {"description", FieldType::string, false, {}, "item name / line text", member(&InvoiceLine::description)},
      {"quantity", FieldType::decimal, false, {}, "exact decimal (default 1)", member(&InvoiceLine::quantity)},
      {"unit_code", FieldType::string, false, {}, "UN/ECE Rec 20 unit (default C62)", member(&InvoiceLine::unit_code)},
      {"unit_price", FieldType::decimal, false, {}, "net unit price, exact decimal", member(&InvoiceLine::unit_price)},
      {"amount", FieldType::money, true, {}, "line amount before VAT (credit notes negative)",
       member(&InvoiceLine::amount)},
      {"tax_category", FieldType::enumeration, false, {"S", "Z", "E", "AE", "K", "G", "O"},
       "VAT category (UNCL 5305)", member(&InvoiceLine::tax_category)},
      {"tax_rate", FieldType::decimal, false, {}, "VAT rate in percent", member(&InvoiceLine::tax_rate)},
      {"tax_amount", FieldType::money, false, {}, "the line's VAT", member(&InvoiceLine::tax_amount)},
  });
}

std::vector<TargetField> payment_fields() {
  using schema::Payment;
  return with_common({
      {"number", FieldType::string, false, {}, "payment number", member(&Payment::number)},
      {"customer_id", FieldType::reference, true, {}, "ERP customer id", member(&Payment::customer_id)},
      {"amount", FieldType::money, true, {}, "amount received", member(&Payment::amount)},
      {"received_date", FieldType::date, false, {}, "date received", member(&Payment::received_date)},
      {"reference", FieldType::string, false, {}, "remittance text / memo", member(&Payment::reference)},
  });
}

// "2.50", "-0.5", "1E2" → plain decimal text ("2.50", "-0.5", "100"); the
// digits are kept as written (no rounding, no double). nullopt when not a number.
std::optional<std::string> plain_decimal(std::string_view t) {
  std::string sign;
  if (!t.empty() && (t.front() == '-' || t.front() == '+')) {
    if (t.front() == '-') sign = "-";
    t.remove_prefix(1);
  }
  long exponent = 0;
  if (const auto e = t.find_first_of("eE"); e != std::string_view::npos) {
    const std::string_view digits = t.substr(e + 1);
    const auto [end, ec] = std::from_chars(digits.data() + (digits.starts_with('+') ? 1 : 0),
                                           digits.data() + digits.size(), exponent);
    if (ec != std::errc{} || end != digits.data() + digits.size() || exponent > 30 || exponent < -30) return std::nullopt;
    t = t.substr(0, e);
  }
  const auto dot = t.find('.');
  std::string whole(t.substr(0, dot)), fraction(dot == std::string_view::npos ? "" : t.substr(dot + 1));
  const auto digits_only = [](const std::string& d) { return std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; }); };
  if ((whole.empty() && fraction.empty()) || !digits_only(whole) || !digits_only(fraction)) return std::nullopt;
  for (; exponent > 0; --exponent) {
    whole += fraction.empty() ? '0' : fraction.front();
    if (!fraction.empty()) fraction.erase(0, 1);
  }
  for (; exponent < 0; ++exponent) {
    fraction.insert(fraction.begin(), whole.empty() ? '0' : whole.back());
    if (!whole.empty()) whole.pop_back();
  }
  whole.erase(0, std::min(whole.find_first_not_of('0'), whole.empty() ? 0 : whole.size() - 1));
  if (whole.empty()) whole = "0";
  const bool zero = whole == "0" && fraction.find_first_not_of('0') == std::string::npos;
  return (zero ? "" : sign) + whole + (fraction.empty() ? "" : "." + fraction);
}

std::string describe(const Value& v) {
  if (v.kind == Value::Kind::string || v.kind == Value::Kind::number) return fmt::format("'{}'", v.text);
  if (v.kind == Value::Kind::boolean) return v.flag ? "true" : "false";
  return to_string(v.kind);
}

[[noreturn]] void mismatch(const TargetField& f, const Value& v) {
  throw EvalError(fmt::format("expected {}, got {} {}", to_string(f.type), to_string(v.kind), describe(v)));
}

}  // namespace

const std::vector<TargetField>& target_fields(schema::TargetKind kind) {
  static const std::vector<TargetField> customer = customer_fields(), order = order_fields(),
                                        line = order_line_fields(), invoice = invoice_fields(),
                                        payment = payment_fields(), invoice_line = invoice_line_fields();
  switch (kind) {
    case schema::TargetKind::customer: return customer;
    case schema::TargetKind::order: return order;
    case schema::TargetKind::order_line: return line;
    case schema::TargetKind::invoice: return invoice;
    case schema::TargetKind::payment: return payment;
    case schema::TargetKind::invoice_line: return invoice_line;
  }
  return order;
}

const TargetField* find_target_field(schema::TargetKind kind, std::string_view name) {
  for (const auto& f : target_fields(kind))
    if (f.name == name) return &f;
  return nullptr;
}

std::vector<std::string> target_field_names(schema::TargetKind kind) {
  std::vector<std::string> out;
  for (const auto& f : target_fields(kind)) out.push_back(f.name);
  return out;
}

CanonicalRecord make_record(schema::TargetKind kind) {
  switch (kind) {
    case schema::TargetKind::customer: return schema::Customer{};
    case schema::TargetKind::order: return schema::Order{};
    case schema::TargetKind::order_line: return schema::OrderLine{};
    case schema::TargetKind::invoice: return schema::Invoice{};
    case schema::TargetKind::payment: return schema::Payment{};
    case schema::TargetKind::invoice_line: return schema::InvoiceLine{};
  }
  return schema::Order{};
}

bool accepts(FieldType field, ExprType e) {
  if (e == ExprType::null) return true;
  switch (field) {
    case FieldType::string:
    case FieldType::reference: return e == ExprType::any || e == ExprType::string || e == ExprType::number;
    case FieldType::money: return e == ExprType::money;
    case FieldType::date:
    case FieldType::datetime:
      return e == ExprType::any || e == ExprType::string || e == ExprType::date || e == ExprType::datetime;
    case FieldType::boolean: return e == ExprType::any || e == ExprType::string || e == ExprType::boolean;
    case FieldType::enumeration:
    case FieldType::currency: return e == ExprType::any || e == ExprType::string;
    case FieldType::decimal: return e == ExprType::any || e == ExprType::string || e == ExprType::number;
  }
  return false;
}

Value coerce(const TargetField& f, Value v) {
  using Kind = Value::Kind;
  switch (f.type) {
    case FieldType::string:
    case FieldType::reference:
      if (v.kind != Kind::string && v.kind != Kind::number) mismatch(f, v);
      if (v.text.size() > kMaxStringBytes) throw EvalError("text longer than 64 KiB");
      v.kind = Kind::string;
      return v;
    case FieldType::money:
      if (v.kind != Kind::money) mismatch(f, v);
      return v;
    case FieldType::date:
      if (v.kind == Kind::datetime) v.date = to_date(v.time), v.kind = Kind::date;
      if (v.kind == Kind::string) {
        auto d = try_parse_date(trim(v.text));
        if (!d && trim(v.text).starts_with("/Date("))
          if (const auto t = try_parse_wire_timestamp(trim(v.text))) d = to_date(*t);
        if (!d) throw EvalError(fmt::format("'{}' is not a date (expected YYYY-MM-DD)", v.text));
        v.date = *d, v.kind = Kind::date;
      }
      if (v.kind != Kind::date) mismatch(f, v);
      return v;
    case FieldType::datetime:
      if (v.kind == Kind::date) v.time = to_timestamp(v.date), v.kind = Kind::datetime;
      if (v.kind == Kind::string) {
        auto t = try_parse_wire_timestamp(trim(v.text));
        if (!t) throw EvalError(fmt::format("'{}' is not an ISO 8601 date-time (or SAP /Date(ms)/)", v.text));
        v.time = *t, v.kind = Kind::datetime;
      }
      if (v.kind != Kind::datetime) mismatch(f, v);
      return v;
    case FieldType::boolean:
      if (v.kind == Kind::string) {
        const std::string t = to_lower_ascii(trim(v.text));
        if (t != "t" && t != "true" && t != "f" && t != "false") mismatch(f, v);
        v.flag = t == "t" || t == "true", v.kind = Kind::boolean;
      }
      if (v.kind != Kind::boolean) mismatch(f, v);
      return v;
    case FieldType::enumeration:
      if (v.kind != Kind::string ||
          std::find(f.enum_values.begin(), f.enum_values.end(), v.text) == f.enum_values.end())
        throw EvalError(fmt::format("{} is not one of {}", describe(v), fmt::join(f.enum_values, ", ")));
      return v;
    case FieldType::currency:
      if (v.kind != Kind::string) mismatch(f, v);
      if (!Currency::is_known(trim(v.text))) throw EvalError(fmt::format("unknown currency '{}'", v.text));
      v.text = std::string(trim(v.text));
      return v;
    case FieldType::decimal: {
      if (v.kind != Kind::string && v.kind != Kind::number) mismatch(f, v);
      auto plain = plain_decimal(trim(v.text));
      if (!plain) throw EvalError(fmt::format("'{}' is not a decimal number", v.text));
      v.text = std::move(*plain), v.kind = Kind::string;
      return v;
    }
  }
  return v;
}

const char* to_string(FieldType type) {
  switch (type) {
    case FieldType::string: return "text";
    case FieldType::money: return "money";
    case FieldType::date: return "date";
    case FieldType::datetime: return "date-time";
    case FieldType::boolean: return "boolean";
    case FieldType::enumeration: return "enum";
    case FieldType::reference: return "reference";
    case FieldType::currency: return "currency";
    case FieldType::decimal: return "decimal";
  }
  return "text";
}

}  // namespace o2c::mapping
