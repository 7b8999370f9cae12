// store/submission_table.cpp — reads and writes of the outbox tables.
#include "store/submission_table.h"

#include <fmt/format.h>

#include "store/select_query.h"
#include "store/sql_values.h"

namespace o2c::store {

namespace {

using schema::Submission;

constexpr const char* kColumns =
    "invoice_source, invoice_object, invoice_id, portal, invoice_number, customer_id, state, idempotency_key, "
    "payload_format, payload_content_type, payload_file_name, payload, portal_ref, portal_status, reason, rule, "
    "attempts, amount_minor, currency, issue_date, created_ms, updated_ms, first_sent_ms, next_attempt_ms";

// The values of one row, in kColumns order, as SOCI binds them.
struct Row {
  explicit Row(const Submission& s)
      : s(s),
        state(to_string(s.state)),
        attempts(s.attempts),
        created_ms(to_ms(s.created)),
        updated_ms(to_ms(s.updated)),
        payload(storable_text(s.payload)),
        reason(storable_text(s.reason)) {
    if (s.amount) amount_minor = s.amount->minor(), currency = to_column(s.amount->currency()), money_ind = soci::i_ok;
    if (s.issue_date) issue_date = to_column(*s.issue_date), date_ind = soci::i_ok;
    if (s.first_sent) first_sent_ms = to_ms(*s.first_sent), first_ind = soci::i_ok;
    if (s.next_attempt) next_attempt_ms = to_ms(*s.next_attempt), next_ind = soci::i_ok;
  }
  const Submission& s;
  std::string state;
  long long attempts, created_ms, updated_ms, amount_minor = 0, first_sent_ms = 0, next_attempt_ms = 0;
  std::string payload, reason, currency, issue_date;
  soci::indicator money_ind = soci::i_null, date_ind = soci::i_null, first_ind = soci::i_null, next_ind = soci::i_null;
};

void bind(soci::statement& st, Row& r) {
  const Submission& s = r.s;
  st.exchange(soci::use(s.key.invoice_source, "invoice_source"));
  st.exchange(soci::use(s.key.invoice_object, "invoice_object"));
  st.exchange(soci::use(s.key.invoice_id, "invoice_id"));
  st.exchange(soci::use(s.key.portal, "portal"));
  st.exchange(soci::use(s.invoice_number, "invoice_number"));
  st.exchange(soci::use(s.customer_id, "customer_id"));
  st.exchange(soci::use(r.state, "state"));
  st.exchange(soci::use(s.idempotency_key, "idempotency_key"));
  st.exchange(soci::use(s.payload_format, "payload_format"));
  st.exchange(soci::use(s.payload_content_type, "payload_content_type"));
  st.exchange(soci::use(s.payload_file_name, "payload_file_name"));
  st.exchange(soci::use(r.payload, "payload"));
  st.exchange(soci::use(s.portal_ref, "portal_ref"));
  st.exchange(soci::use(s.portal_status, "portal_status"));
  st.exchange(soci::use(r.reason, "reason"));
  st.exchange(soci::use(s.rule, "rule"));
  st.exchange(soci::use(r.attempts, "attempts"));
  st.exchange(soci::use(r.amount_minor, r.money_ind, "amount_minor"));
  st.exchange(soci::use(r.currency, r.money_ind, "currency"));
  st.exchange(soci::use(r.issue_date, r.date_ind, "issue_date"));
  st.exchange(soci::use(r.created_ms, "created_ms"));
  st.exchange(soci::use(r.updated_ms, "updated_ms"));
  st.exchange(soci::use(r.first_sent_ms, r.first_ind, "first_sent_ms"));
  st.exchange(soci::use(r.next_attempt_ms, r.next_ind, "next_attempt_ms"));
}

// Prepares `sql` with the row (and `extra` uses) bound; executes it; returns the rows affected.
long long run(Connection& connection, const std::string& sql, Row& row, const std::string* expected = nullptr) {
  soci::statement st(connection.sql());
  bind(st, row);
  if (expected) st.exchange(soci::use(*expected, "expected_state"));
  st.alloc();
  st.prepare(sql);
  st.define_and_bind();
  st.execute(true);
  return st.get_affected_rows();
}

std::string placeholders() {
  std::string out;
  for (std::string_view cols = kColumns; !cols.empty();) {
    const auto comma = cols.find(", ");
    const std::string_view name = cols.substr(0, comma);
    out += fmt::format("{}:{}", out.empty() ? "" : ", ", name);
    cols = comma == std::string_view::npos ? std::string_view() : cols.substr(comma + 2);
  }
  return out;
}

}  // namespace

bool insert_submission(Connection& connection, const Submission& s) {
  Row row(s);
  return run(connection,
             fmt::format("INSERT INTO submissions ({}) VALUES ({}) "
                         "ON CONFLICT (invoice_source, invoice_object, invoice_id, portal) DO NOTHING",
                         kColumns, placeholders()),
             row) == 1;
}

bool update_submission(Connection& connection, const Submission& s, schema::SubmissionState expected) {
  Row row(s);
  const std::string expected_state = to_string(expected);
  const std::string sql =
      "UPDATE submissions SET invoice_number = :invoice_number, customer_id = :customer_id, state = :state, "
          "idempotency_key = :idempotency_key, payload_format = :payload_format, "
          "payload_content_type = :payload_content_type, payload_file_name = :payload_file_name, payload = :payload, "
          "portal_ref = :portal_ref, portal_status = :portal_status, reason = :reason, rule = :rule, "
          "attempts = :attempts, amount_minor = :amount_minor, currency = :currency, issue_date = :issue_date, "
          "created_ms = :created_ms, updated_ms = :updated_ms, first_sent_ms = :first_sent_ms, "
          "next_attempt_ms = :next_attempt_ms "
          "WHERE invoice_source = :invoice_source AND invoice_object = :invoice_object AND invoice_id = :invoice_id "
          "AND portal = :portal AND state = :expected_state";
  return run(connection, sql, row, &expected_state) == 1;
}

void add_submission_event(Connection& connection, const schema::SubmissionKey& key, Timestamp at,
                          const std::string& event, const std::string& detail) {
  const long long at_ms = to_ms(at);
  const std::string text = storable_text(detail);
  connection.sql() << "INSERT INTO submission_events (invoice_source, invoice_object, invoice_id, portal, at_ms, "
                      "event, detail) VALUES (:invoice_source, :invoice_object, :invoice_id, :portal, :at_ms, "
                      ":event, :detail)",
      soci::use(key.invoice_source, "invoice_source"), soci::use(key.invoice_object, "invoice_object"),
      soci::use(key.invoice_id, "invoice_id"), soci::use(key.portal, "portal"), soci::use(at_ms, "at_ms"),
      soci::use(event, "event"), soci::use(text, "detail");
}

std::vector<Submission> read_submissions(Connection& connection, const SubmissionFilter& filter) {
  SelectQuery q(connection);
  Submission s;
  std::string state, currency, issue_date;
  long long attempts = 0, amount = 0, created = 0, updated = 0, first = 0, next = 0;
  soci::indicator amount_ind = soci::i_null, currency_ind = soci::i_null, date_ind = soci::i_null,
                  first_ind = soci::i_null, next_ind = soci::i_null;
  q.into(s.key.invoice_source).into(s.key.invoice_object).into(s.key.invoice_id).into(s.key.portal);
  q.into(s.invoice_number).into(s.customer_id).into(state).into(s.idempotency_key).into(s.payload_format);
  q.into(s.payload_content_type).into(s.payload_file_name).into(s.payload).into(s.portal_ref).into(s.portal_status);
  q.into(s.reason).into(s.rule).into(attempts).into(amount, amount_ind).into(currency, currency_ind);
  q.into(issue_date, date_ind).into(created).into(updated).into(first, first_ind).into(next, next_ind);
  std::string where = "WHERE 1 = 1";
  std::string state_name = filter.state ? to_string(*filter.state) : "";
  if (filter.state) where += " AND state = :state", q.use(state_name, "state");
  if (!filter.portal.empty()) where += " AND portal = :portal", q.use(filter.portal, "portal");
  q.run(fmt::format("SELECT {} FROM submissions {} ORDER BY invoice_source, invoice_object, invoice_id, portal",
                    kColumns, where));
  std::vector<Submission> out;
  while (q.next()) {
    const auto parsed = schema::parse_submission_state(state);
    if (!parsed) fail(Error::Kind::store, "submission {} has an unknown state '{}'", s.key.to_text(), state);
    s.state = *parsed;
    s.attempts = static_cast<int>(attempts);
    s.amount = amount_ind == soci::i_ok ? std::optional<Money>(Money(amount, currency_from_column(currency)))
                                        : std::nullopt;
    s.issue_date = date_ind == soci::i_ok ? std::optional<Date>(date_from_column(issue_date)) : std::nullopt;
    s.created = from_ms(created);
    s.updated = from_ms(updated);
    s.first_sent = first_ind == soci::i_ok ? std::optional<Timestamp>(from_ms(first)) : std::nullopt;
    s.next_attempt = next_ind == soci::i_ok ? std::optional<Timestamp>(from_ms(next)) : std::nullopt;
    out.push_back(s);
  }
  return out;
}

std::vector<SubmissionEvent> read_submission_events(Connection& connection, const schema::SubmissionKey& key) {
  SelectQuery q(connection);
  SubmissionEvent e;
  long long at = 0;
  q.into(at).into(e.event).into(e.detail);
  q.use(key.invoice_source, "invoice_source").use(key.invoice_object, "invoice_object");
  q.use(key.invoice_id, "invoice_id").use(key.portal, "portal");
  q.run("SELECT at_ms, event, detail FROM submission_events WHERE invoice_source = :invoice_source AND "
        "invoice_object = :invoice_object AND invoice_id = :invoice_id AND portal = :portal ORDER BY id");
  std::vector<SubmissionEvent> out;
  while (q.next()) {
    e.at = from_ms(at);
    out.push_back(e);
  }
  return out;
}

}  // namespace o2c::store
