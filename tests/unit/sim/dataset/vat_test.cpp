// VAT in the simulated business (DATA.md "VAT"): the French seller charges
// 20 % to French customers (exempt training aside), nothing to EU customers
// (reverse charge) or outside the EU (export); totals include the VAT, the
// lines and tax codes say why, and payments pay the total.
#include <gtest/gtest.h>

#include <map>

#include "tests/unit/sim/dataset/erp_test_support.h"

namespace o2c::sim {
namespace {

using namespace testing_support;

long long cents_of(const SimValue& v) {
  std::string t = decimal_text(v);
  const bool minus = !t.empty() && t[0] == '-';
  if (minus) t.erase(0, 1);
  const auto dot = t.find('.');
  const long long c = std::stoll(t.substr(0, dot)) * 100 + (dot == std::string::npos ? 0 : std::stoll(t.substr(dot + 1)));
  return minus ? -c : c;
}

TEST(SimulatedVat, TaxFollowsTheCustomersCountryAndTotalsIncludeIt) {
  const Dataset ds(options(3000));
  const auto tx = table(ds, "netsuite", "transaction"), lines = table(ds, "netsuite", "transactionline"),
             customers = table(ds, "netsuite", "customer"), accounts = table(ds, "salesforce", "Account"),
             taxes = table(ds, "netsuite", "salestaxitem");
  const auto symbols = currency_symbols(ds);
  std::map<std::string, int> seen;  // tax item → documents
  std::size_t line = 0;
  for (std::size_t r = 0; r < tx->size(); ++r) {
    const NsDoc d = ns_doc(*tx, r, symbols);
    if (d.payment()) {
      EXPECT_EQ(d.tax, SimValue()) << d.id;
      continue;
    }
    SCOPED_TRACE(d.id);
    const std::size_t l = line++;
    ASSERT_EQ(text(*lines, l, "transaction"), d.id);
    const std::string item = text(*lines, l, "taxcode");
    ++seen[item];
    const auto customer = customers->find(d.entity);
    const auto account = accounts->find(text(*customers, *customer, "custentity_o2c_sf_account"));
    const std::string country = text(*accounts, *account, "BillingCountryCode");
    const std::string code = text(*taxes, *taxes->find(item), "itemid");
    if (country == "FR") {
      EXPECT_TRUE(code == "FR-S-20" || code == "FR-E-0") << code;
    } else if (country == "DE" || country == "ES") {
      EXPECT_EQ(code, "EU-RC-0");
    } else {
      EXPECT_EQ(code, "EXPORT-0");
    }
    if (d.bad_total()) continue;
    const long long net = cents_of(cell(*lines, l, "netamount")), tax = cents_of(d.tax);
    EXPECT_EQ(cents_of(d.total), net + tax);
    const long long expected = code == "FR-S-20" ? (std::llabs(net) * 20 + 50) / 100 * (net < 0 ? -1 : 1) : 0;
    EXPECT_EQ(tax, expected);
    EXPECT_EQ(cents_of(cell(*lines, l, "taxamount")), tax);
  }
  EXPECT_GT(seen["5"], 200);   // FR standard
  EXPECT_GT(seen["6"], 3);     // FR exempt training
  EXPECT_GT(seen["7"], 300);   // reverse charge
  EXPECT_GT(seen["8"], 300);   // export
}

TEST(SimulatedVat, APaymentPaysTheTotalOfItsInvoiceVatIncluded) {
  const Dataset ds(options(3000));
  const auto tx = table(ds, "netsuite", "transaction");
  const auto symbols = currency_symbols(ds);
  int checked = 0;
  for (std::size_t r = 1; r < tx->size(); ++r) {
    const NsDoc d = ns_doc(*tx, r, symbols);
    if (!d.payment()) continue;
    const NsDoc invoice = ns_doc(*tx, r - 1, symbols);
    ASSERT_EQ(d.memo, "Remittance " + invoice.tranid);
    EXPECT_EQ(d.total, invoice.total) << d.id;
    if (cents_of(invoice.tax) != 0) ++checked;
  }
  EXPECT_GT(checked, 50);
}

TEST(SimulatedVat, EuCustomersHaveVatIdsButAFewWereNeverEntered) {
  const Dataset ds(options(8000));
  const auto customers = table(ds, "netsuite", "customer"), accounts = table(ds, "salesforce", "Account");
  int eu = 0, missing = 0;
  for (std::size_t r = 0; r < customers->size(); ++r) {
    const std::string country = text(*accounts, r, "BillingCountryCode");
    const SimValue vat = cell(*customers, r, "vatregnumber");
    if (country == "US") {
      EXPECT_EQ(vat, SimValue());
      continue;
    }
    if (country == "FR" || country == "GB") {
      ASSERT_TRUE(std::holds_alternative<std::string>(vat));
      EXPECT_EQ(std::get<std::string>(vat).substr(0, 2), country);
      continue;
    }
    ++eu;
    if (std::holds_alternative<std::monostate>(vat)) ++missing;
    else EXPECT_EQ(std::get<std::string>(vat).substr(0, 2), country);
    EXPECT_FALSE(text(*accounts, r, "BillingStreet").empty());
    EXPECT_FALSE(text(*accounts, r, "BillingCity").empty());
    EXPECT_EQ(text(*accounts, r, "BillingPostalCode").size(), 5u);
  }
  EXPECT_GT(eu, 200);
  EXPECT_GT(missing, 0);
  EXPECT_LT(missing, eu / 10);
}

}  // namespace
}  // namespace o2c::sim
