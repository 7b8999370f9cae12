// sim/dataset/dataset_core.h — what the served tables share: the immutable
// Business and, per table, the record of mutations. Readers never lock: each
// row has one atomic flag byte (touched, deleted set/cleared), and rows
// appended by insert_late become visible by a release-store of the row count
// after their data is written. Writers (Dataset::mutate) are serialised by
// the Dataset's mutex.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "sim/dataset/business.h"
#include "sim/sim_table.h"

namespace o2c::sim::dataset {

class TableState {
 public:
  static constexpr std::size_t kMaxLateRows = 100'000;
  static constexpr std::uint8_t kTouched = 1;          // modstamp = now
  static constexpr std::uint8_t kDeletedSet = 2;       // the deleted flag is overridden...
  static constexpr std::uint8_t kDeletedValue = 4;     // ...with this value

  explicit TableState(std::size_t base_rows)
      : base_(base_rows),
        flags_(new std::atomic<std::uint8_t>[base_rows + kMaxLateRows]()),
        payload_(new std::uint32_t[kMaxLateRows]()) {}

  std::size_t base_rows() const { return base_; }
  std::size_t size() const { return base_ + late_.load(std::memory_order_acquire); }
  std::uint8_t flags(std::size_t row) const { return flags_[row].load(std::memory_order_acquire); }
  bool modstamp_ordered() const { return ordered_.load(std::memory_order_acquire); }

  // Writers only (serialised by the caller).
  void set_flags(std::size_t row, std::uint8_t flags) {
    flags_[row].store(flags, std::memory_order_release);
    ordered_.store(false, std::memory_order_release);
  }
  // A new last row carrying `payload` (e.g. the order a late invoice bills);
  // nullopt when the table cannot take more late rows.
  std::optional<std::size_t> append(std::uint32_t payload) {
    const std::size_t late = late_.load(std::memory_order_relaxed);
    if (late == kMaxLateRows) return std::nullopt;
    payload_[late] = payload;
    late_.store(late + 1, std::memory_order_release);
    return base_ + late;
  }
  std::uint32_t payload(std::size_t row) const { return payload_[row - base_]; }

 private:
  std::size_t base_;
  std::unique_ptr<std::atomic<std::uint8_t>[]> flags_;
  std::unique_ptr<std::uint32_t[]> payload_;
  std::atomic<std::size_t> late_{0};
  std::atomic<bool> ordered_{true};
};

struct DatasetCore {
  DatasetCore(std::uint64_t seed, std::size_t orders, SimTime now)
      : business(seed, orders, now),
        accounts(business.accounts()),
        orders(business.orders()),
        customers(business.accounts()),
        documents(business.documents()) {
    for (std::size_t r = 0; r < business.documents(); ++r)
      (doc_type(business.document(r).role) == DocType::payment ? payment_rows : billing_rows)
          .push_back(static_cast<std::uint32_t>(r));
  }

  // The document in transaction row `r`, late rows included (a late row is an
  // invoice for the full amount of the order in its payload).
  DocRef doc(std::size_t r) const {
    return r < business.documents() ? business.document(r)
                                    : DocRef{r, documents.payload(r), DocRole::invoice_full, true};
  }

  Business business;
  TableState accounts, orders, customers, documents;
  // The generated transaction rows that are invoices or credit memos / payments,
  // ascending: the row sets of the ERP views (late rows are all invoices).
  std::vector<std::uint32_t> billing_rows, payment_rows;
};

using CorePtr = std::shared_ptr<const DatasetCore>;

// The served tables (dataset_salesforce.cpp, dataset_netsuite.cpp,
// dataset_sap.cpp, dataset_oracle.cpp, dataset_ebs.cpp).
SimTablePtr make_account_table(CorePtr core);
SimTablePtr make_order_table(CorePtr core);
SimTablePtr make_customer_table(CorePtr core);
SimTablePtr make_currency_table();
SimTablePtr make_transaction_table(CorePtr core);
SimTablePtr make_transaction_line_table(const CorePtr& core);   // dataset_netsuite_lines.cpp
SimTablePtr make_sales_tax_item_table();
std::vector<SimTablePtr> make_sap_tables(const CorePtr& core);
std::vector<SimTablePtr> make_oracle_tables(const CorePtr& core);
std::vector<SimTablePtr> make_ebs_tables(const CorePtr& core);

// Column positions, in the order of DATA.md's tables.
enum AccountColumn : std::size_t { kAccId, kAccName, kAccNumber, kAccParent, kAccCountry, kAccCurrency, kAccRequiresPo,
                                   kAccCreated, kAccModstamp, kAccDeleted, kAccStreet, kAccCity, kAccPostalCode };
enum OrderColumn : std::size_t { kOrdId, kOrdNumber, kOrdAccount, kOrdStatus, kOrdStatusCode, kOrdType, kOrdEffective,
                                 kOrdEnd, kOrdActivated, kOrdPo, kOrdAmount, kOrdCurrency, kOrdDescription,
                                 kOrdCreated, kOrdModstamp, kOrdDeleted };
enum CustomerColumn : std::size_t { kCusId, kCusEntityId, kCusName, kCusParent, kCusCurrency, kCusSfAccount,
                                    kCusModstamp, kCusVatRegNumber };
enum TransactionColumn : std::size_t { kTrnId, kTrnTranId, kTrnType, kTrnDate, kTrnDueDate, kTrnEntity, kTrnCurrency,
                                       kTrnTotal, kTrnRemaining, kTrnPo, kTrnOrderRef, kTrnMemo, kTrnStatus, kTrnVoided,
                                       kTrnModstamp, kTrnTaxTotal };

}  // namespace o2c::sim::dataset
