// store/record_writer.h — writes one page of a sync inside the caller's
// transaction: canonical records upserted into their table, invalid records
// recorded (their last good row untouched), entries of records valid again
// cleared. Buffers and prepared statements are kept across pages.
#pragma once

#include <memory>
#include <span>

#include "core/time.h"
#include "schema/model.h"
#include "store/connection.h"

namespace o2c::store {

class RecordWriter {
 public:
  explicit RecordWriter(Connection& connection);
  RecordWriter(const RecordWriter&) = delete;
  RecordWriter& operator=(const RecordWriter&) = delete;
  ~RecordWriter();

  // Returns how many records were demoted to invalid because their text held a NUL.
  std::size_t write(std::span<const schema::CanonicalRecord> records, std::span<const schema::InvalidRecord> invalid,
                    Timestamp now);

 private:
  struct Tables;
  Connection& connection_;
  std::unique_ptr<Tables> tables_;
};

}  // namespace o2c::store
