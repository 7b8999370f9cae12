// einvoice/einvoice.h
// einvoice — turns one invoice or credit note, as o2csync knows it, into the
// structured documents customers' portals take: UBL 2.1 Invoice / CreditNote
// per Peppol BIS Billing 3.0, UN/CEFACT CII per the Factur-X / ZUGFeRD
// EN 16931 profile, cXML InvoiceDetailRequest (Ariba, Coupa), and the SBDH
// envelope of a Peppol access point. Owns the VAT arithmetic (per-category
// breakdown, rounding) and the business rules a document must pass before it
// may be sent (EN 16931 BR-*, the Peppol rules that matter to us).
// Pure: no I/O, no clock (timestamps come in), no store. Called by daemon/
// (push runs) and connectors/portals/ (each renders its portal's flavour).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/time.h"

namespace o2c::einvoice {

// BT-3: 380 commercial invoice, 381 credit note.
enum class DocumentType { invoice, credit_note };

// BT-118 / BT-151, UNCL 5305 codes.
enum class VatCategory {
  standard,        // S: standard or reduced rate
  zero_rated,      // Z
  exempt,          // E (needs an exemption reason)
  reverse_charge,  // AE: intra-EU B2B services/goods, VAT due by the buyer (needs both VAT ids)
  intra_eu_supply, // K: intra-community supply of goods
  export_,         // G: export outside the EU
  outside_scope,   // O: not subject to VAT (no VAT ids allowed)
};
std::string_view code(VatCategory c);                              // "S", "Z", "E", "AE", "K", "G", "O"
std::optional<VatCategory> parse_vat_category(std::string_view code);  // exact UNCL 5305 code

struct Address {
  std::string street;           // BT-35 / BT-50
  std::string additional_street;
  std::string city;             // BT-37 / BT-52
  std::string postal_code;      // BT-38 / BT-53
  std::string subdivision;      // BT-39 / BT-54 (region, state)
  std::string country;          // BT-40 / BT-55 ISO 3166-1 alpha-2
  bool operator==(const Address&) const = default;
};

// An identifier with its scheme: `scheme` is an ISO 6523 ICD for party/legal
// ids ("0002" SIREN, "0009" SIRET, "0088" GLN) and a Peppol EAS code for
// electronic addresses ("0009", "9957", "0208", "0088").
struct Identifier {
  std::string value;
  std::string scheme;           // "" when the scheme is implied / unknown
  bool empty() const { return value.empty(); }
  bool operator==(const Identifier&) const = default;
};

struct Party {
  std::string name;             // BT-27 / BT-44 registration name
  std::string trading_name;     // BT-28 / BT-45, optional
  std::string vat_id;           // BT-31 / BT-48, with the country prefix ("FR40303265045")
  Identifier legal_id;          // BT-30 / BT-47 (SIREN for a French seller)
  Identifier endpoint;          // BT-34 / BT-49 electronic address (Peppol participant id)
  Address address;              // BG-5 / BG-8
  std::string contact_name;     // BT-41 / BT-56
  std::string contact_email;    // BT-43 / BT-58
  std::string contact_phone;    // BT-42 / BT-57
  bool operator==(const Party&) const = default;
};

// BG-16 payment instructions.
struct PaymentMeans {
  std::string code = "58";      // BT-81 UNCL 4461: 30 credit transfer, 58 SEPA credit transfer
  std::string iban;             // BT-84
  std::string bic;              // BT-86
  std::string account_name;     // BT-85
  std::string remittance;       // BT-83 (defaults to the invoice number when empty)
  std::string mandate;          // BT-89 mandate reference, required with direct debit (49, 59)
  bool operator==(const PaymentMeans&) const = default;
};

// BG-24 supporting document, e.g. the invoice PDF a portal wants with the data.
struct Attachment {
  std::string id;               // BT-122 ("INV100001.pdf")
  std::string description;      // BT-123
  std::string mime_code = "application/pdf";  // BT-125 mimeCode
  std::string file_name;        // BT-125 filename
  std::string bytes;            // the file itself (base64-encoded by the writers)
  bool operator==(const Attachment&) const = default;
};

struct Line {
  std::string id;               // BT-126 line number, unique in the document ("1", "10")
  std::string name;             // BT-153 item name
  std::string description;      // BT-154, optional
  std::string quantity;         // BT-129 exact decimal text ("1", "2.5"; negative only on an invoice that corrects)
  std::string unit_code = "C62";  // BT-130 UN/ECE Rec 20 ("C62" one, "HUR" hour, "MON" month)
  std::string unit_price;       // BT-146 net price, exact decimal text, may have more decimals than the currency
  Money net_amount;             // BT-131 line net amount, as the ERP computed it (quantity × price, rounded)
  VatCategory category = VatCategory::standard;  // BT-151
  std::string rate;             // BT-152 percent, decimal text ("20", "5.5", "0")
  std::string order_line_ref;   // BT-132, optional
  std::optional<Date> period_start, period_end;  // BG-26, optional (subscriptions)
  bool operator==(const Line&) const = default;
};

// One invoice or credit note, everything the writers need. Amounts of a credit
// note are positive (the document type says it is a credit); the caller turns
// a negative ERP credit memo into positive lines.
struct Document {
  DocumentType type = DocumentType::invoice;
  std::string number;           // BT-1
  Date issue_date{};            // BT-2
  std::optional<Date> due_date; // BT-9 (required on an invoice with an amount due, BR-CO-25)
  Currency currency;            // BT-5
  std::string buyer_reference;  // BT-10 (Chorus Pro service code, Leitweg-ID, buyer's reference)
  std::string purchase_order;   // BT-13
  std::string sales_order;      // BT-14 (the seller's order reference, e.g. the Salesforce order number)
  std::string contract;         // BT-12, optional
  std::string preceding_invoice;            // BT-25, credit notes: the invoice credited
  std::optional<Date> preceding_invoice_date;  // BT-26
  std::string note;             // BT-22, optional
  std::string payment_terms;    // BT-20, e.g. "Net 30 days"
  std::optional<Date> period_start, period_end;  // BG-14 invoicing period, optional
  std::optional<Date> delivery_date;  // BT-72 actual delivery date (K needs it or BG-14, BR-IC-11)
  std::string delivery_country;       // BT-80 deliver-to country (required with K, BR-IC-12)
  Party seller;                 // BG-4
  Party buyer;                  // BG-7
  std::optional<PaymentMeans> payment;  // BG-16 (required with an amount due, BR-CO-27 / Peppol)
  std::vector<Line> lines;      // BG-25, at least one
  // The exemption reason text (BT-120) and code (BT-121, VATEX). They go to
  // the E breakdown when the document has one (E has no default: without
  // them the document breaks BR-E-10); otherwise to the one AE/K/G/O
  // breakdown when there is exactly one. Empty parts get the category's
  // default: AE "Reverse charge" VATEX-EU-AE, K "Intra-community supply"
  // VATEX-EU-IC, G "Export outside the EU" VATEX-EU-G, O "Not subject to VAT"
  // VATEX-EU-O.
  std::string exemption_reason;
  std::string exemption_code;
  // BT-114: cash rounding so that the payable amount is what the ERP billed
  // (e.g. 0.05 rounding); zero when none.
  std::optional<Money> rounding;
  std::optional<Money> prepaid;  // BT-113
  std::vector<Attachment> attachments;  // BG-24
  bool operator==(const Document&) const = default;
};

// BG-23, one per (category, rate).
struct VatBreakdown {
  VatCategory category = VatCategory::standard;
  std::string rate;             // "20"
  Money taxable;                // BT-116 = Σ line net amounts of the category and rate
  Money tax;                    // BT-117 = taxable × rate / 100, rounded half away from zero to the currency
  std::string exemption_reason; // BT-120 (non-S/Z categories)
  std::string exemption_code;   // BT-121
};

// BG-22.
struct Totals {
  Money line_net;               // BT-106
  Money tax_exclusive;          // BT-109
  Money tax;                    // BT-110
  Money tax_inclusive;          // BT-112
  Money prepaid;                // BT-113
  Money rounding;               // BT-114
  Money payable;                // BT-115
  std::vector<VatBreakdown> breakdown;  // ordered by category code, then rate
};

// The VAT arithmetic of EN 16931, done once for every writer. Throws
// Error(data) when a rate is not a decimal or currencies differ.
Totals compute_totals(const Document& doc);

// A broken rule: "BR-AE-02", "PEPPOL-EN16931-R010", "O2C-TOTAL" (ours), with
// what is wrong in words an AR clerk can act on.
struct RuleViolation {
  std::string rule;
  std::string message;          // "buyer VAT identifier (BT-48) is required with reverse charge (AE)"
  bool operator==(const RuleViolation&) const = default;
};

enum class Profile {
  peppol_bis3,   // UBL, CustomizationID urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0
  en16931_ubl,   // UBL, CustomizationID urn:cen.eu:en16931:2017 (Chorus Pro UBL)
  en16931_cii,   // CII, guideline urn:cen.eu:en16931:2017 (Factur-X EN 16931, Chorus Pro CII)
};
std::string_view name(Profile p);                                // "peppol-bis3", "en16931-ubl", "en16931-cii"
std::optional<Profile> parse_profile(std::string_view name);

// Every rule the document breaks for this profile (EN 16931 core, the VAT
// category rules, and for peppol_bis3 the Peppol rules); empty = sendable.
std::vector<RuleViolation> check(const Document& doc, Profile profile);

// The document in the profile's syntax (UTF-8 XML). Throws Error(data) with
// the first violation when check() is not empty: a broken document is never written.
std::string write_xml(const Document& doc, Profile profile);
std::string write_ubl(const Document& doc, Profile profile = Profile::peppol_bis3);
std::string write_cii(const Document& doc);

// A printable PDF of the document (A4, one or more pages: seller, buyer,
// references, lines, VAT breakdown, totals, payment instructions), for
// portals that want the invoice image and for the file drop. Throws
// Error(data) only when the totals cannot be computed; the same document
// gives the same bytes.
std::string write_pdf(const Document& doc);

// cXML InvoiceDetailRequest (Ariba, Coupa cXML).
struct CxmlEnvelope {
  std::string payload_id;       // globally unique; the same on every retry of one submission
  Timestamp timestamp{};        // when the document was made (not when it is sent)
  std::string version = "1.2.050";  // DTD version in the DOCTYPE and cXML@version
  std::string from_domain = "NetworkID", from_identity;  // supplier
  std::string to_domain = "NetworkID", to_identity;      // buyer
  std::string sender_domain = "NetworkID", sender_identity;
  std::string shared_secret;    // written into Sender/Credential; never logged
  std::string user_agent = "o2csync";
  // payloadID of the buyer's cXML order: with it the invoice is PO-backed
  // (OrderReference/DocumentReference); without it the PO number goes into
  // OrderIDInfo (an unbacked invoice against a PO number).
  std::string order_payload_id;
  bool test_mode = false;       // deploymentMode="test"
};
// Throws Error(data) when check(doc, en16931_ubl) is not empty or the
// purchase order (BT-13) is missing; amounts of a credit memo are negative.
std::string write_cxml(const Document& doc, const CxmlEnvelope& envelope);

// Peppol SBDH around a UBL document.
struct SbdhEnvelope {
  std::string instance_id;      // UUID, the same on every retry of one submission
  Timestamp created{};
  Identifier sender;            // "0009" + "12345678900011"
  Identifier receiver;
  std::string country_c1;       // sender's country
};
// UBL (peppol_bis3) inside. Throws Error(data) when check(doc, peppol_bis3)
// is not empty, Error(internal) when the envelope lacks an id or participant.
std::string write_sbdh(const Document& doc, const SbdhEnvelope& envelope);

}  // namespace o2c::einvoice
