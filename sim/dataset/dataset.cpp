// The Dataset facade: builds the business, serves its tables through one
// catalog per system, caches the answer key per mutation version, applies
// mutations (an ERP object's mutation acts on the NetSuite record behind it).
#include "sim/dataset/dataset.h"

#include <atomic>
#include <map>
#include <mutex>
#include <shared_mutex>

#include <fmt/format.h>

#include "core/error.h"
#include "sim/dataset/answer_key.h"
#include "sim/dataset/dataset_core.h"
#include "sim/dataset/generated_table.h"
#include "sim/dataset/planted_cases.h"

namespace o2c::sim {

namespace {

using dataset::iequals_ascii;

class NamedCatalog final : public SimCatalog {
 public:
  explicit NamedCatalog(std::vector<SimTablePtr> tables) : tables_(std::move(tables)) {}
  SimTablePtr table(std::string_view name) const override {
    for (const auto& t : tables_)
      if (iequals_ascii(t->name(), name)) return t;
    return nullptr;
  }
  std::string names() const {
    std::string out;
    for (const auto& t : tables_) out += (out.empty() ? "" : ", ") + t->name();
    return out;
  }

 private:
  std::vector<SimTablePtr> tables_;
};

}  // namespace

struct Dataset::Impl {
  explicit Impl(DatasetOptions o)
      : options(o),
        core(std::make_shared<dataset::DatasetCore>(o.seed, o.orders, o.now)),
        salesforce(std::make_shared<NamedCatalog>(
            std::vector<SimTablePtr>{dataset::make_account_table(core), dataset::make_order_table(core)})),
        netsuite(std::make_shared<NamedCatalog>(std::vector<SimTablePtr>{
            dataset::make_customer_table(core), dataset::make_currency_table(), dataset::make_transaction_table(core),
            dataset::make_transaction_line_table(core), dataset::make_sales_tax_item_table()})),
        sap(std::make_shared<NamedCatalog>(dataset::make_sap_tables(core))),
        oracle(std::make_shared<NamedCatalog>(dataset::make_oracle_tables(core))),
        ebs(std::make_shared<NamedCatalog>(dataset::make_ebs_tables(core))),
        portals(std::make_shared<PortalDirectory>(core)) {}

  std::string mutate(const Mutation& m, std::string* created_id);
  std::string insert_late(bool salesforce_order, const Mutation& m, std::string* created_id);
  std::string mutate_erp(const dataset::ErpObjects& erp, const NamedCatalog& catalog, const Mutation& m,
                         std::string* created_id);
  const NamedCatalog* erp_catalog(std::string_view erp) const {
    return iequals_ascii(erp, "sap") ? sap.get() : iequals_ascii(erp, "oracle") ? oracle.get()
                                     : iequals_ascii(erp, "ebs")  ? ebs.get() : nullptr;
  }

