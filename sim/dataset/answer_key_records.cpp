// Reads the served tables into the records the answer key's rules work on,
// checking each row the way the example mappings (examples/mappings/*.yaml)
// map it: a row they would reject is DATA_INVALID and is left out.
#include "sim/dataset/answer_key_records.h"

#include "sim/dataset/answer_key_row_check.h"
#include "sim/dataset/portal_directory.h"

namespace o2c::sim::dataset {

namespace {

const SimTable& table_of(const SimCatalog& catalog, std::string_view name) {
  const auto table = catalog.table(name);
  if (!table) throw Error(Error::Kind::internal, fmt::format("answer key: no table '{}'", name));
  return *table;
}

ExpectedException invalid(std::string source, std::string object, std::string id) {
  ExpectedException e;
  e.kind = "DATA_INVALID";
  e.source = std::move(source);
  e.object = std::move(object);
  e.record_id = std::move(id);
  return e;
}

// Accounts: which require a PO (salesforce-account.yaml).
void read_accounts(const SimTable& t, Currencies& currencies, KeyRecords& out) {
  const Columns c(t);
  const std::size_t id = c["Id"], modstamp = c["SystemModstamp"], deleted = c["IsDeleted"], name = c["Name"],
                    number = c["AccountNumber"], parent = c["ParentId"], country = c["BillingCountryCode"],
                    currency = c["CurrencyIsoCode"], requires_po = c["Requires_PO__c"];
  out.requires_po.assign(t.size(), 0);
  for (std::size_t row = 0; row < t.size(); ++row) {
    RowCheck r(t, row, currencies);
    const std::string account = r.text(id, true);
    r.datetime(modstamp, true);
    r.flag(deleted);
    r.text(name, true);
    r.text(number);
    r.text(parent);
    r.text(country);
    r.currency(r.text(currency));
    const bool needs_po = r.flag(requires_po);
    if (r.ok()) out.requires_po[row] = needs_po;
    else out.invalid.push_back(invalid("salesforce", "Account", account));
  }
}

// Orders (salesforce-order.yaml), one record per row.
void read_orders(const SimTable& t, Currencies& currencies, AccountNumbers& accounts, KeyRecords& out) {
  const Columns c(t);
  const std::size_t id = c["Id"], modstamp = c["SystemModstamp"], deleted = c["IsDeleted"], number = c["OrderNumber"],
                    account = c["AccountId"], po = c["PoNumber"], amount = c["TotalAmount"],
                    currency = c["CurrencyIsoCode"], status = c["StatusCode"], effective = c["EffectiveDate"],
                    end = c["EndDate"], activated = c["ActivatedDate"];
  out.order_table = &t;
  out.order_id_col = id, out.order_number_col = number, out.order_po_col = po;
  out.orders.assign(t.size(), KeyOrder{});
  for (std::size_t row = 0; row < t.size(); ++row) {
    RowCheck r(t, row, currencies);
    KeyOrder& o = out.orders[row];
    const std::string order_id = r.text(id, true);
    r.datetime(modstamp, true);
    const bool is_deleted = r.flag(deleted);
    r.text(number, true);
    const std::string account_id = r.text(account, true);
    o.has_po = !trim(r.text(po)).empty();
    const Amount total = r.money(amount, r.text(currency), true);
    o.amount = total.minor, o.currency = total.currency;
    o.is_signed = r.text(status) == "Activated" && !is_deleted;
    o.effective = r.date(effective);
    o.end = r.date(end);
    r.datetime(activated, false);
    o.valid = r.ok();
    if (o.valid) o.account = accounts.of(account_id);
    else out.invalid.push_back(invalid("salesforce", "Order", order_id));
  }
}

using CurrencySymbols = std::unordered_map<std::string, std::string>;  // currency id → ISO code

CurrencySymbols read_currencies(const SimTable& t, Currencies& currencies) {
  const Columns c(t);
  CurrencySymbols symbols{};
  for (std::size_t row = 0; row < t.size(); ++row) {
    RowCheck r(t, row, currencies);
    symbols[r.text(c["id"])] = r.text(c["symbol"]);
  }
  return symbols;
}

// Customers (netsuite-customer.yaml); one joined to an unknown currency is
// dropped by the mapping's inner JOIN, as SuiteQL would.
void read_customers(const SimTable& t, const CurrencySymbols& symbols, Currencies& currencies, KeyRecords& out) {
  const Columns c(t);
  const std::size_t id = c["id"], sf_account = c["custentity_o2c_sf_account"], currency = c["currency"],
                    modstamp = c["lastmodifieddate"], name = c["companyname"], entityid = c["entityid"],
                    parent = c["parent"];
  for (std::size_t row = 0; row < t.size(); ++row) {
    RowCheck r(t, row, currencies);
    const std::string customer = r.text(id, true);
    const auto symbol = symbols.find(r.text(currency));
    if (symbol == symbols.end()) continue;
    r.datetime(modstamp, true);
    r.text(name, true);
    r.text(entityid);
    r.text(parent);
    r.text(sf_account);
    r.currency(symbol->second);
    if (!r.ok()) out.invalid.push_back(invalid("netsuite", "customer", customer));
  }
}


// A route whose portal refuses invoices without a PO: its account requires one.
void add_portal_po_requirements(const SimTable& customers, const PortalDirectory& portals, AccountNumbers& accounts,
                                KeyRecords& out) {
  const Columns c(customers);
  const std::size_t id = c["id"], sf_account = c["custentity_o2c_sf_account"];
  for (std::size_t row = 0; row < customers.size(); ++row) {
    const auto route = portals.route(cell_text(customers, row, id));
    if (!route || !route->po_required) continue;
    const std::uint32_t account = accounts.of(cell_text(customers, row, sf_account));
    if (account < out.requires_po.size()) out.requires_po[account] = 1;
  }
}

}  // namespace

struct KeyReader::State {
  const SimTable& accounts;
  const SimTable& orders;
  const SimTable& customers;
  const SimTable& transactions;
  KeyRecords records{};
  Currencies currencies{records.currencies};
  AccountNumbers account_numbers{accounts};
  CurrencySymbols symbols{};

