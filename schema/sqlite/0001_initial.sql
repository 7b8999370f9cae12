-- 0001_initial (SQLite) - the first o2csync schema. schema/postgresql/0001_initial.sql
-- holds the same tables and columns; only the types differ.
--
-- Conventions
--   Synced records are keyed by (source, object, external_id): the configured
--   source name ("salesforce", "erp"), the source object ("Order",
--   "transaction") and the record's id in that system. Upserts replace the
--   whole row: the latest version read wins.
--   Money: <name>_minor INTEGER (integer minor units: cents, yen, fils) with an
--   ISO 4217 currency code of 3 letters. Never REAL.
--   Business dates: TEXT 'YYYY-MM-DD' (DATE in PostgreSQL).
--   Instants: *_ms INTEGER, milliseconds since 1970-01-01T00:00:00Z (UTC).
--   Flags: INTEGER 0/1. Text that means "none" is '' (as in schema/model.h);
--   optional values are NULL.
--   deleted = 1: deleted or voided in the source; the row is kept, not forgotten.
--   synced_at_ms: when o2csync last wrote the row.
--   Tables are STRICT: a value of the wrong type is refused, not converted.
--   CHECKs spell lists as (x = 'a' OR x = 'b' OR ...), not IN ('a', 'b', ...):
--   SQLite builds a temporary index for every row it checks against an IN list
--   of three values or more, which made upserts four times slower.
--
-- Tables
--   customers      CRM accounts and ERP customers: parent_id (same source),
--                  crm_account_id links an ERP customer to its CRM account
--   orders         signed sales orders; order_lines their lines
--   invoices       invoices and credit notes (amount negative), open amount;
--                  invoice_lines their lines (no canonical type writes them yet)
--   payments       customer payments
--   invalid_records  records that are DATA_INVALID now, by key: field, reason,
--                  excerpt, first/last seen. The canonical row with the same key
--                  (its last good version) is kept untouched but hidden from reads.
--   sync_cursors   (source, object) of a configured stream -> opaque cursor text
--   sync_runs      one row per sync of one stream: status running|ok|failed, counts
--   exceptions     reconciliation exceptions by stable id (hash of kind + keys):
--                  keys, display fields, amount at stake, evidence (JSON array of
--                  {"name", "value"}), lifecycle open|acknowledged|resolved
-- schema_migrations(version, name, applied_at_ms) is created by the migration
-- runner (store/migrations.cpp), which runs each file in its own transaction:
-- a migration holds no BEGIN/COMMIT.

