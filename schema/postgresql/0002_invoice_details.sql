-- 0002_invoice_details (PostgreSQL) - what an e-invoice is made of: the billing
-- identity of customers (VAT id, address), the VAT of invoices, and the
-- invoice lines as the ERP holds them. schema/sqlite/0002_invoice_details.sql
-- holds the same columns.
--
--   customers.vat_id, street, city, postal_code   '' when the source has none
--   invoices.tax_amount_minor   the VAT included in amount_minor (same sign,
--                               same currency), NULL when the source does not say;
--                               reconciliation compares amount - tax with orders
--   invoice_lines   replaced (no version of o2csync wrote it): one row per line,
--                   keyed like every record; invoice_id is the invoice's
--                   external_id in the same source; unit_price and quantity are
--                   exact decimal text; tax_category a UNCL 5305 code or ''.

ALTER TABLE customers ADD COLUMN vat_id TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN street TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN city TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN postal_code TEXT NOT NULL DEFAULT '';

ALTER TABLE invoices ADD COLUMN tax_amount_minor BIGINT;

DROP TABLE invoice_lines;
CREATE TABLE invoice_lines (
  source TEXT NOT NULL,
  object TEXT NOT NULL,
  external_id TEXT NOT NULL,
  modified_ms BIGINT NOT NULL,
  deleted SMALLINT NOT NULL CHECK (deleted IN (0, 1)),
  synced_at_ms BIGINT NOT NULL,
  invoice_id TEXT NOT NULL,
  line_number TEXT NOT NULL,
  description TEXT NOT NULL,
  quantity TEXT NOT NULL,
  unit_code TEXT NOT NULL,
  unit_price TEXT NOT NULL,
  amount_minor BIGINT NOT NULL,
  currency CHAR(3) NOT NULL,
  tax_category TEXT NOT NULL,
  tax_rate TEXT NOT NULL,
  tax_amount_minor BIGINT,
  PRIMARY KEY (source, object, external_id)
);
CREATE INDEX invoice_lines_invoice ON invoice_lines (source, invoice_id);
