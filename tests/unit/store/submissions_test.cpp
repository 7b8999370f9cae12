// The outbox: one submission per (invoice, portal), state changes only from
// the state the caller saw, an audit trail, and payloads stored byte for byte.
#include "core/error.h"
#include "tests/unit/store/store_test_support.h"

namespace o2c::store::testing {
namespace {

using schema::Submission;
using schema::SubmissionState;

class Submissions : public StoreTest {
 protected:
  Submission pending(const std::string& invoice_id, const std::string& portal = "coupa") {
    Submission s;
    s.key = {"erp", "transaction", invoice_id, portal};
    s.invoice_number = "INV" + invoice_id;
    s.customer_id = "1007";
    s.state = SubmissionState::pending;
    s.idempotency_key = "INV" + invoice_id + "@" + portal;
    s.payload_format = "ubl";
    s.payload_content_type = "application/xml";
    s.payload_file_name = "INV" + invoice_id + ".xml";
    s.payload = "<Invoice>Société « Générale » 日本 ☕</Invoice>";
    s.amount = Money(120050, Currency::parse("EUR"));
    s.issue_date = parse_date("2026-11-02");
    s.created = s.updated = clock_.now();
    return s;
  }
};

TEST_P(Submissions, ASecondSubmissionOfAnInvoiceToAPortalCannotBeMade) {
  auto store = open_migrated();
  const Submission s = pending("100001");
  EXPECT_TRUE(store->create_submission(s, "rendered ubl"));
  Submission again = pending("100001");
  again.idempotency_key = "another key";
  EXPECT_FALSE(store->create_submission(again, "rendered again"));
  EXPECT_TRUE(store->create_submission(pending("100001", "peppol"), "rendered"));  // another portal: its own
  const auto all = store->submissions({});
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0], s);  // every field, payload bytes included
  EXPECT_EQ(all[1].key.portal, "peppol");
}

TEST_P(Submissions, AStateChangesOnlyFromTheStateTheCallerSaw) {
  auto store = open_migrated();
  Submission s = pending("100001");
  ASSERT_TRUE(store->create_submission(s, ""));
  Submission sending = s;
  sending.state = SubmissionState::sending;
  sending.attempts = 1;
  sending.first_sent = sending.updated = clock_.now() + std::chrono::seconds(5);
  EXPECT_TRUE(store->transition_submission(sending, SubmissionState::pending, "sending", "attempt 1"));
  // Another run that still believed it pending changes nothing.
  Submission stale = s;
  stale.state = SubmissionState::sending;
  stale.attempts = 7;
  EXPECT_FALSE(store->transition_submission(stale, SubmissionState::pending, "sending", "attempt 7"));
  Submission done = sending;
  done.state = SubmissionState::submitted;
  done.portal_ref = "4711";
  EXPECT_TRUE(store->transition_submission(done, SubmissionState::sending, "submitted", "id 4711"));
  const auto rows = store->submissions({.state = SubmissionState::submitted, .portal = ""});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], done);
  const auto events = store->submission_events(s.key);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].event, "created");
  EXPECT_EQ(events[1].event, "sending");
  EXPECT_EQ(events[1].detail, "attempt 1");
  EXPECT_EQ(events[2].event, "submitted");
}

TEST_P(Submissions, HeldSubmissionsHaveNoPayloadYetAndFiltersSelectStateAndPortal) {
  auto store = open_migrated();
  Submission held = pending("100002", "chorus");
  held.state = SubmissionState::held;
  held.idempotency_key = held.payload = held.payload_format = held.payload_content_type = held.payload_file_name = "";
  held.rule = "PO_REQUIRED";
  held.reason = "the buyer requires an engagement number (PO) and the invoice has none";
  held.amount.reset();
  held.issue_date.reset();
  ASSERT_TRUE(store->create_submission(held, held.reason));
  ASSERT_TRUE(store->create_submission(pending("100003", "chorus"), ""));
  ASSERT_TRUE(store->create_submission(pending("100004", "coupa"), ""));
  EXPECT_EQ(store->submissions({.state = SubmissionState::held, .portal = ""}), std::vector{held});
  EXPECT_EQ(store->submissions({.state = std::nullopt, .portal = "chorus"}).size(), 2u);
  EXPECT_EQ(store->submissions({.state = SubmissionState::pending, .portal = "coupa"}).size(), 1u);
  EXPECT_EQ(store->submission_events(held.key)[0].event, "held");
}

TEST_P(Submissions, AnIdempotencyKeyIsUniqueWithinItsPortal) {
  auto store = open_migrated();
  ASSERT_TRUE(store->create_submission(pending("100001"), ""));
  Submission other = pending("100002");
  other.idempotency_key = pending("100001").idempotency_key;
  EXPECT_THROW(store->create_submission(other, ""), o2c::Error);
  EXPECT_EQ(store->submissions({}).size(), 1u);
}

O2C_ON_BOTH_BACKENDS(Submissions);

}  // namespace
}  // namespace o2c::store::testing
