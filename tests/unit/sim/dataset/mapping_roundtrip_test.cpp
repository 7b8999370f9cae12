// The generated records through the real example mappings: each row written
// as the wire carries it (Salesforce: JSON types; NetSuite: the mapping's
// select aliases, every value a string, nulls omitted) and mapped by
// o2c::mapping. The records planted DATA_INVALID must fail, all others map.
//
// Needs o2c_mapping linked into sim_dataset_test (tests/unit/sim/CMakeLists.txt
// defines O2C_SIM_DATASET_TEST_WITH_MAPPING when it does).
#include <gtest/gtest.h>

#ifdef O2C_SIM_DATASET_TEST_WITH_MAPPING

#include <fmt/format.h>

#include "mapping/mapper.h"
#include "tests/unit/sim/dataset/dataset_test_support.h"

namespace o2c::sim {
namespace {

using namespace testing_support;

void append_string(std::string& out, std::string_view s) {
  out.push_back('"');
  for (const char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\'), out.push_back(c);
    else if (static_cast<unsigned char>(c) < 0x20) out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
    else out.push_back(c);  // bytes >= 0x80 raw, valid UTF-8 or not, as the simulator sends them
  }
  out.push_back('"');
}

std::string date_text(SimDate d) {
  const std::chrono::year_month_day ymd{d};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

std::string time_text(SimTime t, bool salesforce) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::hh_mm_ss<std::chrono::milliseconds> hms{t - day};
  return fmt::format("{}T{:02}:{:02}:{:02}{}", date_text(day), hms.hours().count(), hms.minutes().count(),
                     hms.seconds().count(), salesforce ? ".000+0000" : "Z");
}

// Salesforce REST: null, booleans, numbers as their exact text, strings.
std::string salesforce_json(const SimValue& v) {
  std::string out;
  if (std::holds_alternative<std::monostate>(v)) out = "null";
  else if (const auto* b = std::get_if<bool>(&v)) out = *b ? "true" : "false";
  else if (const auto* d = std::get_if<Decimal>(&v)) out = d->text;
  else if (const auto* s = std::get_if<std::string>(&v)) append_string(out, *s);
  else if (const auto* day = std::get_if<SimDate>(&v)) append_string(out, date_text(*day));
  else append_string(out, time_text(std::get<SimTime>(v), true));
  return out;
}

// SuiteQL: every value a string (TO_CHAR'd dates as the mappings format them), null → omitted.
std::optional<std::string> netsuite_text(const SimValue& v) {
  if (std::holds_alternative<std::monostate>(v)) return std::nullopt;
  if (const auto* b = std::get_if<bool>(&v)) return *b ? "T" : "F";
  if (const auto* d = std::get_if<Decimal>(&v)) return d->text;
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* day = std::get_if<SimDate>(&v)) return date_text(*day);
  return time_text(std::get<SimTime>(v), false);
}

std::vector<connectors::RawRecord> salesforce_records(const SimTable& t) {
  std::vector<connectors::RawRecord> out;
  for (std::size_t row = 0; row < t.size(); ++row) {
    const std::string id = text(t, row, "Id");
    std::string body = fmt::format(R"({{"attributes":{{"type":"{}","url":"/services/data/v59.0/sobjects/{}/{}"}})",
                                   t.name(), t.name(), id);
    for (std::size_t col = 0; col < t.columns().size(); ++col) {
      body += ",";
      append_string(body, t.columns()[col].name);
      body += ":" + salesforce_json(t.value(row, col));
    }
    out.push_back({id, body + "}", {}, ""});
  }
  return out;
}

// alias → cell of the row (the mapping's select list, joins resolved by the caller).
using Select = std::vector<std::pair<std::string, SimValue>>;

connectors::RawRecord netsuite_record(const Select& select) {
  std::string body = "{\"links\":[]";
  std::string id;
  for (const auto& [alias, value] : select) {
    const auto text = netsuite_text(value);
    if (!text) continue;
    if (alias == "id") id = *text;
    body += ",";
    append_string(body, alias);
    body += ":";
    append_string(body, *text);
  }
  return {id, body + "}", {}, ""};
}

struct Mapped {
  std::size_t records = 0;
  std::set<std::string> invalid;  // "source/object/external_id"
};

Mapped map_with(const std::string& mapping_file, const std::string& source,
                const std::vector<connectors::RawRecord>& records) {
  const auto mapper = mapping::load_mapping(std::filesystem::path(O2C_SOURCE_DIR) / "examples/mappings" / mapping_file);
  const mapping::MapResult result = mapper->map_all(records, source);
  Mapped out;
  out.records = result.records.size();
  for (const auto& bad : result.invalid) out.invalid.insert(bad.source + "/" + bad.object + "/" + bad.external_id);
  return out;
}

class MappingRoundTrip : public ::testing::Test {
 protected:
  MappingRoundTrip() : ds_(options(2000, 17)), planted_(answer_key_sets(ds_.answer_key_json())["DATA_INVALID"]) {}

