// reconcile/linking.h — DATA.md rule 1: which signed order each invoice or
// credit note belongs to. By its order reference when it has one (a reference
// to a draft, deleted, unreadable or unknown order links nothing); else by
// the same CRM account + normalised PO + currency + amount within tolerance,
// to a signed order that has no document yet, documents taken in (trandate,
// id) order, candidates in (EffectiveDate, Id) order.
#pragma once

#include <cstddef>
#include <vector>

#include "reconcile/ledger.h"

namespace o2c::reconcile {

enum class LinkVia { none, reference, po_match };
// Why an order reference linked nothing.
enum class DeadReference { none, draft, deleted, unreadable, unknown };
const char* to_string(DeadReference reason);

struct DocumentLink {
  const schema::Order* order = nullptr;  // nullptr: not linked
  LinkVia via = LinkVia::none;
  DeadReference dead_reference = DeadReference::none;
  // Not linked, no reference: a signed order that matched on account + PO +
  // amount but already had a document (the likely original of a duplicate).
  const schema::Order* already_invoiced_match = nullptr;
};

struct Links {
  std::vector<DocumentLink> of_document;  // parallel to ledger.documents
  // Parallel to ledger.orders: indices into ledger.documents, in (trandate, id) order.
  std::vector<std::vector<std::size_t>> documents_of;
};

Links link_documents(Ledger& ledger);

}  // namespace o2c::reconcile
