// The outbox state machine over a real store and a scripted portal: held or
// pending with the payload stored before any attempt, sending stored before
// the call, an unknown outcome resolved by asking the portal — never by
// sending blindly — and every invoice at its portal exactly once.
#include "core/error.h"
#include "tests/unit/daemon/push/push_test_support.h"

namespace o2c::push::testing {
namespace {

using portals::Answer;
using portals::Outcome;
using schema::SubmissionState;

using PushRunTest = PushFixture;

std::map<std::string, SubmissionState> states(const std::vector<schema::Submission>& list) {
  std::map<std::string, SubmissionState> out;
  for (const auto& s : list) out[s.invoice_number] = s.state;
  return out;
}

TEST_F(PushRunTest, RoutedInvoicesInTheWindowAreSentOnceAndPolledToAccepted) {
  Records r;
  auto& old = r.add_invoice("100009", "INV100009", "1001", "", "PO-9", "120.00", "20.00", "100.00", "S", "20");
  old.issue_date = parse_date("2025-12-31");  // before push.since: uploaded by hand back then
  r.add_invoice("100010", "INV100010", "9999", "", "PO-10", "120.00", "20.00", "100.00", "S", "20");  // not routed
  load(r);
  const PushStats first = push();
  EXPECT_EQ(first.due, 2);
  EXPECT_EQ(first.created, 2);
  EXPECT_EQ(first.sent, 2);
  EXPECT_EQ(first.submitted, 2);
  EXPECT_EQ(first.accepted, 2);  // the status poll of the same run
  EXPECT_EQ(states(submissions()), (std::map<std::string, SubmissionState>{{"INV100001", SubmissionState::accepted},
                                                                            {"INV100002", SubmissionState::accepted}}));
  const PushStats second = push();
  EXPECT_EQ(second.created + second.sent, 0);
  EXPECT_EQ(portal_.delivered, (std::map<std::string, int>{{"INV100001", 1}, {"INV100002", 1}}));
  const auto s = submissions()[0];
  EXPECT_EQ(s.payload, portal_.bodies["INV100001"]);  // the stored bytes are the ones sent
  EXPECT_NE(s.payload.find("<!-- INV100001#"), std::string::npos);
  const auto events = store_->submission_events(s.key);
  std::vector<std::string> names;
  for (const auto& e : events) names.push_back(e.event);
  EXPECT_EQ(names, (std::vector<std::string>{"created", "sending", "answer", "status"}));
}

TEST_F(PushRunTest, AFailedCheckHoldsTheInvoiceUntilTheDataIsFixed) {
  Records r;
  r.customers[3].vat_id.clear();  // reverse charge without the buyer's VAT id
  load(r);
  EXPECT_EQ(push().held, 1);
  auto held = store_->submissions({.state = SubmissionState::held, .portal = ""});
  ASSERT_EQ(held.size(), 1u);
  EXPECT_EQ(held[0].rule, "BR-AE-02");
  EXPECT_TRUE(held[0].payload.empty());
  EXPECT_EQ(portal_.delivered.count("INV100002"), 0u);
  const auto exceptions = portal_exceptions(submissions(), store_->customers(), settings_.accept_within, clock_.now());
  ASSERT_EQ(exceptions.size(), 1u);
  EXPECT_EQ(exceptions[0].kind, schema::ExceptionKind::portal_not_submitted);
  EXPECT_EQ(exceptions[0].invoice_number, "INV100002");
  EXPECT_EQ(exceptions[0].customer_name, "Müller & Söhne GmbH");

  r.customers[3].vat_id = "DE123456788";  // entered in the ERP, synced again
  load(r);
  const PushStats again = push();
  EXPECT_EQ(again.released, 1);
  EXPECT_EQ(portal_.delivered["INV100002"], 1);
  EXPECT_TRUE(portal_exceptions(submissions(), store_->customers(), settings_.accept_within, clock_.now()).empty());
}

TEST_F(PushRunTest, ALostAnswerIsResolvedByAskingThePortalNeverByResending) {
  load(Records());
  // The portal creates the invoice, then the answer is lost.
  portal_.submit_script = [&](const portals::SubmissionRef& ref, const portals::Payload& p) -> Answer {
    portal_.deliver(ref.invoice_number, p);
    throw Error(Error::Kind::transient, "coupa: timeout after 60 s (the request may have reached the portal)");
  };
  const PushStats first = push();
  EXPECT_EQ(first.sent, 2);
  EXPECT_EQ(first.unknown, 2);
  EXPECT_EQ(store_->submissions({.state = SubmissionState::sending, .portal = ""}).size(), 2u);
  portal_.submit_script = nullptr;
  const PushStats second = push();
  EXPECT_EQ(second.looked_up, 2);
  EXPECT_EQ(second.sent, 0);  // found at the portal: nothing sent again
  EXPECT_EQ(portal_.delivered, (std::map<std::string, int>{{"INV100001", 1}, {"INV100002", 1}}));
  EXPECT_EQ(states(submissions())["INV100001"], SubmissionState::accepted);
}

TEST_F(PushRunTest, AnAttemptThatNeverArrivedIsSentAgainAfterTheLookupSaysSo) {
  load(Records());
  portal_.submit_script = [](const portals::SubmissionRef&, const portals::Payload&) -> Answer {
    throw Error(Error::Kind::transient, "connection reset");
  };
  push();
  portal_.submit_script = nullptr;
  const PushStats second = push();
  EXPECT_EQ(second.looked_up, 2);
  EXPECT_EQ(second.sent, 2);  // not found at the portal: safe to send, with the same key and payload
  EXPECT_EQ(portal_.delivered, (std::map<std::string, int>{{"INV100001", 1}, {"INV100002", 1}}));
  EXPECT_EQ(submissions()[0].attempts, 2);
}

TEST_F(PushRunTest, APortalThatDedupesOnTheKeyGetsTheSamePayloadAgainWithoutALookup) {
  load(Records());
  portal_.idempotent = true;
  portal_.submit_script = [](const portals::SubmissionRef&, const portals::Payload&) -> Answer {
    return {Outcome::unknown, "", "", "the answer could not be read", std::nullopt};
  };
  push();
  const std::string first_key = submissions()[0].idempotency_key;
  portal_.submit_script = nullptr;
  const PushStats second = push();
  EXPECT_EQ(second.looked_up, 0);
  EXPECT_EQ(second.sent, 2);
  EXPECT_EQ(submissions()[0].idempotency_key, first_key);
  EXPECT_EQ(portal_.lookups, 0);
}

TEST_F(PushRunTest, ThrottlingWaitsForRetryAfterAndRejectionsBecomeExceptions) {
  load(Records());
  portal_.submit_script = [&](const portals::SubmissionRef& ref, const portals::Payload& p) -> Answer {
    if (ref.invoice_number == "INV100001") return {Outcome::retry, "", "429", "Too Many Requests", std::chrono::seconds(120)};
    portal_.deliver(ref.invoice_number, p);
    return {Outcome::submitted, "ref-2", "received", "", std::nullopt};
  };
  portal_.decisions["INV100002"] = {Outcome::rejected, "ref-2", "disputed", "Prices do not match the contract", std::nullopt};
  const PushStats first = push();
  EXPECT_EQ(first.retried, 1);
  EXPECT_EQ(first.rejected, 1);
  auto pending = store_->submissions({.state = SubmissionState::pending, .portal = ""});
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(*pending[0].next_attempt, clock_.now() + std::chrono::minutes(2));
  EXPECT_EQ(push().sent, 0);  // Retry-After not reached
  clock_.set(clock_.now() + std::chrono::minutes(3));
  portal_.submit_script = nullptr;
  EXPECT_EQ(push().sent, 1);
  const auto exceptions = portal_exceptions(submissions(), store_->customers(), settings_.accept_within, clock_.now());
  ASSERT_EQ(exceptions.size(), 1u);
  EXPECT_EQ(exceptions[0].kind, schema::ExceptionKind::portal_rejected);
  EXPECT_EQ(exceptions[0].invoice_number, "INV100002");
}

TEST_F(PushRunTest, AnInvoiceNotAcceptedInTimeIsReportedAndAPaidOneIsFinal) {
  load(Records());
  portal_.decisions["INV100001"] = {Outcome::submitted, "ref", "pending_approval", "", std::nullopt};
  portal_.decisions["INV100002"] = {Outcome::paid, "ref", "paid", "", std::nullopt};
  push();
  EXPECT_EQ(states(submissions()), (std::map<std::string, SubmissionState>{{"INV100001", SubmissionState::submitted},
                                                                            {"INV100002", SubmissionState::paid}}));
  clock_.set(parse_timestamp("2026-11-14T00:00:00Z"));  // 4 days after the invoice date
  EXPECT_TRUE(portal_exceptions(submissions(), store_->customers(), settings_.accept_within, clock_.now()).empty());
  clock_.set(parse_timestamp("2026-11-16T00:00:00Z"));  // 6 days after
  const auto exceptions = portal_exceptions(submissions(), store_->customers(), settings_.accept_within, clock_.now());
  ASSERT_EQ(exceptions.size(), 1u);
  EXPECT_EQ(exceptions[0].kind, schema::ExceptionKind::portal_not_submitted);
  EXPECT_EQ(exceptions[0].rule, "push.not_accepted_in_time");
}

TEST_F(PushRunTest, ADryRunStoresAndSendsNothingButSaysWhatItWouldDo) {
  Records r;
  r.customers[3].vat_id.clear();
  load(r);
  PushRun run(*store_, {{"fake", PortalHandle{&portal_, einvoice::Profile::en16931_ubl, false, 2}}}, routing_, settings_,
              clock_, PushOptions{.dry_run = true, .status_polls = 1});
  const PushStats stats = run.run();
  EXPECT_EQ(stats.due, 2);
  EXPECT_TRUE(submissions().empty());
  EXPECT_EQ(portal_.submits, 0);
  ASSERT_EQ(run.plan_lines().size(), 2u);
  EXPECT_NE(run.plan_lines()[0].find("send INV100001 to fake as ubl"), std::string::npos) << run.plan_lines()[0];
  EXPECT_NE(run.plan_lines()[0].find("PO 'PO-2026-000001'"), std::string::npos) << run.plan_lines()[0];
  EXPECT_NE(run.plan_lines()[1].find("hold INV100002"), std::string::npos) << run.plan_lines()[1];
}

TEST_F(PushRunTest, ManyInvoicesAreSentConcurrentlyEachExactlyOnce) {
  Records r;
  for (int i = 0; i < 60; ++i)
    r.add_invoice(std::to_string(200000 + i), "INV" + std::to_string(200000 + i), i % 2 ? "1001" : "1002", "",
                  "PO-" + std::to_string(i), "120.00", i % 2 ? "20.00" : "0.00", i % 2 ? "100.00" : "120.00",
                  i % 2 ? "S" : "AE", i % 2 ? "20" : "0");
  load(r);
  const PushStats stats = push();
  EXPECT_EQ(stats.sent, 62);
  EXPECT_EQ(portal_.delivered.size(), 62u);
  for (const auto& [number, count] : portal_.delivered) EXPECT_EQ(count, 1) << number;
}

}  // namespace
}  // namespace o2c::push::testing