  std::set<std::string> planted_for(std::string_view prefix) const {
    std::set<std::string> out;
    for (const auto& key : planted_) if (key.starts_with(prefix)) out.insert(key);
    return out;
  }

  std::string symbol(const SimValue& currency_id) const {
    const auto currency = table(ds_, "netsuite", "currency");
    return text(*currency, currency->find(std::get<std::string>(currency_id)).value(), "symbol");
  }

  Dataset ds_;
  std::set<std::string> planted_;
};

TEST_F(MappingRoundTrip, SalesforceOrdersAndAccountsMapExceptThePlantedInvalidOnes) {
  const auto orders = table(ds_, "salesforce", "Order");
  const Mapped mapped = map_with("salesforce-order.yaml", "salesforce", salesforce_records(*orders));
  EXPECT_EQ(mapped.invalid, planted_for("salesforce/Order/"));
  EXPECT_GE(mapped.invalid.size(), 5u);
  EXPECT_EQ(mapped.records + mapped.invalid.size(), orders->size());
  const auto accounts = table(ds_, "salesforce", "Account");
  const Mapped account_map = map_with("salesforce-account.yaml", "salesforce", salesforce_records(*accounts));
  EXPECT_EQ(account_map.invalid, std::set<std::string>{});
  EXPECT_EQ(account_map.records, accounts->size());
}

TEST_F(MappingRoundTrip, NetSuiteTransactionsAndCustomersMapExceptThePlantedInvalidOnes) {
  const auto transactions = table(ds_, "netsuite", "transaction");
  const auto customers = table(ds_, "netsuite", "customer");
  std::vector<connectors::RawRecord> invoices, payments, customer_rows;
  for (std::size_t r = 0; r < transactions->size(); ++r) {
    const auto cell_of = [&](std::string_view column) { return cell(*transactions, r, column); };
    const std::string type = text(*transactions, r, "type");
    const std::size_t customer = customers->find(text(*transactions, r, "entity")).value();
    if (type == "CustPymt") {
      payments.push_back(netsuite_record({{"id", cell_of("id")}, {"tranid", cell_of("tranid")},
                                          {"trandate", cell_of("trandate")}, {"entity", cell_of("entity")},
                                          {"currency", symbol(cell_of("currency"))}, {"foreigntotal", cell_of("foreigntotal")},
                                          {"memo", cell_of("memo")}, {"voided", cell_of("voided")},
                                          {"lastmodifieddate", cell_of("lastmodifieddate")}}));
      continue;
    }
    invoices.push_back(netsuite_record(
        {{"id", cell_of("id")}, {"tranid", cell_of("tranid")}, {"type", cell_of("type")},
         {"trandate", cell_of("trandate")}, {"duedate", cell_of("duedate")}, {"entity", cell_of("entity")},
         {"currency", symbol(cell_of("currency"))}, {"foreigntotal", cell_of("foreigntotal")},
         {"foreignamountremaining", cell_of("foreignamountremaining")}, {"otherrefnum", cell_of("otherrefnum")},
         {"custbody_o2c_sf_order", cell_of("custbody_o2c_sf_order")},
         {"crm_account", cell(*customers, customer, "custentity_o2c_sf_account")}, {"voided", cell_of("voided")},
         {"lastmodifieddate", cell_of("lastmodifieddate")}}));
  }
  const Mapped invoice_map = map_with("netsuite-invoice.yaml", "netsuite", invoices);
  EXPECT_EQ(invoice_map.invalid, planted_for("netsuite/transaction/"));
  EXPECT_GE(invoice_map.invalid.size(), 2u);
  EXPECT_EQ(invoice_map.records + invoice_map.invalid.size(), invoices.size());
  const Mapped payment_map = map_with("netsuite-payment.yaml", "netsuite", payments);
  EXPECT_EQ(payment_map.invalid, std::set<std::string>{});
  EXPECT_EQ(payment_map.records, payments.size());
  EXPECT_GT(payments.size(), 100u);

  for (std::size_t a = 0; a < customers->size(); ++a) {
    const auto cell_of = [&](std::string_view column) { return cell(*customers, a, column); };
    customer_rows.push_back(netsuite_record({{"id", cell_of("id")}, {"entityid", cell_of("entityid")},
                                             {"companyname", cell_of("companyname")}, {"parent", cell_of("parent")},
                                             {"currency", symbol(cell_of("currency"))},
                                             {"custentity_o2c_sf_account", cell_of("custentity_o2c_sf_account")},
                                             {"lastmodifieddate", cell_of("lastmodifieddate")}}));
  }
  const Mapped customer_map = map_with("netsuite-customer.yaml", "netsuite", customer_rows);
  EXPECT_EQ(customer_map.invalid, std::set<std::string>{});
  EXPECT_EQ(customer_map.records, customers->size());
}

}  // namespace
}  // namespace o2c::sim

#else

TEST(MappingRoundTrip, NeedsTheMappingModuleLinked) {
  GTEST_SKIP() << "o2c_mapping is not linked into sim_dataset_test; see the comment at the top of this file";
}

#endif
