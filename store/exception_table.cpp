#include "store/exception_table.h"

#include <map>

#include <fmt/format.h>

#include "core/text.h"
#include "store/bulk_statement.h"
#include "store/select_query.h"
#include "store/sql_values.h"

namespace o2c::store {

namespace {

constexpr ColumnType T = ColumnType::text;
constexpr ColumnType I = ColumnType::integer;

// What a reconciliation pass may change on an exception it sees again.
const std::vector<Column> kRefreshed = {{"rule", T},         {"customer_name", T},  {"order_number", T},
                                        {"invoice_number", T}, {"po_number", T},    {"amount_minor", I},
                                        {"amount_currency", T}, {"reference_date", T}, {"evidence", T}};

std::vector<Column> insert_columns() {
  std::vector<Column> c = {{"id", T},          {"kind", T},       {"customer_id", T}, {"order_id", T},
                           {"invoice_id", T},  {"payment_id", T}, {"record_key", T}};
  c.insert(c.end(), kRefreshed.begin(), kRefreshed.end());
  c.insert(c.end(), {{"state", T}, {"first_seen_ms", I}, {"last_seen_ms", I}});
  return c;
}

std::vector<Column> refresh_columns() {
  std::vector<Column> c = kRefreshed;
  c.insert(c.end(), {{"last_seen_ms", I}, {"state", T}, {"resolved_at_ms", I}, {"id", T}});
  return c;
}

std::string refresh_sql() {
  std::string sets;
  for (const auto& c : refresh_columns())
    if (c.name != "id") sets += fmt::format("{}{} = :{}", sets.empty() ? "" : ", ", c.name, c.name);
  return fmt::format("UPDATE exceptions SET {} WHERE id = :id", sets);
}

void append_refreshed(BulkStatement::Row& row, const schema::ExceptionItem& item) {
  row.text(item.rule).text(item.customer_name).text(item.order_number).text(item.invoice_number).text(item.po_number);
  row.optional_integer(item.amount ? std::optional<long long>(item.amount->minor()) : std::nullopt);
  row.optional_text(item.amount ? std::optional<std::string>(to_column(item.amount->currency())) : std::nullopt);
  row.optional_text(item.reference_date ? std::optional<std::string>(to_column(*item.reference_date)) : std::nullopt);
  row.text(evidence_to_json(item.evidence));
}

std::map<std::string, std::string> stored_states(Connection& connection) {
  SelectQuery q(connection);
  std::string id, state;
  q.into(id).into(state);
  q.run("SELECT id, state FROM exceptions");
  std::map<std::string, std::string> out;
  while (q.next()) out.emplace(id, state);
  return out;
}

}  // namespace

ExceptionSyncResult sync_exception_table(Connection& connection, std::span<const schema::ExceptionItem> current,
                                         Timestamp now) {
  const long long now_ms = to_ms(now);
  std::map<std::string, const schema::ExceptionItem*> seen;  // one per id; a repeated one counts once
  for (const auto& item : current) seen[item.stable_id()] = &item;
  const auto stored = stored_states(connection);

  const auto insert_cols = insert_columns();
  BulkStatement inserts(insert_sql("exceptions", insert_cols), insert_cols);
  BulkStatement refreshes(refresh_sql(), refresh_columns());
  BulkStatement resolutions("UPDATE exceptions SET state = 'resolved', resolved_at_ms = :resolved_at_ms WHERE id = :id",
                            {{"resolved_at_ms", I}, {"id", T}});
  ExceptionSyncResult result;
  for (const auto& [id, item] : seen) {
    const auto it = stored.find(id);
    if (it == stored.end()) {
      auto row = inserts.add_row();
      row.text(id).text(schema::info(item->kind).name).text(item->customer_id).text(item->order_id);
      row.text(item->invoice_id).text(item->payment_id).text(item->record_key);
      append_refreshed(row, *item);
      row.text("open").integer(now_ms).integer(now_ms).end();
      ++result.opened;
      continue;
    }
    const bool reopened = it->second == "resolved";
    auto row = refreshes.add_row();
    append_refreshed(row, *item);
    row.integer(now_ms).text(reopened ? std::string("open") : it->second).optional_integer(std::nullopt).text(id);
    row.end();
    ++(reopened ? result.opened : result.still_open);
  }
  for (const auto& [id, state] : stored) {
    if (state == "resolved" || seen.contains(id)) continue;
    resolutions.add_row().integer(now_ms).text(id).end();
    ++result.resolved;
  }
  inserts.execute(connection);
  refreshes.execute(connection);
  resolutions.execute(connection);
  return result;
}

std::vector<schema::StoredException> read_exceptions(Connection& connection, const ExceptionFilter& filter) {
  SelectQuery q(connection);
  schema::StoredException e;
  schema::ExceptionItem& i = e.item;
  std::string kind, state, evidence, amount_currency, reference_date;
  long long amount = 0, first_seen = 0, last_seen = 0, resolved_at = 0;
  soci::indicator amount_ind = soci::i_null, currency_ind = soci::i_null, date_ind = soci::i_null,
                  resolved_ind = soci::i_null;
  q.into(e.id).into(kind).into(i.rule).into(i.customer_id).into(i.order_id).into(i.invoice_id).into(i.payment_id);
  q.into(i.record_key).into(i.customer_name).into(i.order_number).into(i.invoice_number).into(i.po_number);
  q.into(amount, amount_ind).into(amount_currency, currency_ind).into(reference_date, date_ind).into(evidence);
  q.into(state).into(first_seen).into(last_seen).into(resolved_at, resolved_ind).into(e.note);
  std::string where;
  const std::string kind_name = filter.kind ? std::string(schema::info(*filter.kind).name) : "";
  const std::string state_name = filter.state ? schema::to_string(*filter.state) : "";
  if (filter.kind) where += " AND kind = :kind", q.use(kind_name, "kind");
  if (filter.state) where += " AND state = :state", q.use(state_name, "state");
  q.run("SELECT id, kind, rule, customer_id, order_id, invoice_id, payment_id, record_key, customer_name, "
        "order_number, invoice_number, po_number, amount_minor, amount_currency, reference_date, evidence, state, "
        "first_seen_ms, last_seen_ms, resolved_at_ms, note FROM exceptions WHERE 1 = 1" +
        where + " ORDER BY kind, id");
  std::vector<schema::StoredException> out;
  while (q.next()) {
    i.kind = exception_kind_from_column(kind);
    i.amount = amount_ind == soci::i_ok ? std::optional<Money>(Money(amount, currency_from_column(amount_currency)))
                                        : std::nullopt;
    i.reference_date = date_ind == soci::i_ok ? std::optional<Date>(date_from_column(reference_date)) : std::nullopt;
    i.evidence = evidence_from_json(evidence);
    e.state = exception_state_from_column(state);
    e.first_seen = from_ms(first_seen);
    e.last_seen = from_ms(last_seen);
    e.resolved_at = resolved_ind == soci::i_ok ? std::optional<Timestamp>(from_ms(resolved_at)) : std::nullopt;
    out.push_back(e);
  }
  return out;
}

namespace {

std::vector<std::string> ids_matching(Connection& connection, const std::string& wanted) {
  SelectQuery exact(connection);
  std::string id;
  exact.into(id).use(wanted, "id");
  exact.run("SELECT id FROM exceptions WHERE id = :id");
  if (exact.next()) return {id};
  if (wanted.size() < kMinIdPrefix)
    fail(Error::Kind::config, "exception id '{}' is too short: give the full id or at least its first {} characters",
         wanted, kMinIdPrefix);
  SelectQuery prefixed(connection);
  const int length = static_cast<int>(wanted.size());
  prefixed.into(id).use(length, "length").use(wanted, "prefix");
  prefixed.run("SELECT id FROM exceptions WHERE substr(id, 1, :length) = :prefix ORDER BY id");
  std::vector<std::string> out;
  while (prefixed.next()) out.push_back(id);
  return out;
}

}  // namespace

bool acknowledge_exception(Connection& connection, const std::string& id_or_prefix, const std::string& note,
                           Timestamp now) {
  const std::string wanted = to_lower_ascii(trim(id_or_prefix));
  const auto ids = ids_matching(connection, wanted);
  if (ids.empty()) return false;
  if (ids.size() > 1) {
    const std::size_t shown = std::min<std::size_t>(ids.size(), 5);
    fail(Error::Kind::config, "exception id '{}' is ambiguous: it starts {} ids ({}{}); give more characters", wanted,
         ids.size(), fmt::join(ids.begin(), ids.begin() + static_cast<long>(shown), ", "),
         ids.size() > shown ? ", ..." : "");
  }
  const std::string stored_note = storable_text(note);
  const long long at = to_ms(now);
  connection.sql() << "UPDATE exceptions SET state = CASE WHEN state = 'resolved' THEN state ELSE 'acknowledged' END, "
                      "note = :note, acknowledged_at_ms = :at WHERE id = :id",
      soci::use(stored_note, "note"), soci::use(at, "at"), soci::use(ids.front(), "id");
  return true;
}

}  // namespace o2c::store
