// A small CRM (Account, Order) as VectorTables with the awkward cases the
// dataset plants: a child account, a deleted order, an order without account,
// one pointing to a missing account, a string and a boolean in the decimal
// TotalAmount column, and invalid UTF-8 in a PoNumber.
#pragma once

#include "sf_test_support.h"

namespace o2c::sim::salesforce::testing {

inline const std::string kAcme = "001000000000000001AAA";
inline const std::string kMuller = "001000000000000002AAA";
inline const std::string kSociete = "001000000000000003AAA";
inline std::string order_id(int n) { return fmt::format("8010000000000000{:02}AAA", n); }

inline std::shared_ptr<VectorTable> crm_accounts() {
  std::vector<SimColumn> columns{{"Id", SimType::id, "", "Account ID"},
                                 {"Name", SimType::text, "", "Account Name"},
                                 {"ParentId", SimType::reference, "Account", "Parent Account ID"},
                                 {"Requires_PO__c", SimType::boolean, "", "Requires PO"},
                                 {"SystemModstamp", SimType::datetime, "", "System Modstamp"},
                                 {"IsDeleted", SimType::boolean, "", "Deleted"}};
  const SimValue null;
  std::vector<std::vector<SimValue>> rows{
      {kAcme, std::string("Acme Corp"), null, true, at("2026-04-01T08:00:00Z"), false},
      {kMuller, std::string("M\xc3\xbcller & S\xc3\xb6hne GmbH"), kAcme, false, at("2026-04-02T08:00:00Z"), false},
      {kSociete, std::string("Soci\xc3\xa9t\xc3\xa9 G\xc3\xa9n\xc3\xa9rale \xc3\x89quipements"), null, true,
       at("2026-04-03T08:00:00Z"), false}};
  return std::make_shared<VectorTable>("Account", std::move(columns), std::move(rows));
}

inline std::shared_ptr<VectorTable> crm_orders() {
  std::vector<SimColumn> columns{{"Id", SimType::id, "", "Order ID"},
                                 {"OrderNumber", SimType::text, "", "Order Number"},
                                 {"AccountId", SimType::reference, "Account", "Account ID"},
                                 {"Bill_To__c", SimType::reference, "Account", "Bill To"},
                                 {"StatusCode", SimType::text, "", "Status Category"},
                                 {"EffectiveDate", SimType::date, "", "Order Start Date"},
                                 {"ActivatedDate", SimType::datetime, "", "Activated Date"},
                                 {"TotalAmount", SimType::decimal, "", "Order Amount"},
                                 {"PoNumber", SimType::text, "", "PO Number"},
                                 {"SystemModstamp", SimType::datetime, "", "System Modstamp"},
                                 {"IsDeleted", SimType::boolean, "", "Deleted"}};
  const SimValue null;
  const auto ts = [](const char* s) { return SimValue{at(s)}; };
  const auto money = [](const char* s) { return SimValue{Decimal{s}}; };
  std::vector<std::vector<SimValue>> rows{
      {order_id(1), std::string("00000001"), kAcme, kMuller, std::string("Activated"), day("2026-01-15"),
       ts("2026-01-15T09:00:00Z"), money("1200.50"), std::string("PO-2026-000001"), ts("2026-05-01T10:00:00Z"), false},
      {order_id(2), std::string("00000002"), kMuller, null, std::string("Draft"), day("2026-02-01"), null, money("980"),
       null, ts("2026-05-01T10:00:00Z"), false},
      {order_id(3), std::string("00000003"), kSociete, null, std::string("Activated"), day("2026-02-10"),
       ts("2026-02-10T09:00:00Z"), money("45.5"), std::string("PO-X"), ts("2026-05-02T10:00:00Z"), true},
      {order_id(4), std::string("00000004"), null, null, std::string("Activated"), day("2026-03-01"),
       ts("2026-03-01T09:00:00Z"), std::string("12,50 EUR"), std::string("PO-\xff\xfe-BAD"),
       ts("2026-05-03T10:00:00.250Z"), false},
      {order_id(5), std::string("00000005"), kAcme, null, std::string("Activated"), day("2026-03-05"),
       ts("2026-03-05T09:00:00Z"), money("-3"), std::string("po 2026 000005"), ts("2026-05-04T10:00:00Z"), false},
      {order_id(6), std::string("00000006"), std::string("001999999999999999AAA"), null, std::string("Activated"),
       day("2026-03-06"), ts("2026-03-06T09:00:00Z"), true, std::string("Line1\nLine2 \"quoted\" \\ tab\t"),
       ts("2026-05-05T10:00:00Z"), false}};
  return std::make_shared<VectorTable>("Order", std::move(columns), std::move(rows));
}

inline std::shared_ptr<TestCatalog> crm_catalog() {
  auto catalog = std::make_shared<TestCatalog>();
  catalog->add(crm_accounts());
  catalog->add(crm_orders());
  return catalog;
}

}  // namespace o2c::sim::salesforce::testing