  // The Order row a reference names: kNone without one, kUnknownOrder when no row has that Id.
  std::uint32_t referenced_order(const std::string& ref) const {
    if (ref.empty()) return kNone;
    const auto row = exact_find(orders, ref);
    return row ? static_cast<std::uint32_t>(*row) : kUnknownOrder;
  }

  void read_transactions(const std::function<void(const KeyDocument&)>& visit);
};

// Invoices and credit memos (netsuite-invoice.yaml), payments (netsuite-payment.yaml).
void KeyReader::State::read_transactions(const std::function<void(const KeyDocument&)>& visit) {
  const SimTable& t = transactions;
  const Columns c(t);
  const std::size_t id = c["id"], type = c["type"], entity = c["entity"], currency = c["currency"],
                    modstamp = c["lastmodifieddate"], voided = c["voided"], tranid = c["tranid"],
                    total = c["foreigntotal"], trandate = c["trandate"], memo = c["memo"],
                    order_ref = c["custbody_o2c_sf_order"], po = c["otherrefnum"],
                    remaining = c["foreignamountremaining"], duedate = c["duedate"], tax = c["taxtotal"];
  const std::size_t customer_account = Columns(customers)["custentity_o2c_sf_account"];
  for (std::size_t row = 0; row < t.size(); ++row) {
    RowCheck r(t, row, currencies);
    const std::string kind = r.text(type);
    const bool payment = kind == "CustPymt";
    if (!payment && kind != "CustInvc" && kind != "CustCred") continue;  // no mapping reads it
    const auto customer = exact_find(customers, r.text(entity));
    const auto symbol = symbols.find(r.text(currency));
    if (symbol == symbols.end() || (!payment && !customer)) continue;  // dropped by the JOIN
    KeyDocument d;
    d.row = static_cast<std::uint32_t>(row);
    const std::string doc_id = r.text(id, true);
    d.id_number = numeric_id(doc_id);
    r.datetime(modstamp, true);
    const bool is_voided = r.flag(voided);
    r.text(tranid, !payment);
    r.text(entity, true);
    const Amount amount = r.money(total, symbol->second, true);
    d.amount = amount.minor, d.currency = amount.currency;
    if (!payment) d.amount -= r.money(tax, symbol->second, false).minor;  // orders are compared before VAT
    d.trandate = r.date(trandate);
    if (payment) {
      r.text(memo);
    } else {
      d.credit_memo = kind == "CustCred";
      d.account = account_numbers.of(cell_text(customers, *customer, customer_account));
      d.customer = static_cast<std::uint32_t>(*customer);
      d.referenced = referenced_order(r.text(order_ref));
      d.has_po = !trim(r.text(po)).empty();
      r.money(remaining, symbol->second, false);
      r.date(duedate);
    }
    if (!r.ok()) records.invalid.push_back(invalid("netsuite", "transaction", doc_id));
    else if (!payment && !is_voided) visit(d);
  }
}

// NetSuite internal ids compare as numbers; a non-numeric id sorts last.
std::uint64_t numeric_id(const std::string& id) {
  std::uint64_t n = 0;
  for (const char ch : id) {
    if (ch < '0' || ch > '9') return std::numeric_limits<std::uint64_t>::max();
    n = n * 10 + static_cast<std::uint64_t>(ch - '0');
  }
  return n;
}

std::string cell_text(const SimTable& t, std::size_t row, std::size_t col) {
  const SimValue v = t.value(row, col);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* d = std::get_if<Decimal>(&v)) return d->text;
  return {};
}

std::string KeyRecords::order_po(std::uint32_t row) const {
  return std::string(trim(cell_text(*order_table, row, order_po_col)));
}

std::string KeyRecords::doc_po(std::uint32_t row) const {
  return std::string(trim(cell_text(*document_table, row, doc_po_col)));
}

KeyReader::KeyReader(const SimCatalog& salesforce, const SimCatalog& netsuite, const PortalDirectory* portals)
    : state_(new State{table_of(salesforce, "Account"), table_of(salesforce, "Order"), table_of(netsuite, "customer"),
                       table_of(netsuite, "transaction")}) {
  State& s = *state_;
  read_accounts(s.accounts, s.currencies, s.records);
  if (portals) add_portal_po_requirements(s.customers, *portals, s.account_numbers, s.records);
  read_orders(s.orders, s.currencies, s.account_numbers, s.records);
  s.symbols = read_currencies(table_of(netsuite, "currency"), s.currencies);
  read_customers(s.customers, s.symbols, s.currencies, s.records);
  const Columns c(s.transactions);
  s.records.document_table = &s.transactions;
  s.records.doc_id_col = c["id"], s.records.doc_number_col = c["tranid"], s.records.doc_po_col = c["otherrefnum"];
  s.records.doc_date_col = c["trandate"];
}

KeyReader::~KeyReader() = default;

KeyRecords& KeyReader::records() { return state_->records; }

void KeyReader::for_each_document(const std::function<void(const KeyDocument&)>& visit) {
  state_->read_transactions(visit);
}

}  // namespace o2c::sim::dataset
