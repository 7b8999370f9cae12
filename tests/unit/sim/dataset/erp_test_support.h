// tests/unit/sim/dataset/erp_test_support.h — the NetSuite record behind an
// ERP row, read from the NetSuite tables as served, and the sign/format
// helpers the ERP cross-checks derive their expectations with.
#pragma once

#include <map>
#include <string>

#include "tests/unit/sim/dataset/dataset_test_support.h"

namespace o2c::sim::testing_support {

// One NetSuite transaction row, as the NetSuite view serves it.
struct NsDoc {
  std::size_t row = 0;
  std::string id, tranid, type, entity, currency, memo;
  SimValue total, remaining, po, order_ref, trandate, duedate, voided, modstamp;
  SimValue tax;   // taxtotal: the VAT in total (null for payments)
  SimValue net;   // total - tax: what the other ERPs show as the amount before VAT
  bool invoice() const { return type == "CustInvc"; }
  bool credit_memo() const { return type == "CustCred"; }
  bool payment() const { return type == "CustPymt"; }
  bool bad_total() const { return std::holds_alternative<std::string>(total); }
};

// NetSuite currency internal id → ISO code, from the currency table.
inline std::map<std::string, std::string> currency_symbols(const Dataset& ds) {
  const auto t = table(ds, "netsuite", "currency");
  std::map<std::string, std::string> out;
  for (std::size_t r = 0; r < t->size(); ++r) out[text(*t, r, "id")] = text(*t, r, "symbol");
  return out;
}

inline std::string decimal_text(const SimValue& v) {
  EXPECT_TRUE(std::holds_alternative<Decimal>(v));
  return std::holds_alternative<Decimal>(v) ? std::get<Decimal>(v).text : "";
}

// a - b for two decimal cells with two decimals ("120.00" - "20.00" = "100.00").
inline SimValue decimal_difference(const SimValue& a, const SimValue& b) {
  const auto cents = [](const SimValue& v) {
    std::string t = decimal_text(v);
    const bool minus = !t.empty() && t[0] == '-';
    if (minus) t.erase(0, 1);
    const auto dot = t.find('.');
    const long long whole = std::stoll(t.substr(0, dot)), frac = dot == std::string::npos ? 0 : std::stoll(t.substr(dot + 1));
    return (minus ? -1 : 1) * (whole * 100 + frac);
  };
  const long long c = cents(a) - cents(b);
  const long long m = c < 0 ? -c : c;
  return Decimal{(c < 0 ? "-" : "") + std::to_string(m / 100) + "." + (m % 100 < 10 ? "0" : "") + std::to_string(m % 100)};
}

inline NsDoc ns_doc(const SimTable& t, std::size_t row, const std::map<std::string, std::string>& symbols) {
  NsDoc d;
  d.row = row;
  d.id = text(t, row, "id");
  d.tranid = text(t, row, "tranid");
  d.type = text(t, row, "type");
  d.entity = text(t, row, "entity");
  d.currency = symbols.at(text(t, row, "currency"));
  d.memo = text(t, row, "memo");
  d.total = cell(t, row, "foreigntotal");
  d.remaining = cell(t, row, "foreignamountremaining");
  d.po = cell(t, row, "otherrefnum");
  d.order_ref = cell(t, row, "custbody_o2c_sf_order");
  d.trandate = cell(t, row, "trandate");
  d.duedate = cell(t, row, "duedate");
  d.voided = cell(t, row, "voided");
  d.modstamp = cell(t, row, "lastmodifieddate");
  d.tax = cell(t, row, "taxtotal");
  d.net = d.total;
  if (!d.bad_total() && std::holds_alternative<Decimal>(d.tax)) d.net = decimal_difference(d.total, d.tax);
  return d;
}

// SAP writes absent texts as "".
inline SimValue or_empty(const SimValue& v) { return std::holds_alternative<std::monostate>(v) ? SimValue(std::string()) : v; }

inline SimValue absolute(const SimValue& v) {
  const std::string t = decimal_text(v);
  return Decimal{!t.empty() && t[0] == '-' ? t.substr(1) : t};
}

inline SimValue negated(const SimValue& v) {
  const std::string t = decimal_text(v);
  return Decimal{!t.empty() && t[0] == '-' ? t.substr(1) : "-" + t};
}

inline bool negative(const SimValue& v) { return decimal_text(v).rfind('-', 0) == 0; }

}  // namespace o2c::sim::testing_support
