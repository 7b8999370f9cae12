#include "store/record_writer.h"

#include <set>
#include <utility>

#include "store/bulk_statement.h"
#include "store/sql_values.h"

namespace o2c::store {

namespace {

constexpr ColumnType T = ColumnType::text;
constexpr ColumnType I = ColumnType::integer;
Column date_column(std::string name) { return {std::move(name), T, "date[]"}; }

const std::vector<std::string> kKey = {"source", "object", "external_id"};

// Columns of a record table: the meta columns, then the record's own.
std::vector<Column> record_columns(std::vector<Column> own) {
  std::vector<Column> all = {{"source", T},      {"object", T},  {"external_id", T},
                             {"modified_ms", I}, {"deleted", I}, {"synced_at_ms", I}};
  all.insert(all.end(), own.begin(), own.end());
  return all;
}

const std::vector<Column> kCustomerColumns =
    record_columns({{"name", T}, {"number", T}, {"parent_id", T}, {"country", T}, {"currency", T}, {"requires_po", I},
                    {"crm_account_id", T}, {"vat_id", T}, {"street", T}, {"city", T}, {"postal_code", T}});
const std::vector<Column> kOrderColumns = record_columns(
    {{"number", T}, {"customer_id", T}, {"po_number", T}, {"amount_minor", I}, {"currency", T}, {"kind", T},
     {"is_signed", I}, date_column("effective_date"), date_column("end_date"), {"signed_at_ms", I}});
const std::vector<Column> kOrderLineColumns =
    record_columns({{"order_id", T}, {"description", T}, {"quantity", T}, {"unit_price_minor", I},
                    {"unit_price_currency", T}, {"amount_minor", I}, {"currency", T}});
const std::vector<Column> kInvoiceColumns = record_columns(
    {{"number", T}, {"kind", T}, {"customer_id", T}, {"crm_account_id", T}, {"order_ref", T}, {"po_number", T},
     {"amount_minor", I}, {"currency", T}, {"open_amount_minor", I}, {"open_amount_currency", T}, date_column("issue_date"),
     date_column("due_date"), {"tax_amount_minor", I}});
const std::vector<Column> kInvoiceLineColumns = record_columns(
    {{"invoice_id", T}, {"line_number", T}, {"description", T}, {"quantity", T}, {"unit_code", T}, {"unit_price", T},
     {"amount_minor", I}, {"currency", T}, {"tax_category", T}, {"tax_rate", T}, {"tax_amount_minor", I}});
const std::vector<Column> kPaymentColumns = record_columns(
    {{"number", T}, {"customer_id", T}, {"amount_minor", I}, {"currency", T}, date_column("received_date"), {"reference", T}});
const std::vector<Column> kInvalidColumns = {{"source", T}, {"object", T}, {"external_id", T},   {"field", T},
                                             {"reason", T}, {"excerpt", T}, {"first_seen_ms", I}, {"last_seen_ms", I}};
const std::vector<Column> kKeyColumns = {{"source", T}, {"object", T}, {"external_id", T}};

std::optional<std::string> column(const std::optional<Date>& d) {
  return d ? std::optional<std::string>(to_column(*d)) : std::nullopt;
}
std::optional<long long> column(const std::optional<Timestamp>& t) {
  return t ? std::optional<long long>(to_ms(*t)) : std::nullopt;
}

using Row = BulkStatement::Row;

void append(Row& row, const schema::Customer& c) {
  row.text(c.name).text(c.number).text(c.parent_id).text(c.country);
  row.optional_text(c.currency ? std::optional<std::string>(to_column(*c.currency)) : std::nullopt);
  row.flag(c.requires_po).text(c.crm_account_id).text(c.vat_id).text(c.street).text(c.city).text(c.postal_code);
}

std::optional<long long> minor_of(const std::optional<Money>& m) {
  return m ? std::optional<long long>(m->minor()) : std::nullopt;
}

void append(Row& row, const schema::Order& o) {
  row.text(o.number).text(o.customer_id).text(o.po_number).integer(o.amount.minor()).text(to_column(o.amount.currency()));
  row.text(to_column(o.kind)).flag(o.is_signed).optional_text(column(o.effective_date)).optional_text(column(o.end_date));
  row.optional_integer(column(o.signed_at));
}

void append(Row& row, const schema::OrderLine& l) {
  row.text(l.order_id).text(l.description).text(l.quantity);
  row.integer(l.unit_price.minor()).text(to_column(l.unit_price.currency()));
  row.integer(l.amount.minor()).text(to_column(l.amount.currency()));
}

void append(Row& row, const schema::Invoice& i) {
  row.text(i.number).text(to_column(i.kind)).text(i.customer_id).text(i.crm_account_id).text(i.order_ref);
  row.text(i.po_number).integer(i.amount.minor()).text(to_column(i.amount.currency()));
  row.optional_integer(i.open_amount ? std::optional<long long>(i.open_amount->minor()) : std::nullopt);
  row.optional_text(i.open_amount ? std::optional<std::string>(to_column(i.open_amount->currency())) : std::nullopt);
  row.optional_text(column(i.issue_date)).optional_text(column(i.due_date));
  row.optional_integer(minor_of(i.tax_amount));
}

void append(Row& row, const schema::InvoiceLine& l) {
  row.text(l.invoice_id).text(l.line_number).text(l.description).text(l.quantity).text(l.unit_code).text(l.unit_price);
  row.integer(l.amount.minor()).text(to_column(l.amount.currency())).text(l.tax_category).text(l.tax_rate);
  row.optional_integer(minor_of(l.tax_amount));
}

void append(Row& row, const schema::Payment& p) {
  row.text(p.number).text(p.customer_id).integer(p.amount.minor()).text(to_column(p.amount.currency()));
  row.optional_text(column(p.received_date)).text(p.reference);
}

schema::InvalidRecord unstorable(const schema::RecordMeta& meta, const char* column) {
  return {meta.source, meta.object, meta.external_id, column,
          "text holds a NUL character, which the database cannot store", ""};
}

}  // namespace

struct RecordWriter::Tables {
  std::unique_ptr<BulkStatement> customers = BulkStatement::upsert("customers", kCustomerColumns, kKey);
  std::unique_ptr<BulkStatement> orders = BulkStatement::upsert("orders", kOrderColumns, kKey);
  std::unique_ptr<BulkStatement> order_lines = BulkStatement::upsert("order_lines", kOrderLineColumns, kKey);
  std::unique_ptr<BulkStatement> invoices = BulkStatement::upsert("invoices", kInvoiceColumns, kKey);
  std::unique_ptr<BulkStatement> payments = BulkStatement::upsert("payments", kPaymentColumns, kKey);
  std::unique_ptr<BulkStatement> invoice_lines = BulkStatement::upsert("invoice_lines", kInvoiceLineColumns, kKey);
  // A record invalid again keeps the first_seen of its entry.
  std::unique_ptr<BulkStatement> invalid =
      BulkStatement::upsert("invalid_records", kInvalidColumns, kKey, {"first_seen_ms"});
  std::unique_ptr<BulkStatement> valid_again = BulkStatement::delete_by_key("invalid_records", kKeyColumns);

