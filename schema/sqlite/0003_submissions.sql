-- 0003_submissions (sqlite) - the outbox of portal submissions (DESIGN.md
-- "Exactly-once push"; schema/submission.h). The other backend's file holds
-- the same tables and columns.
--
--   submissions        one row per (invoice, portal): the primary key makes a
--                      second submission of an invoice to a portal impossible.
--                      state held|pending|sending|submitted|accepted|rejected|paid;
--                      idempotency_key and payload are stored before the first
--                      attempt and sent unchanged on every retry (unique per
--                      portal once set). Amount and issue date are copies for
--                      the report. Instants *_ms as everywhere.
--   submission_events  what happened to each submission, in order: the audit
--                      trail (created, held, sending, submitted, unknown,
--                      lookup, accepted, rejected, paid, retry).

CREATE TABLE submissions (
  invoice_source TEXT NOT NULL,
  invoice_object TEXT NOT NULL,
  invoice_id TEXT NOT NULL,
  portal TEXT NOT NULL,
  invoice_number TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state = 'held' OR state = 'pending' OR state = 'sending' OR state = 'submitted'
                             OR state = 'accepted' OR state = 'rejected' OR state = 'paid'),
  idempotency_key TEXT NOT NULL,
  payload_format TEXT NOT NULL,
  payload_content_type TEXT NOT NULL,
  payload_file_name TEXT NOT NULL,
  payload TEXT NOT NULL,
  portal_ref TEXT NOT NULL,
  portal_status TEXT NOT NULL,
  reason TEXT NOT NULL,
  rule TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  amount_minor INTEGER,
  currency TEXT,
  issue_date TEXT,
  created_ms INTEGER NOT NULL,
  updated_ms INTEGER NOT NULL,
  first_sent_ms INTEGER,
  next_attempt_ms INTEGER,
  PRIMARY KEY (invoice_source, invoice_object, invoice_id, portal),
  CHECK ((amount_minor IS NULL) = (currency IS NULL))
) STRICT, WITHOUT ROWID;
CREATE INDEX submissions_state ON submissions (state, portal);
CREATE UNIQUE INDEX submissions_idempotency_key ON submissions (portal, idempotency_key) WHERE idempotency_key <> '';

CREATE TABLE submission_events (
  id INTEGER PRIMARY KEY,
  invoice_source TEXT NOT NULL,
  invoice_object TEXT NOT NULL,
  invoice_id TEXT NOT NULL,
  portal TEXT NOT NULL,
  at_ms INTEGER NOT NULL,
  event TEXT NOT NULL,
  detail TEXT NOT NULL
) STRICT;
CREATE INDEX submission_events_submission ON submission_events (invoice_source, invoice_object, invoice_id, portal, id);