  DatasetOptions options;
  std::shared_ptr<dataset::DatasetCore> core;
  std::shared_ptr<const NamedCatalog> salesforce, netsuite, sap, oracle, ebs;
  std::shared_ptr<const PortalDirectory> portals;
  mutable std::shared_mutex mutation_mutex;  // exclusive: mutate; shared: answer key
  std::atomic<std::uint64_t> version{0};
  mutable std::mutex cache_mutex;
  mutable std::uint64_t cached_version = ~0ULL;
  mutable std::map<bool, std::vector<dataset::ExpectedException>> cached_exceptions;  // by "pushes to portals"
  mutable std::map<std::string, std::string> cached_answer_keys;  // by ERP
};

std::string Dataset::Impl::mutate(const Mutation& m, std::string* created_id) {
  const bool touch = m.action == "touch", remove = m.action == "delete", restore = m.action == "undelete",
             late = m.action == "insert_late";
  if (!touch && !remove && !restore && !late)
    return fmt::format("unknown action '{}' (expected touch, delete, undelete or insert_late)", m.action);
  const bool is_sf = iequals_ascii(m.system, "salesforce");
  if (const NamedCatalog* erp = erp_catalog(m.system)) return mutate_erp(*dataset::erp_objects(m.system), *erp, m, created_id);
  if (!is_sf && !iequals_ascii(m.system, "netsuite"))
    return fmt::format("unknown system '{}' (expected salesforce, netsuite, sap, oracle or ebs)", m.system);
  const NamedCatalog& catalog = is_sf ? *salesforce : *netsuite;
  const SimTablePtr table = catalog.table(m.object);
  if (!table) return fmt::format("unknown {} object '{}' (expected one of {})", m.system, m.object, catalog.names());

  const std::string& name = table->name();
  dataset::TableState* state = name == "Account" ? &core->accounts
                               : name == "Order" ? &core->orders
                               : name == "customer" ? &core->customers
                               : name == "transaction" ? &core->documents
                                                       : nullptr;
  const bool rows_with_deletion = name == "Order" || name == "transaction";
  if (!state || ((remove || restore || late) && !rows_with_deletion))
    return fmt::format("{} is not supported for {} {} (supported: touch on Account, Order, customer, transaction; "
                       "delete, undelete and insert_late on salesforce Order and netsuite transaction)",
                       m.action, m.system, name);
  if (late) return insert_late(name == "Order", m, created_id);

  const auto row = table->find(m.id);
  if (!row) return fmt::format("no {} {} with id '{}'", m.system, name, m.id);
  std::uint8_t flags = state->flags(*row) | dataset::TableState::kTouched;
  if (remove) flags |= static_cast<std::uint8_t>(dataset::TableState::kDeletedSet | dataset::TableState::kDeletedValue);
  if (restore)
    flags = static_cast<std::uint8_t>((flags | dataset::TableState::kDeletedSet) & ~dataset::TableState::kDeletedValue);
  state->set_flags(*row, flags);
  if (created_id) *created_id = m.id;
  return "";
}

// An ERP object names a NetSuite record by its id: the invoice and payment
// objects stand for `transaction`, the customer object for `customer`.
std::string Dataset::Impl::mutate_erp(const dataset::ErpObjects& erp, const NamedCatalog& catalog, const Mutation& m,
                                      std::string* created_id) {
  const bool invoice = iequals_ascii(m.object, erp.invoice), payment = iequals_ascii(m.object, erp.payment),
             customer = iequals_ascii(m.object, erp.customer);
  if (!invoice && !payment && !customer)
    return fmt::format("unknown {} object '{}' for mutations (expected {}, {} or {})", erp.erp, m.object, erp.invoice,
                       erp.payment, erp.customer);
  const std::string_view object = invoice ? erp.invoice : payment ? erp.payment : erp.customer;
  if (m.action == "insert_late" && !invoice)
    return fmt::format("insert_late is not supported for {} {} (only for {})", erp.erp, object, erp.invoice);
  if (m.action != "insert_late" && !catalog.table(object)->find(m.id))
    return fmt::format("no {} {} with id '{}'", erp.erp, object, m.id);
  return mutate(Mutation{m.action, "netsuite", customer ? "customer" : "transaction", m.id}, created_id);
}

// A new last row: an order (signed, not invoiced), or an invoice for the full
// amount of the order named by `m.id` (the last order row when empty).
std::string Dataset::Impl::insert_late(bool salesforce_order, const Mutation& m, std::string* created_id) {
  const dataset::Business& b = core->business;
  std::optional<std::size_t> row;
  if (salesforce_order) {
    row = core->orders.append(0);
    if (row && created_id) *created_id = b.order_id(*row);
  } else {
    std::optional<std::size_t> bill;
    if (m.id.empty()) {
      if (core->orders.size() == 0) return "insert_late on netsuite transaction: there is no order to bill";
      bill = core->orders.size() - 1;
    } else {
      bill = b.order_row(m.id);
      if (!bill || *bill >= core->orders.size())
        return fmt::format("insert_late on netsuite transaction: no salesforce Order with id '{}' to bill", m.id);
    }
    row = core->documents.append(static_cast<std::uint32_t>(*bill));
    if (row && created_id) *created_id = std::to_string(b.doc_number(*row));
  }
  if (!row)
    return fmt::format("insert_late on {} {}: at most {} late rows per table", m.system, m.object,
                       dataset::TableState::kMaxLateRows);
  return "";
}

Dataset::Dataset(DatasetOptions options) : impl_(std::make_unique<Impl>(options)) {}
Dataset::~Dataset() = default;

const DatasetOptions& Dataset::options() const { return impl_->options; }
std::shared_ptr<const SimCatalog> Dataset::salesforce() const { return impl_->salesforce; }
std::shared_ptr<const SimCatalog> Dataset::netsuite() const { return impl_->netsuite; }
std::shared_ptr<const SimCatalog> Dataset::sap() const { return impl_->sap; }
std::shared_ptr<const SimCatalog> Dataset::oracle() const { return impl_->oracle; }
std::shared_ptr<const SimCatalog> Dataset::ebs() const { return impl_->ebs; }

std::string Dataset::answer_key_json(std::string_view erp) const {
  const dataset::ErpObjects* names = dataset::erp_objects(erp);
  if (!names) fail(Error::Kind::config, "unknown ERP '{}' for the answer key (expected netsuite, sap, oracle or ebs)", erp);
  std::shared_lock read(impl_->mutation_mutex);
  std::lock_guard cache(impl_->cache_mutex);
  const std::uint64_t version = impl_->version.load();
  if (impl_->cached_version != version) {
    impl_->cached_exceptions.clear();
    impl_->cached_answer_keys.clear();
    impl_->cached_version = version;
  }
  // The demos of the ERPs whose example mappings read invoice lines push to the portals.
  auto& exceptions = impl_->cached_exceptions[names->pushes];
  if (exceptions.empty())
    exceptions = dataset::compute_answer_key(*impl_->salesforce, *impl_->netsuite, impl_->options.now,
                                             names->pushes ? impl_->portals.get() : nullptr);
  auto [at, added] = impl_->cached_answer_keys.try_emplace(std::string(names->erp));
  if (added) {
    const dataset::AnswerKeyHeader header{impl_->options.seed, impl_->options.orders, impl_->core->business.now()};
    at->second = names->erp == "netsuite"
                     ? dataset::answer_key_json(header, exceptions)
                     : dataset::answer_key_json(header, dataset::name_for_erp(exceptions, *names,
                                                                              *impl_->netsuite->table("transaction")));
  }
  return at->second;
}

std::string Dataset::mutate(const Mutation& m, std::string* created_id) {
  std::unique_lock write(impl_->mutation_mutex);
  std::string error = impl_->mutate(m, created_id);
  if (error.empty()) impl_->version.fetch_add(1);
  return error;
}

std::shared_ptr<const PortalDirectory> Dataset::portals() const { return impl_->portals; }

std::vector<PlantedCase> Dataset::planted() const {
  return dataset::planted_cases(impl_->core->business, impl_->portals.get());
}

}  // namespace o2c::sim
