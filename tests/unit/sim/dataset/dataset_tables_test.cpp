// The served tables: names, columns and value types of DATA.md, catalogs,
// determinism, and the promises the query engines rely on (id order, find,
// modstamp order and runs, natural order).
#include <gtest/gtest.h>

#include <charconv>

#include <fmt/format.h>

#include "tests/unit/sim/dataset/dataset_test_support.h"

namespace o2c::sim {
namespace {

using namespace testing_support;
using namespace std::chrono;

std::vector<std::string> column_names(const SimTable& t) {
  std::vector<std::string> out;
  for (const auto& c : t.columns()) out.push_back(c.name);
  return out;
}

TEST(DatasetTables, HaveTheColumnsOfDataMd) {
  const Dataset ds(options(300));
  EXPECT_EQ(column_names(*table(ds, "salesforce", "Account")),
            (std::vector<std::string>{"Id", "Name", "AccountNumber", "ParentId", "BillingCountryCode", "CurrencyIsoCode",
                                      "Requires_PO__c", "CreatedDate", "SystemModstamp", "IsDeleted", "BillingStreet",
                                      "BillingCity", "BillingPostalCode"}));
  EXPECT_EQ(column_names(*table(ds, "salesforce", "Order")),
            (std::vector<std::string>{"Id", "OrderNumber", "AccountId", "Status", "StatusCode", "Type", "EffectiveDate",
                                      "EndDate", "ActivatedDate", "PoNumber", "TotalAmount", "CurrencyIsoCode",
                                      "Description", "CreatedDate", "SystemModstamp", "IsDeleted"}));
  EXPECT_EQ(column_names(*table(ds, "netsuite", "customer")),
            (std::vector<std::string>{"id", "entityid", "companyname", "parent", "currency", "custentity_o2c_sf_account",
                                      "lastmodifieddate", "vatregnumber"}));
  EXPECT_EQ(column_names(*table(ds, "netsuite", "transaction")),
            (std::vector<std::string>{"id", "tranid", "type", "trandate", "duedate", "entity", "currency", "foreigntotal",
                                      "foreignamountremaining", "otherrefnum", "custbody_o2c_sf_order", "memo", "status",
                                      "voided", "lastmodifieddate", "taxtotal"}));
  EXPECT_EQ(column_names(*table(ds, "netsuite", "transactionline")),
            (std::vector<std::string>{"uniquekey", "transaction", "id", "linesequencenumber", "mainline", "item", "memo",
                                      "quantity", "rate", "netamount", "taxcode", "taxamount", "linelastmodifieddate"}));
  EXPECT_EQ(column_names(*table(ds, "netsuite", "salestaxitem")),
            (std::vector<std::string>{"id", "itemid", "rate", "description"}));
  EXPECT_EQ(column_names(*table(ds, "netsuite", "currency")), (std::vector<std::string>{"id", "symbol", "name"}));
  const auto& order_columns = table(ds, "salesforce", "Order")->columns();
  EXPECT_EQ(order_columns[2].type, SimType::reference);
  EXPECT_EQ(order_columns[2].references, "Account");
  EXPECT_EQ(order_columns[10].type, SimType::decimal);
}

TEST(DatasetTables, CatalogsFindTablesCaseInsensitivelyAndOnlyTheirOwn) {
  const Dataset ds(options(50));
  EXPECT_EQ(ds.salesforce()->table("order")->name(), "Order");
  EXPECT_EQ(ds.salesforce()->table("ACCOUNT")->name(), "Account");
  EXPECT_EQ(ds.netsuite()->table("Transaction")->name(), "transaction");
  EXPECT_EQ(ds.salesforce()->table("transaction"), nullptr);
  EXPECT_EQ(ds.netsuite()->table("Order"), nullptr);
  EXPECT_EQ(ds.netsuite()->table("nosuchtable"), nullptr);
}

TEST(DatasetTables, SizesFollowDataMd) {
  const Dataset small(options(40)), large(options(8000));
  EXPECT_EQ(table(small, "salesforce", "Account")->size(), 20u);    // at least 20
  EXPECT_EQ(table(large, "salesforce", "Account")->size(), 1000u);  // orders / 8
  EXPECT_EQ(table(large, "netsuite", "customer")->size(), 1000u);
  EXPECT_EQ(table(large, "salesforce", "Order")->size(), 8000u);
  const double per_order = static_cast<double>(table(large, "netsuite", "transaction")->size()) / 8000.0;
  EXPECT_GT(per_order, 1.1);
  EXPECT_LT(per_order, 1.3);
  EXPECT_EQ(table(large, "netsuite", "currency")->size(), 3u);
}

TEST(DatasetTables, SameSeedGivesSameCellsAndAnotherSeedOthers) {
  const Dataset a(options(600, 7)), b(options(600, 7)), c(options(600, 8));
  std::size_t differing = 0, cells = 0;
  for (const auto& [system, name] : {std::pair{"salesforce", "Account"}, {"salesforce", "Order"}, {"netsuite", "customer"},
                                     {"netsuite", "transaction"}}) {
    const auto ta = table(a, system, name), tb = table(b, system, name), tc = table(c, system, name);
    ASSERT_EQ(ta->size(), tb->size());
    for (std::size_t row = 0; row < ta->size(); ++row)
      for (std::size_t col = 0; col < ta->columns().size(); ++col) {
        ASSERT_EQ(ta->value(row, col), tb->value(row, col)) << name << " " << row << " " << col;
        ASSERT_EQ(ta->value(row, col), ta->value(row, col));
        if (row < tc->size()) differing += ta->value(row, col) != tc->value(row, col), ++cells;
      }
  }
  EXPECT_GT(differing, cells / 4);
  EXPECT_NE(text(*table(a, "salesforce", "Order"), 0, "Id"), text(*table(c, "salesforce", "Order"), 0, "Id"));
}

TEST(DatasetTables, SalesforceIdsSortBytewiseInRowOrderAndFindRoundTrips) {
  const Dataset ds(options(5000));
  for (const auto& [name, prefix] : {std::pair{"Account", "001"}, {"Order", "801"}}) {
    const auto t = table(ds, "salesforce", name);
    std::string previous;
    for (std::size_t row = 0; row < t->size(); ++row) {
      const std::string id = text(*t, row, "Id");
      ASSERT_EQ(id.size(), 18u);
      ASSERT_EQ(id.substr(0, 3), prefix);
      ASSERT_LT(previous, id) << name << " row " << row;
      ASSERT_EQ(t->find(id), row);
      ASSERT_EQ(t->find(id.substr(0, 15)), row);
      previous = id;
    }
    EXPECT_FALSE(t->find(""));
    EXPECT_FALSE(t->find("not an id"));
  }
  const auto orders = table(ds, "salesforce", "Order");
  EXPECT_FALSE(orders->find(text(*table(ds, "salesforce", "Account"), 0, "Id")));  // an Account id
}

std::uint64_t number(const std::string& s) {
  std::uint64_t n = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  EXPECT_TRUE(ec == std::errc{} && end == s.data() + s.size()) << s;
  return n;
}

TEST(DatasetTables, NetSuiteIdsAreNumericAscendingAndFindRoundTrips) {
  const Dataset ds(options(3000));
  for (const char* name : {"customer", "transaction"}) {
    const auto t = table(ds, "netsuite", name);
    std::uint64_t previous = 0;
    for (std::size_t row = 0; row < t->size(); ++row) {
      const std::string id = text(*t, row, "id");
      ASSERT_GT(number(id), previous) << name << " row " << row;
      ASSERT_EQ(t->find(id), row);
      previous = number(id);
    }
    EXPECT_FALSE(t->find("0" + text(*t, 0, "id")));
    EXPECT_FALSE(t->find(std::to_string(previous + 1)));
    EXPECT_FALSE(t->find("12a"));
  }
  const auto transactions = table(ds, "netsuite", "transaction");
  EXPECT_EQ(text(*transactions, 0, "id"), "100001");
  const std::string tranid = text(*transactions, 0, "tranid");
  EXPECT_EQ(tranid.substr(tranid.size() - 6), "100001");
  EXPECT_EQ(table(ds, "netsuite", "currency")->find("4"), 2u);
}

// Modstamps: never decreasing, whole seconds, <= now - 2 min, runs of at most
// 2,500 equal values and at least one run that long.
void check_modstamps(const SimTable& t, std::string_view column, std::size_t* longest_run) {
  SimTime previous{};
  std::size_t run = 0;
  *longest_run = 0;
  for (std::size_t row = 0; row < t.size(); ++row) {
    const SimTime stamp = time_of(t, row, column);
    ASSERT_LE(stamp, fixed_now() - minutes(2)) << t.name() << " row " << row;
    ASSERT_EQ(stamp, floor<seconds>(stamp));
    ASSERT_GE(stamp, previous) << t.name() << " row " << row;
    run = stamp == previous ? run + 1 : 1;
    *longest_run = std::max(*longest_run, run);
    previous = stamp;
  }
}

TEST(DatasetTables, ModstampsAscendWithRowsInRunsOfAtMost2500) {
  const Dataset ds(options(12000));
  std::size_t longest = 0;
  check_modstamps(*table(ds, "salesforce", "Order"), "SystemModstamp", &longest);
  EXPECT_EQ(longest, 2500u);
  check_modstamps(*table(ds, "salesforce", "Account"), "SystemModstamp", &longest);
  check_modstamps(*table(ds, "netsuite", "customer"), "lastmodifieddate", &longest);
  check_modstamps(*table(ds, "netsuite", "transaction"), "lastmodifieddate", &longest);
  EXPECT_GT(longest, 1u);  // NetSuite has ties too
  EXPECT_LE(longest, 500u);
}

TEST(DatasetTables, AreNaturallyOrderedByPrimaryKeyAndModstampOnly) {
  const Dataset ds(options(100));
  for (const auto& [system, name, stamp] : {std::tuple{"salesforce", "Account", "SystemModstamp"},
                                            {"salesforce", "Order", "SystemModstamp"},
                                            {"netsuite", "customer", "lastmodifieddate"},
                                            {"netsuite", "transaction", "lastmodifieddate"}}) {
    const auto t = table(ds, system, name);
    EXPECT_TRUE(t->naturally_ordered_by(t->columns()[0].name)) << name;
    EXPECT_TRUE(t->naturally_ordered_by(stamp)) << name;
    EXPECT_FALSE(t->naturally_ordered_by(t->columns()[1].name)) << name;
  }
  EXPECT_TRUE(table(ds, "salesforce", "Order")->naturally_ordered_by("systemmodstamp"));
}

TEST(DatasetTables, OrderDatesSpreadOverTheLast400DaysAndFollowUpsStartAtTheEndDate) {
  const Dataset ds(options(4000));
  const auto orders = table(ds, "salesforce", "Order");
  const SimDate today = floor<days>(fixed_now());
  std::size_t future = 0;
  for (std::size_t row = 0; row < orders->size(); ++row) {
    const SimDate effective = std::get<SimDate>(cell(*orders, row, "EffectiveDate"));
    ASSERT_GE(effective, today - days(404)) << row;
    if (effective > today) ++future;
    const SimValue end = cell(*orders, row, "EndDate");
    if (const auto* e = std::get_if<SimDate>(&end)) {
      ASSERT_EQ(year_month_day{*e}.year(), year_month_day{effective}.year() + years(1));
    }
    const bool draft = text(*orders, row, "StatusCode") == "Draft";
    EXPECT_EQ(draft, std::holds_alternative<std::monostate>(cell(*orders, row, "ActivatedDate"))) << row;
  }
  EXPECT_GT(future, 0u);  // follow-up renewals signed ahead of their start
}

TEST(DatasetTables, ServeExactDecimalsAndDataMdFormats) {
  const Dataset ds(options(800));
  const auto orders = table(ds, "salesforce", "Order");
  const auto transactions = table(ds, "netsuite", "transaction");
  std::size_t trimmed = 0;
  for (std::size_t row = 0; row < orders->size(); ++row) {
    const SimValue amount = cell(*orders, row, "TotalAmount");
    if (const auto* d = std::get_if<Decimal>(&amount)) {
      const auto dot = d->text.find('.');
      ASSERT_TRUE(dot == std::string::npos || d->text.size() - dot <= 3) << d->text;
      ASSERT_NE(d->text.back(), dot == std::string::npos ? '.' : '0') << d->text;  // Salesforce drops trailing zeros
      trimmed += dot == std::string::npos;
    }
    EXPECT_EQ(text(*orders, row, "OrderNumber"), fmt::format("{:08}", row + 1));
  }
  EXPECT_GT(trimmed, 0u);
  for (std::size_t row = 0; row < transactions->size(); ++row) {
    const SimValue total = cell(*transactions, row, "foreigntotal");
    if (const auto* d = std::get_if<Decimal>(&total)) {
      ASSERT_EQ(d->text.size() - d->text.find('.'), 3u) << d->text;  // "1200.50"
      if (text(*transactions, row, "type") == "CustCred") {
        EXPECT_EQ(d->text.front(), '-');
      }
    }
  }
  EXPECT_EQ(text(*table(ds, "netsuite", "customer"), 0, "entityid"), "CUST-000001");
  EXPECT_EQ(text(*table(ds, "salesforce", "Account"), 22, "AccountNumber"), "ACC-000023");
}

TEST(DatasetTables, AccountsHaveParentsNonAsciiNamesAndMatchingCustomers) {
  const Dataset ds(options(4000));
  const auto accounts = table(ds, "salesforce", "Account");
  const auto customers = table(ds, "netsuite", "customer");
  EXPECT_EQ(text(*accounts, 0, "Name"), "Société Générale Équipements");
  EXPECT_EQ(text(*accounts, 1, "Name"), "Müller & Söhne GmbH");
  EXPECT_EQ(text(*accounts, 2, "Name"), "Telefónica Ibérica");
  std::size_t children = 0, requires_po = 0;
  const std::map<std::string, std::string> currency_of_country{{"FR", "EUR"}, {"ES", "EUR"}, {"DE", "EUR"},
                                                               {"GB", "GBP"}, {"US", "USD"}};
  const std::map<std::string, std::string> symbol_of_id{{"1", "USD"}, {"2", "GBP"}, {"4", "EUR"}};
  for (std::size_t a = 0; a < accounts->size(); ++a) {
    EXPECT_EQ(text(*customers, a, "custentity_o2c_sf_account"), text(*accounts, a, "Id"));
    EXPECT_EQ(text(*customers, a, "companyname"), text(*accounts, a, "Name"));
    const std::string currency = text(*accounts, a, "CurrencyIsoCode");
    EXPECT_EQ(currency_of_country.at(text(*accounts, a, "BillingCountryCode")), currency);
    EXPECT_EQ(symbol_of_id.at(text(*customers, a, "currency")), currency);
    const std::string parent = text(*accounts, a, "ParentId");
    if (!parent.empty()) {
      ++children;
      const auto p = accounts->find(parent);
      ASSERT_TRUE(p.has_value());
      EXPECT_LT(*p, a);
      EXPECT_EQ(text(*accounts, *p, "ParentId"), "");  // one level
      EXPECT_EQ(text(*customers, a, "parent"), text(*customers, *p, "id"));
    }
    requires_po += std::get<bool>(cell(*accounts, a, "Requires_PO__c"));
  }
  EXPECT_GT(children, accounts->size() / 20);
  EXPECT_LT(children, accounts->size() / 5);
  EXPECT_GT(requires_po, accounts->size() * 3 / 10);
  EXPECT_LT(requires_po, accounts->size() / 2);
}

TEST(DatasetTables, RejectCellsOutOfRange) {
  const Dataset ds(options(10));
  const auto orders = table(ds, "salesforce", "Order");
  EXPECT_THROW(orders->value(orders->size(), 0), std::out_of_range);
  EXPECT_THROW(orders->value(0, orders->columns().size()), std::out_of_range);
  const Dataset empty(options(0));
  EXPECT_EQ(table(empty, "salesforce", "Order")->size(), 0u);
  EXPECT_EQ(table(empty, "netsuite", "transaction")->size(), 0u);
}

}  // namespace
}  // namespace o2c::sim
