// connectors/source.h
// The contract every source connector fulfils: turn (mapping spec, cursor)
// into a stream of pages of raw records, each page with the cursor that comes
// after it. A connector never stores, never maps fields; it only pages,
// authenticates (through connectors/http) and cuts the wire format into
// records. Called by daemon/ (sync_run.cpp).
//
// Why a stream instead of STYLE.md's stateless read_page(cursor): NetSuite
// pages are fetched concurrently (up to the account's concurrency limit) and
// handed out in order; the stream owns those in-flight requests.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace o2c::connectors {

struct RawRecord {
  std::string id;                      // external id as the source spells it
  std::string body;                    // the record's own JSON object text
  Timestamp modified{};                // the record's modstamp (for the cursor)
  std::string defect;                  // set when the raw record is already unusable (e.g. invalid UTF-8)
};

// Where a stream resumes. Stored by store/ as text, never looked into there.
//
// A *pass* reads every record whose modstamp is >= `since`, in ascending
// order of the record id (a unique key, so records sharing one modstamp can
// never straddle a page boundary ambiguously). After each page the cursor
// holds the last id committed, so a crashed pass resumes with `id > last`.
// When a pass ends, the next one starts at
//   min(high_water, pass_started) - lookback
// so rows committed late with an older modstamp, and rows changed while the
// pass ran (behind its id keyset), are read again; upserts make that harmless.
struct Cursor {
  std::optional<Timestamp> since;        // lower bound (>=) of the modstamp window of the current pass
  std::string tie_break_id;              // last id committed within the pass, "" at pass start
  std::optional<Timestamp> high_water;   // highest modstamp committed so far in this pass
  std::optional<Timestamp> pass_started; // client clock when the pass began (first page requested)
  bool operator==(const Cursor&) const = default;

  bool in_pass() const { return !tie_break_id.empty(); }
  // "since=2026-11-24T10:00:00.000Z;id=801...;hw=...;started=..." (stable, human-readable; empty parts omitted)
  std::string to_text() const;
  static Cursor parse(std::string_view text);       // throws Error(store) on garbage
  // The cursor that starts the pass after this one has read everything.
  Cursor next_pass(std::chrono::seconds lookback) const;
  // What to commit with a page: this cursor, or the next pass's when the pass is done.
  Cursor after_page(bool pass_done, std::chrono::seconds lookback) const { return pass_done ? next_pass(lookback) : *this; }
  // Moves over a page just read, in id order: the keyset to the last record
  // whose id `keyed` accepts (a defective record was still read), the
  // high-water mark to the newest record without a defect. Returns how many
  // records have a defect.
  long advance(const std::vector<RawRecord>& records, bool (*keyed)(std::string_view) = has_id);

  static bool has_id(std::string_view id) { return !id.empty(); }
};

struct Page {
  std::vector<RawRecord> records;
  Cursor next;                         // commit with this page
  bool last = false;
};

enum class SyncMode { incremental, full };

// What a connector needs from the mapping file to build its query.
struct QuerySpec {
  std::string object;                  // Salesforce object / NetSuite main table / SAP entity set / Oracle resource / SQL name
  std::vector<std::string> fields;     // Salesforce SELECT, SAP $select, Oracle fields=: the field paths the mapping reads
  std::string service;                 // SAP: OData service root path; Oracle: REST resource collection path
  std::vector<std::string> expand;     // SAP $expand / Oracle expand=: navigation properties / child resources
  std::string sql;                     // SQL source: the SELECT, with :cursor and :last_id bind parameters
  std::vector<std::pair<std::string, std::string>> select;  // NetSuite: alias → SuiteQL expression
  std::string from;                    // NetSuite: FROM clause (with joins), e.g. "transaction t JOIN ..."
  std::string where;                   // extra filter, source syntax, "" = none
  std::string id_field;                // "Id" / "t.id"
  std::string cursor_field;            // "SystemModstamp" / "t.lastmodifieddate"
  bool include_deleted = false;        // Salesforce: use queryAll to see IsDeleted rows
};

class PageStream {
 public:
  virtual ~PageStream() = default;
  // The next page in order, or nullopt after the last one. Throws o2c::Error
  // (transient after retries are exhausted, remote, config for bad credentials).
  virtual std::optional<Page> next() = 0;
  virtual long api_calls() const = 0;  // HTTP requests made so far, auth included
};

class Source {
 public:
  virtual ~Source() = default;
  virtual std::unique_ptr<PageStream> open(const QuerySpec& query, const Cursor& from, SyncMode mode) = 0;
};

}  // namespace o2c::connectors