CREATE TABLE customers (
  source TEXT NOT NULL,
  object TEXT NOT NULL,
  external_id TEXT NOT NULL,
  modified_ms INTEGER NOT NULL,
  deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),
  synced_at_ms INTEGER NOT NULL,
  name TEXT NOT NULL,
  number TEXT NOT NULL,
  parent_id TEXT NOT NULL,
  country TEXT NOT NULL,
  currency TEXT CHECK (length(currency) = 3),
  requires_po INTEGER NOT NULL CHECK (requires_po IN (0, 1)),
  crm_account_id TEXT NOT NULL,
  PRIMARY KEY (source, object, external_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE orders (
  source TEXT NOT NULL,
  object TEXT NOT NULL,
  external_id TEXT NOT NULL,
  modified_ms INTEGER NOT NULL,
  deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),
  synced_at_ms INTEGER NOT NULL,
  number TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  po_number TEXT NOT NULL,
  amount_minor INTEGER NOT NULL,
  currency TEXT NOT NULL CHECK (length(currency) = 3),
  kind TEXT NOT NULL CHECK (kind = 'new_business' OR kind = 'renewal' OR kind = 'other'),
  is_signed INTEGER NOT NULL CHECK (is_signed IN (0, 1)),
  effective_date TEXT,
  end_date TEXT,
  signed_at_ms INTEGER,
  PRIMARY KEY (source, object, external_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE order_lines (
  source TEXT NOT NULL,
  object TEXT NOT NULL,
  external_id TEXT NOT NULL,
  modified_ms INTEGER NOT NULL,
  deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),
  synced_at_ms INTEGER NOT NULL,
  order_id TEXT NOT NULL,
  description TEXT NOT NULL,
  quantity TEXT NOT NULL,
  unit_price_minor INTEGER NOT NULL,
  unit_price_currency TEXT NOT NULL CHECK (length(unit_price_currency) = 3),
  amount_minor INTEGER NOT NULL,
  currency TEXT NOT NULL CHECK (length(currency) = 3),
  PRIMARY KEY (source, object, external_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE invoice_lines (
  source TEXT NOT NULL,
  object TEXT NOT NULL,
  external_id TEXT NOT NULL,
  modified_ms INTEGER NOT NULL,
  deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),
  synced_at_ms INTEGER NOT NULL,
  invoice_id TEXT NOT NULL,
  description TEXT NOT NULL,
  quantity TEXT NOT NULL,
  unit_price_minor INTEGER NOT NULL,
  unit_price_currency TEXT NOT NULL CHECK (length(unit_price_currency) = 3),
  amount_minor INTEGER NOT NULL,
  currency TEXT NOT NULL CHECK (length(currency) = 3),
  PRIMARY KEY (source, object, external_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE invoices (
  source TEXT NOT NULL,
  object TEXT NOT NULL,
  external_id TEXT NOT NULL,
  modified_ms INTEGER NOT NULL,
  deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),
  synced_at_ms INTEGER NOT NULL,
  number TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
  customer_id TEXT NOT NULL,
  crm_account_id TEXT NOT NULL,
  order_ref TEXT NOT NULL,
  po_number TEXT NOT NULL,
  amount_minor INTEGER NOT NULL,
  currency TEXT NOT NULL CHECK (length(currency) = 3),
  open_amount_minor INTEGER,
  open_amount_currency TEXT CHECK (length(open_amount_currency) = 3),
  issue_date TEXT,
  due_date TEXT,
  PRIMARY KEY (source, object, external_id),
  CHECK ((open_amount_minor IS NULL) = (open_amount_currency IS NULL))
) STRICT, WITHOUT ROWID;

CREATE TABLE payments (
  source TEXT NOT NULL,
  object TEXT NOT NULL,
  external_id TEXT NOT NULL,
  modified_ms INTEGER NOT NULL,
  deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),
  synced_at_ms INTEGER NOT NULL,
  number TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  amount_minor INTEGER NOT NULL,
  currency TEXT NOT NULL CHECK (length(currency) = 3),
  received_date TEXT,
  reference TEXT NOT NULL,
  PRIMARY KEY (source, object, external_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE invalid_records (
  source TEXT NOT NULL,
  object TEXT NOT NULL,
  external_id TEXT NOT NULL,
  field TEXT NOT NULL,
  reason TEXT NOT NULL,
  excerpt TEXT NOT NULL,
  first_seen_ms INTEGER NOT NULL,
  last_seen_ms INTEGER NOT NULL,
  PRIMARY KEY (source, object, external_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE sync_cursors (
  source TEXT NOT NULL,
  object TEXT NOT NULL,
  cursor_text TEXT NOT NULL,
  updated_at_ms INTEGER NOT NULL,
  PRIMARY KEY (source, object)
) STRICT, WITHOUT ROWID;

CREATE TABLE sync_runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  source TEXT NOT NULL,
  object TEXT NOT NULL,
  started_ms INTEGER NOT NULL,
  finished_ms INTEGER,
  status TEXT NOT NULL CHECK (status = 'running' OR status = 'ok' OR status = 'failed'),
  pages INTEGER NOT NULL DEFAULT 0,
  records INTEGER NOT NULL DEFAULT 0,
  invalid INTEGER NOT NULL DEFAULT 0,
  api_calls INTEGER NOT NULL DEFAULT 0,
  error TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX sync_runs_by_stream ON sync_runs (source, object, id);

CREATE TABLE exceptions (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  rule TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  order_id TEXT NOT NULL,
  invoice_id TEXT NOT NULL,
  payment_id TEXT NOT NULL,
  record_key TEXT NOT NULL,
  customer_name TEXT NOT NULL,
  order_number TEXT NOT NULL,
  invoice_number TEXT NOT NULL,
  po_number TEXT NOT NULL,
  amount_minor INTEGER,
  amount_currency TEXT CHECK (length(amount_currency) = 3),
  reference_date TEXT,
  evidence TEXT NOT NULL CHECK (json_valid(evidence)),
  state TEXT NOT NULL CHECK (state = 'open' OR state = 'acknowledged' OR state = 'resolved'),
  first_seen_ms INTEGER NOT NULL,
  last_seen_ms INTEGER NOT NULL,
  resolved_at_ms INTEGER,
  note TEXT NOT NULL DEFAULT '',
  acknowledged_at_ms INTEGER,
  CHECK ((amount_minor IS NULL) = (amount_currency IS NULL))
) STRICT;

CREATE INDEX exceptions_by_state ON exceptions (state, kind);