  BulkStatement& table_of(const schema::CanonicalRecord& record) {
    switch (schema::target_of(record)) {
      case schema::TargetKind::customer: return *customers;
      case schema::TargetKind::order: return *orders;
      case schema::TargetKind::order_line: return *order_lines;
      case schema::TargetKind::invoice: return *invoices;
      case schema::TargetKind::payment: return *payments;
      case schema::TargetKind::invoice_line: return *invoice_lines;
    }
    return *customers;
  }

  std::vector<BulkStatement*> record_tables() {
    return {customers.get(), orders.get(), order_lines.get(), invoices.get(), payments.get(), invoice_lines.get()};
  }

  void clear() {
    for (BulkStatement* t : record_tables()) t->clear();
    invalid->clear();
    valid_again->clear();
  }
};

RecordWriter::RecordWriter(Connection& connection) : connection_(connection), tables_(std::make_unique<Tables>()) {}

RecordWriter::~RecordWriter() = default;

namespace {

// Whether any of these (source, object) pairs has invalid_records entries.
bool has_invalid_entries(Connection& connection, const std::set<std::pair<std::string, std::string>>& sources_objects) {
  for (const auto& [source, object] : sources_objects) {
    long long n = 0;
    connection.sql() << "SELECT COUNT(*) FROM invalid_records WHERE source = :source AND object = :object",
        soci::use(source, "source"), soci::use(object, "object"), soci::into(n);
    if (n > 0) return true;
  }
  return false;
}

}  // namespace

std::size_t RecordWriter::write(std::span<const schema::CanonicalRecord> records,
                                std::span<const schema::InvalidRecord> invalid, Timestamp now) {
  Tables& t = *tables_;
  t.clear();
  const long long now_ms = to_ms(now);
  std::vector<schema::InvalidRecord> unstorable_records;
  std::vector<const schema::RecordMeta*> stored;
  std::set<std::pair<std::string, std::string>> sources_objects;
  for (const auto& record : records) {
    const schema::RecordMeta& meta = schema::meta_of(record);
    Row row = t.table_of(record).add_row();
    row.text(meta.source).text(meta.object).text(meta.external_id);
    row.integer(to_ms(meta.modified)).flag(meta.deleted).integer(now_ms);
    std::visit([&row](const auto& r) { append(row, r); }, record);
    if (const char* column = row.nul_column()) {
      row.discard();
      unstorable_records.push_back(unstorable(meta, column));
      continue;
    }
    row.end();
    const bool same_stream = !stored.empty() && stored.back()->source == meta.source && stored.back()->object == meta.object;
    if (!same_stream) sources_objects.emplace(meta.source, meta.object);
    stored.push_back(&meta);
  }
  for (BulkStatement* table : t.record_tables()) table->execute(connection_);

  if (has_invalid_entries(connection_, sources_objects)) {
    for (const auto* meta : stored) t.valid_again->add_row().text(meta->source).text(meta->object).text(meta->external_id).end();
    t.valid_again->execute(connection_);
  }

  auto add_invalid = [&](const schema::InvalidRecord& r) {
    t.invalid->add_row()
        .text(storable_text(r.source))
        .text(storable_text(r.object))
        .text(storable_text(r.external_id))
        .text(storable_text(r.field))
        .text(storable_text(r.reason))
        .text(storable_text(r.excerpt))
        .integer(now_ms)
        .integer(now_ms)
        .end();
  };
  for (const auto& r : invalid) add_invalid(r);
  for (const auto& r : unstorable_records) add_invalid(r);
  t.invalid->execute(connection_);
  return unstorable_records.size();
}

}  // namespace o2c::store
