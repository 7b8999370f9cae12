#include "sim/salesforce/salesforce_query.h"

#include <fmt/format.h>

#include <charconv>

#include "sim/salesforce/salesforce_error.h"
#include "sim/salesforce/salesforce_records.h"
#include "sim/salesforce/soql_parser.h"

namespace o2c::sim::salesforce {

namespace {

[[noreturn]] void invalid_locator() { throw ApiError(400, "INVALID_QUERY_LOCATOR", "invalid query locator"); }

}  // namespace

QueryService::QueryService(std::shared_ptr<const SimCatalog> catalog, std::size_t max_locators,
                           std::chrono::milliseconds locator_idle)
    : catalog_(std::move(catalog)), locators_(max_locators, locator_idle) {}

SimReply QueryService::run(std::string_view version, bool all_rows, std::string_view soql, std::size_t batch_size,
                           Timestamp now) {
  if (soql.find_first_not_of(" \t\r\n") == std::string_view::npos)
    throw ApiError(400, "MALFORMED_QUERY", "SOQL statements cannot be empty or null");
  const soql::Query query = soql::parse_query(soql);
  OpenQuery open{std::make_shared<soql::ResultSet>(soql::plan_query(query, *catalog_, all_rows)), all_rows, batch_size};
  return page(version, open, 0, "", now);
}

SimReply QueryService::more(std::string_view version, std::string_view locator, Timestamp now) {
  const auto dash = locator.rfind('-');
  if (dash == std::string_view::npos) invalid_locator();
  std::size_t offset = 0;
  const std::string_view digits = locator.substr(dash + 1);
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), offset);
  if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size()) invalid_locator();
  const std::string id(locator.substr(0, dash));
  const auto open = locators_.find(id, now);
  if (!open || offset > open->results->total()) invalid_locator();
  return page(version, *open, offset, id, now);
}

SimReply QueryService::page(std::string_view version, const OpenQuery& query, std::size_t offset,
                            const std::string& locator_id, Timestamp now) {
  soql::ResultSet& results = *query.results;
  const soql::QueryPlan& plan = results.plan();
  const auto batch = results.fetch(offset, query.batch_size);
  std::string body = fmt::format("{{\"totalSize\":{},\"done\":{}", results.total(), batch.done ? "true" : "false");
  if (!batch.done) {
    const std::string id = locator_id.empty() ? locators_.open(query, now) : locator_id;
    fmt::format_to(std::back_inserter(body), ",\"nextRecordsUrl\":\"/services/data/v{}/{}/{}-{}\"", version,
                   query.all_rows ? "queryAll" : "query", id, offset + batch.rows.size());
  }
  body += ",\"records\":[";
  for (std::size_t i = 0; i < batch.rows.size(); ++i) {
    if (i > 0) body += ',';
    append_record(body, *plan.table, batch.rows[i], plan.select, version);
  }
  body += "]}";
  return json_reply(200, std::move(body));
}

}  // namespace o2c::sim::salesforce
