// sim/dataset/answer_key_records.h — the records the answer key's rules work
// on: what the example mappings would produce from the served rows, reduced
// to numbers. Accounts and orders are held (a few dozen bytes per order, so a
// million orders fit); invoices and credit memos are streamed to the rules,
// which keep per-order totals. Texts (ids, numbers, POs) are read back from
// the tables when a rule needs them.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "sim/dataset/answer_key.h"

namespace o2c::sim::dataset {

inline constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
inline constexpr std::uint32_t kUnknownOrder = kNone - 1;  // a reference that names no order
inline constexpr std::int32_t kNoDate = std::numeric_limits<std::int32_t>::min();

struct KeyOrder {                     // one per Order row
  std::uint32_t account = kNone;      // account number (KeyRecords::requires_po_of), kNone without AccountId
  std::int32_t effective = kNoDate;   // days since 1970-01-01
  std::int32_t end = kNoDate;
  std::int64_t amount = 0;            // minor units
  std::uint8_t currency = 0;          // KeyRecords::currencies
  bool valid = false;                 // maps (else DATA_INVALID: does not exist for the rules)
  bool is_signed = false;             // StatusCode Activated and not deleted
  bool has_po = false;
};

struct KeyDocument {                  // an invoice or credit memo that maps, not voided
  std::uint32_t row = 0;              // in the transaction table
  std::uint32_t referenced = kNone;   // custbody_o2c_sf_order: kNone, kUnknownOrder or an Order row
  std::uint32_t account = kNone;      // the customer's custentity_o2c_sf_account, as an account number
  std::uint32_t customer = kNone;     // the NetSuite customer row
  std::int32_t trandate = kNoDate;
  std::int64_t amount = 0;
  std::uint64_t id_number = 0;
  std::uint8_t currency = 0;
  bool credit_memo = false;
  bool has_po = false;
};

struct KeyRecords {
  const SimTable* order_table = nullptr;
  const SimTable* document_table = nullptr;
  std::size_t order_id_col = 0, order_number_col = 0, order_po_col = 0;  // columns read back
  std::size_t doc_id_col = 0, doc_number_col = 0, doc_po_col = 0, doc_date_col = 0;
  std::vector<std::uint8_t> requires_po;  // by account number (Account row; unknown ids numbered after)
  std::vector<std::string> currencies;
  std::vector<KeyOrder> orders;            // by Order row
  std::vector<ExpectedException> invalid;  // DATA_INVALID, filled while reading

  bool requires_po_of(std::uint32_t account) const { return account < requires_po.size() && requires_po[account] != 0; }
  std::string order_po(std::uint32_t row) const;  // trimmed
  std::string doc_po(std::uint32_t row) const;    // trimmed
};

// The text of a cell ("" for null or non-text values).
std::string cell_text(const SimTable& t, std::size_t row, std::size_t col);

// A NetSuite internal id as a number (ids compare numerically); max for a non-numeric one.
std::uint64_t numeric_id(const std::string& id);

// Reads accounts, orders and customers on construction; streams documents.
class KeyReader {
 public:
  // With `portals`, an account whose portal route requires a PO requires one.
  KeyReader(const SimCatalog& salesforce, const SimCatalog& netsuite, const PortalDirectory* portals = nullptr);
  ~KeyReader();
  KeyRecords& records();
  // Calls `visit` for each invoice and credit memo in row order (payments and
  // invalid documents are checked, and the invalid ones recorded, too).
  void for_each_document(const std::function<void(const KeyDocument&)>& visit);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

std::vector<ExpectedException> apply_rules(KeyReader& reader, SimDate today, const SimCatalog& netsuite,
                                           const PortalDirectory* portals);

}  // namespace o2c::sim::dataset
