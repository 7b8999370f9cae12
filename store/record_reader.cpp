#include "store/record_reader.h"

#include <fmt/format.h>

#include "store/select_query.h"
#include "store/sql_values.h"

namespace o2c::store {

namespace {

using Query = SelectQuery;

struct MetaColumns {
  std::string source, object, external_id;
  long long modified_ms = 0;
  int deleted = 0;
  void bind(Query& q) { q.into(source).into(object).into(external_id).into(modified_ms).into(deleted); }
  schema::RecordMeta meta() const { return {source, object, external_id, from_ms(modified_ms), deleted != 0}; }
};

struct OptionalText {
  std::string value;
  soci::indicator indicator = soci::i_null;
  bool present() const { return indicator == soci::i_ok; }
  std::optional<Date> date() const {
    return present() ? std::optional<Date>(date_from_column(value)) : std::nullopt;
  }
};

struct OptionalInteger {
  long long value = 0;
  soci::indicator indicator = soci::i_null;
  bool present() const { return indicator == soci::i_ok; }
};

// SELECT meta columns + `columns` FROM `table`, valid records only, in key order.
std::string select_records(std::string_view table, std::string_view columns) {
  return fmt::format(
      "SELECT r.source, r.object, r.external_id, r.modified_ms, r.deleted, {} FROM {} r "
      "WHERE NOT EXISTS (SELECT 1 FROM invalid_records i "
      "WHERE i.source = r.source AND i.object = r.object AND i.external_id = r.external_id) "
      "ORDER BY r.source, r.object, r.external_id",
      columns, table);
}

}  // namespace

std::vector<schema::Customer> read_customers(Connection& connection) {
  Query q(connection);
  MetaColumns m;
  std::string name, number, parent_id, country, crm_account_id, vat_id, street, city, postal_code;
  OptionalText currency;
  int requires_po = 0;
  m.bind(q);
  q.into(name).into(number).into(parent_id).into(country).into(currency.value, currency.indicator);
  q.into(requires_po).into(crm_account_id).into(vat_id).into(street).into(city).into(postal_code);
  q.run(select_records("customers", "name, number, parent_id, country, currency, requires_po, crm_account_id, "
                                    "vat_id, street, city, postal_code"));
  std::vector<schema::Customer> out;
  while (q.next()) {
    out.push_back({m.meta(), name, number, parent_id, country,
                   currency.present() ? std::optional<Currency>(currency_from_column(currency.value)) : std::nullopt,
                   requires_po != 0, crm_account_id, vat_id, street, city, postal_code});
  }
  return out;
}

std::vector<schema::Order> read_orders(Connection& connection) {
  Query q(connection);
  MetaColumns m;
  std::string number, customer_id, po_number, currency, kind;
  long long amount = 0;
  int is_signed = 0;
  OptionalText effective, end;
  OptionalInteger signed_at;
  m.bind(q);
  q.into(number).into(customer_id).into(po_number).into(amount).into(currency).into(kind).into(is_signed);
  q.into(effective.value, effective.indicator).into(end.value, end.indicator).into(signed_at.value, signed_at.indicator);
  q.run(select_records("orders", "number, customer_id, po_number, amount_minor, currency, kind, is_signed, "
                                 "effective_date, end_date, signed_at_ms"));
  std::vector<schema::Order> out;
  while (q.next()) {
    out.push_back({m.meta(), number, customer_id, po_number, Money(amount, currency_from_column(currency)),
                   order_kind_from_column(kind), is_signed != 0, effective.date(), end.date(),
                   signed_at.present() ? std::optional<Timestamp>(from_ms(signed_at.value)) : std::nullopt});
  }
  return out;
}

std::vector<schema::OrderLine> read_order_lines(Connection& connection) {
  Query q(connection);
  MetaColumns m;
  std::string order_id, description, quantity, unit_price_currency, currency;
  long long unit_price = 0, amount = 0;
  m.bind(q);
  q.into(order_id).into(description).into(quantity).into(unit_price).into(unit_price_currency).into(amount).into(currency);
  q.run(select_records("order_lines", "order_id, description, quantity, unit_price_minor, unit_price_currency, "
                                      "amount_minor, currency"));
  std::vector<schema::OrderLine> out;
  while (q.next()) {
    out.push_back({m.meta(), order_id, description, quantity, Money(unit_price, currency_from_column(unit_price_currency)),
                   Money(amount, currency_from_column(currency))});
  }
  return out;
}

std::vector<schema::Invoice> read_invoices(Connection& connection) {
  Query q(connection);
  MetaColumns m;
  std::string number, kind, customer_id, crm_account_id, order_ref, po_number, currency;
  long long amount = 0;
  OptionalInteger open_amount, tax_amount;
  OptionalText open_currency, issue, due;
  m.bind(q);
  q.into(number).into(kind).into(customer_id).into(crm_account_id).into(order_ref).into(po_number);
  q.into(amount).into(currency).into(open_amount.value, open_amount.indicator);
  q.into(open_currency.value, open_currency.indicator).into(issue.value, issue.indicator).into(due.value, due.indicator);
  q.into(tax_amount.value, tax_amount.indicator);
  q.run(select_records("invoices", "number, kind, customer_id, crm_account_id, order_ref, po_number, amount_minor, "
                                   "currency, open_amount_minor, open_amount_currency, issue_date, due_date, "
                                   "tax_amount_minor"));
  std::vector<schema::Invoice> out;
  while (q.next()) {
    const Currency in = currency_from_column(currency);
    std::optional<Money> open, tax;
    if (open_amount.present()) open = Money(open_amount.value, currency_from_column(open_currency.value));
    if (tax_amount.present()) tax = Money(tax_amount.value, in);
    out.push_back({m.meta(), number, invoice_kind_from_column(kind), customer_id, crm_account_id, order_ref, po_number,
                   Money(amount, in), open, issue.date(), due.date(), tax});
  }
  return out;
}

std::vector<schema::InvoiceLine> read_invoice_lines(Connection& connection) {
  Query q(connection);
  MetaColumns m;
  std::string invoice_id, line_number, description, quantity, unit_code, unit_price, currency, tax_category, tax_rate;
  long long amount = 0;
  OptionalInteger tax_amount;
  m.bind(q);
  q.into(invoice_id).into(line_number).into(description).into(quantity).into(unit_code).into(unit_price);
  q.into(amount).into(currency).into(tax_category).into(tax_rate).into(tax_amount.value, tax_amount.indicator);
  q.run(select_records("invoice_lines", "invoice_id, line_number, description, quantity, unit_code, unit_price, "
                                        "amount_minor, currency, tax_category, tax_rate, tax_amount_minor"));
  std::vector<schema::InvoiceLine> out;
  while (q.next()) {
    const Currency in = currency_from_column(currency);
    out.push_back({m.meta(), invoice_id, line_number, description, quantity, unit_code, unit_price, Money(amount, in),
                   tax_category, tax_rate,
                   tax_amount.present() ? std::optional<Money>(Money(tax_amount.value, in)) : std::nullopt});
  }
  return out;
}

std::vector<schema::Payment> read_payments(Connection& connection) {
  Query q(connection);
  MetaColumns m;
  std::string number, customer_id, currency, reference;
  long long amount = 0;
  OptionalText received;
  m.bind(q);
  q.into(number).into(customer_id).into(amount).into(currency).into(received.value, received.indicator).into(reference);
  q.run(select_records("payments", "number, customer_id, amount_minor, currency, received_date, reference"));
  std::vector<schema::Payment> out;
  while (q.next()) {
    out.push_back({m.meta(), number, customer_id, Money(amount, currency_from_column(currency)), received.date(),
                   reference});
  }
  return out;
}

std::vector<schema::InvalidRecord> read_invalid_records(Connection& connection) {
  Query q(connection);
  schema::InvalidRecord r;
  q.into(r.source).into(r.object).into(r.external_id).into(r.field).into(r.reason).into(r.excerpt);
  q.run("SELECT source, object, external_id, field, reason, excerpt FROM invalid_records "
        "ORDER BY source, object, external_id");
  std::vector<schema::InvalidRecord> out;
  while (q.next()) out.push_back(r);
  return out;
}

}  // namespace o2c::store
