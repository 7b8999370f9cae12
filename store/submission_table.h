// store/submission_table.h — the outbox: `submissions` (one row per invoice
// and portal) and `submission_events` (their audit trail). See Store for the
// contract; callers hold the transaction where they write.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "schema/submission.h"
#include "store/connection.h"
#include "store/store.h"

namespace o2c::store {

// INSERT unless a row with that key exists; true when inserted.
bool insert_submission(Connection& connection, const schema::Submission& s);
// UPDATE the row if it is still in `expected` state; true when updated.
bool update_submission(Connection& connection, const schema::Submission& s, schema::SubmissionState expected);
void add_submission_event(Connection& connection, const schema::SubmissionKey& key, Timestamp at,
                          const std::string& event, const std::string& detail);
std::vector<schema::Submission> read_submissions(Connection& connection, const SubmissionFilter& filter);
std::vector<SubmissionEvent> read_submission_events(Connection& connection, const schema::SubmissionKey& key);

}  // namespace o2c::store
