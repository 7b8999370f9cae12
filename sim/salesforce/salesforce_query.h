// sim/salesforce/salesforce_query.h
// The query resources: `query?q=` / `queryAll?q=` run SOQL and answer the
// first batch; `query/<locator>-<offset>` (or under queryAll) answers a later
// one. Replies are `{"totalSize":N,"done":B,"nextRecordsUrl":..,"records":[..]}`
// written straight into the body. Errors are thrown as ApiError.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/time.h"
#include "sim/salesforce/salesforce_locators.h"
#include "sim/sim_http.h"
#include "sim/sim_table.h"

namespace o2c::sim::salesforce {

class QueryService {
 public:
  QueryService(std::shared_ptr<const SimCatalog> catalog, std::size_t max_locators,
               std::chrono::milliseconds locator_idle);

  SimReply run(std::string_view version, bool all_rows, std::string_view soql, std::size_t batch_size, Timestamp now);
  // `locator` is "<id>-<offset>" as it appears at the end of nextRecordsUrl.
  SimReply more(std::string_view version, std::string_view locator, Timestamp now);
  std::size_t open_locators() const { return locators_.size(); }

 private:
  SimReply page(std::string_view version, const OpenQuery& query, std::size_t offset, const std::string& locator_id,
                Timestamp now);

  std::shared_ptr<const SimCatalog> catalog_;
  LocatorStore locators_;
};

}  // namespace o2c::sim::salesforce
