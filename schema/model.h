// schema/model.h — canonical business records, the output of mapping/.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/money.h"
#include "core/time.h"

namespace o2c::schema {

// Identity and bookkeeping shared by every canonical record.
struct RecordMeta {
  std::string source;       // configured source name, e.g. "salesforce", "erp"
  std::string object;       // source object, e.g. "Order", "transaction"
  std::string external_id;  // id in the source system
  Timestamp modified{};     // source modification time
  bool deleted = false;     // deleted / voided in the source (kept, not forgotten)
  bool operator==(const RecordMeta&) const = default;
};

// A customer as either system knows it. CRM accounts and ERP customers are
// separate rows; `crm_account_id` on an ERP customer links the two.
struct Customer {
  RecordMeta meta;
  std::string name;
  std::string number;                    // account / entity number
  std::string parent_id;                 // external id of the parent customer in the same source, or ""
  std::string country;                   // ISO 3166 alpha-2, or ""
  std::optional<Currency> currency;
  bool requires_po = false;              // the customer's AP rejects invoices without a PO
  std::string crm_account_id;            // ERP customers: the CRM account they are; CRM accounts: own id
  // Billing identity, for e-invoices (einvoice/): "" when the source has none.
  std::string vat_id;                    // with its country prefix: "FR96552100554"
  std::string street;
  std::string city;
  std::string postal_code;
  bool operator==(const Customer&) const = default;
};

enum class OrderKind { new_business, renewal, other };

struct Order {
  RecordMeta meta;
  std::string number;                    // OrderNumber
  std::string customer_id;               // CRM account external id
  std::string po_number;                 // "" when none
  Money amount;                          // total, in the order currency
  OrderKind kind = OrderKind::other;
  bool is_signed = false;                // activated / signed (only signed orders must be invoiced)
  std::optional<Date> effective_date;    // start of service
  std::optional<Date> end_date;          // end of subscription term, if any
  std::optional<Timestamp> signed_at;
  bool operator==(const Order&) const = default;
};

struct OrderLine {
  RecordMeta meta;
  std::string order_id;
  std::string description;
  std::string quantity;                  // exact decimal text
  Money unit_price;
  Money amount;
  bool operator==(const OrderLine&) const = default;
};

enum class InvoiceKind { invoice, credit_note };

struct Invoice {
  RecordMeta meta;
  std::string number;                    // document number (tranid)
  InvoiceKind kind = InvoiceKind::invoice;
  std::string customer_id;               // ERP customer external id
  std::string crm_account_id;            // CRM account of that customer, when the mapping provides it
  std::string order_ref;                 // CRM order external id the invoice bills, or ""
  std::string po_number;                 // "" when none
  Money amount;                          // document total, VAT included; credit notes negative
  std::optional<Money> open_amount;      // amount remaining, when known
  std::optional<Date> issue_date;
  std::optional<Date> due_date;
  // The VAT in `amount`, when the source says (same sign as amount). What an
  // order is compared with is the amount before VAT: net_amount().
  std::optional<Money> tax_amount;
  bool operator==(const Invoice&) const = default;
  Money net_amount() const { return tax_amount ? amount - *tax_amount : amount; }
};

// One line of an invoice or credit note as the ERP holds it: what an
// e-invoice (einvoice/) is made of.
struct InvoiceLine {
  RecordMeta meta;
  std::string invoice_id;                // external id of its invoice, in the same source
  std::string line_number;               // "1", "10": unique within the invoice
  std::string description;
  std::string quantity;                  // exact decimal text ("1", "2.5"); "" = 1
  std::string unit_code;                 // UN/ECE Rec 20 ("C62" one, "HUR" hour, "MON" month); "" = C62
  std::string unit_price;                // exact decimal text, may carry more decimals than the currency
  Money amount;                          // line amount before VAT; credit notes negative, as their invoice
  std::string tax_category;              // UNCL 5305: S, Z, E, AE, K, G, O; "" = unknown
  std::string tax_rate;                  // percent, decimal text ("20", "5.5", "0"); "" = unknown
  std::optional<Money> tax_amount;       // the line's VAT, when the source says
  bool operator==(const InvoiceLine&) const = default;
};

struct Payment {
  RecordMeta meta;
  std::string number;
  std::string customer_id;               // ERP customer external id
  Money amount;
  std::optional<Date> received_date;
  std::string reference;                 // remittance text / memo
  bool operator==(const Payment&) const = default;
};

// The alternatives are in TargetKind order: target_of() is the index.
using CanonicalRecord = std::variant<Customer, Order, OrderLine, Invoice, Payment, InvoiceLine>;

enum class TargetKind { customer, order, order_line, invoice, payment, invoice_line };
const char* to_string(TargetKind kind);               // "customer", "order", "order_line", "invoice_line", ...
std::optional<TargetKind> parse_target_kind(std::string_view text);
const RecordMeta& meta_of(const CanonicalRecord& record);
TargetKind target_of(const CanonicalRecord& record);

// A record that could not be parsed or mapped: becomes DATA_INVALID.
struct InvalidRecord {
  std::string source;
  std::string object;
  std::string external_id;   // may be "" when even the id could not be read
  std::string field;         // canonical or source field at fault, or ""
  std::string reason;        // human message
  std::string excerpt;       // first bytes of the raw record, secrets never included
  bool operator==(const InvalidRecord&) const = default;
};

}  // namespace o2c::schema
