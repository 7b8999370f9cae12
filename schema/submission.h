// schema/submission.h — one invoice's delivery to one customer portal, as the
// outbox keeps it (DESIGN.md "Exactly-once push"): exactly one per
// (invoice, portal), with the idempotency key and the exact payload stored
// before the first attempt, and the state machine
//   held → pending → sending → submitted → accepted | rejected | paid
// (held: pre-flight checks failed; sending: an attempt whose outcome is not
// known yet, resolved by asking the portal, never by blind resending).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/money.h"
#include "core/time.h"

namespace o2c::schema {

enum class SubmissionState { held, pending, sending, submitted, accepted, rejected, paid };
const char* to_string(SubmissionState s);                            // "held", ...
std::optional<SubmissionState> parse_submission_state(std::string_view s);
// accepted, rejected and paid: nothing more happens to the submission.
bool is_final(SubmissionState s);

struct SubmissionKey {
  std::string invoice_source;   // the canonical invoice's (source, object, external id)
  std::string invoice_object;
  std::string invoice_id;
  std::string portal;           // configured portal name
  bool operator==(const SubmissionKey&) const = default;
  std::string to_text() const;  // "erp/transaction/100001→coupa"
};

struct Submission {
  SubmissionKey key;
  std::string invoice_number;
  std::string customer_id;      // ERP customer id of the invoice (the routing table's key)
  SubmissionState state = SubmissionState::held;
  std::string idempotency_key;  // cXML payloadID, SBDH instance id, invoice number, file name; "" while held
  std::string payload_format;   // "ubl", "cii", "cxml", "sbdh", "coupa-json"; "" while held
  std::string payload_content_type;
  std::string payload_file_name;
  std::string payload;          // the exact bytes sent on every attempt; "" while held
  std::string portal_ref;       // the portal's id of the delivery, once known
  std::string portal_status;    // the portal's own last word ("approved", "IN_INTEGRE", "AB")
  std::string reason;           // why held / rejected / last retry, for the report
  std::string rule;             // held: the rule that failed ("PO_REQUIRED", "BR-AE-02", ...)
  int attempts = 0;             // sends tried
  std::optional<Money> amount;  // invoice total, for the report
  std::optional<Date> issue_date;
  Timestamp created{};
  Timestamp updated{};
  std::optional<Timestamp> first_sent;
  std::optional<Timestamp> next_attempt;  // pending after a retry answer: not before this
  bool operator==(const Submission&) const = default;
};

}  // namespace o2c::schema
