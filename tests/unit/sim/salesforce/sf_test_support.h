// Shared fixtures for the simulated Salesforce tests: an in-memory catalog,
// a generated table for large sizes, a wrapper declaring natural order, and
// request helpers that talk to SalesforceApi::handle() without HTTP.
#pragma once

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cctype>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "core/time.h"
#include "sim/salesforce/salesforce_api.h"
#include "sim/sim_table.h"

namespace o2c::sim::salesforce::testing {

namespace json = boost::json;

// prefix + 15-digit row number
inline std::string generated_key(std::string_view prefix, std::size_t row) {
  return fmt::format("{}{:015}", prefix, row);
}

class TestCatalog final : public SimCatalog {
 public:
  void add(SimTablePtr table) { tables_[to_lower_ascii(table->name())] = std::move(table); }
  SimTablePtr table(std::string_view name) const override {
    const auto it = tables_.find(to_lower_ascii(name));
    return it == tables_.end() ? nullptr : it->second;
  }

 private:
  std::map<std::string, SimTablePtr> tables_;
};

// Rows computed on the fly: value(row, col) = cell(row, col). Primary keys are
// `prefix` + 15-digit row number, so their string order is the position order.
class GeneratedTable final : public SimTable {
 public:
  using Cell = std::function<SimValue(std::size_t row, std::size_t col)>;
  GeneratedTable(std::string name, std::string prefix, std::vector<SimColumn> columns, std::size_t rows, Cell cell,
                 std::set<std::string> ordered_by)
      : name_(std::move(name)),
        prefix_(std::move(prefix)),
        columns_(std::move(columns)),
        rows_(rows),
        cell_(std::move(cell)),
        ordered_by_(std::move(ordered_by)) {}
  const std::string& name() const override { return name_; }
  const std::vector<SimColumn>& columns() const override { return columns_; }
  std::size_t size() const override { return rows_; }
  SimValue value(std::size_t row, std::size_t col) const override { return cell_(row, col); }
  std::optional<std::size_t> find(std::string_view key) const override {
    if (!key.starts_with(prefix_)) return std::nullopt;
    std::size_t row = 0;
    for (const char c : key.substr(prefix_.size())) {
      if (c < '0' || c > '9') return std::nullopt;
      row = row * 10 + static_cast<std::size_t>(c - '0');
    }
    if (row >= rows_) return std::nullopt;
    return row;
  }
  bool naturally_ordered_by(std::string_view column) const override {
    return ordered_by_.contains(std::string(column));
  }
  std::string key(std::size_t row) const { return generated_key(prefix_, row); }

 private:
  std::string name_, prefix_;
  std::vector<SimColumn> columns_;
  std::size_t rows_;
  Cell cell_;
  std::set<std::string> ordered_by_;
};

// Forwards to another table and declares the columns it is naturally ordered by.
class OrderedView final : public SimTable {
 public:
  OrderedView(SimTablePtr inner, std::set<std::string> ordered_by)
      : inner_(std::move(inner)), ordered_by_(std::move(ordered_by)) {}
  const std::string& name() const override { return inner_->name(); }
  const std::vector<SimColumn>& columns() const override { return inner_->columns(); }
  std::size_t size() const override { return inner_->size(); }
  SimValue value(std::size_t row, std::size_t col) const override { return inner_->value(row, col); }
  std::optional<std::size_t> find(std::string_view key) const override { return inner_->find(key); }
  bool naturally_ordered_by(std::string_view column) const override {
    return ordered_by_.contains(std::string(column));
  }

 private:
  SimTablePtr inner_;
  std::set<std::string> ordered_by_;
};

struct QueryPages {
  std::int64_t total_size = -1;
  std::vector<json::object> records;
  std::vector<std::string> next_urls;  // every nextRecordsUrl followed
};

inline SimTime at(std::string_view iso8601) { return parse_timestamp(iso8601); }
inline SimDate day(std::string_view iso_date) { return SimDate{parse_date(iso_date)}; }

inline std::string percent_encode(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == '~')
      out.push_back(c);
    else
      out += fmt::format("%{:02X}", u);
  }
  return out;
}

inline SimRequest get(const std::string& target, const std::string& token) {
  SimRequest r;
  r.method = "GET";
  r.target = target;
  r.host = "127.0.0.1:41234";
  if (!token.empty()) r.headers.emplace_back("authorization", "Bearer " + token);
  return r;
}

inline SimRequest post_form(const std::string& target, const std::string& body) {
  SimRequest r;
  r.method = "POST";
  r.target = target;
  r.host = "127.0.0.1:41234";
  r.headers.emplace_back("content-type", "application/x-www-form-urlencoded");
  r.body = body;
  return r;
}

inline json::value body_json(const SimReply& reply) {
  boost::system::error_code ec;
  json::value v = json::parse(reply.body, ec);
  EXPECT_FALSE(ec) << "invalid JSON: " << reply.body.substr(0, 300);
  return v;
}

inline std::string header(const SimReply& reply, std::string_view name) {
  for (const auto& [k, v] : reply.headers)
    if (to_lower_ascii(k) == to_lower_ascii(name)) return v;
  return {};
}

namespace detail {
inline std::string error_field(const SimReply& reply, std::string_view field) {
  const json::value v = body_json(reply);
  if (!v.is_array() || v.as_array().size() != 1 || !v.as_array()[0].is_object()) return {};
  const auto* f = v.as_array()[0].as_object().if_contains(field);
  return f && f->is_string() ? std::string(f->as_string()) : std::string{};
}
}  // namespace detail

inline std::string error_code(const SimReply& reply) { return detail::error_field(reply, "errorCode"); }
inline std::string error_message(const SimReply& reply) { return detail::error_field(reply, "message"); }

inline std::string token_for(SalesforceApi& api) {
  const SimReply reply =
      api.handle(post_form("/services/oauth2/token",
                           "grant_type=client_credentials&client_id=o2c-demo-client&client_secret=o2c-demo-secret"));
  EXPECT_EQ(reply.status, 200) << reply.body;
  return std::string(body_json(reply).as_object().at("access_token").as_string());
}

inline std::string query_target(std::string_view soql, bool all_rows = false) {
  return fmt::format("/services/data/v59.0/{}?q={}", all_rows ? "queryAll" : "query", percent_encode(soql));
}

// Runs `soql` through query (or queryAll) and follows nextRecordsUrl to the end.
inline QueryPages query_all_pages(SalesforceApi& api, const std::string& token, std::string_view soql,
                                  bool all_rows = false) {
  QueryPages pages;
  std::string target = query_target(soql, all_rows);
  for (int guard = 0; guard < 100'000; ++guard) {
    const SimReply reply = api.handle(get(target, token));
    EXPECT_EQ(reply.status, 200) << reply.body.substr(0, 300);
    if (reply.status != 200) break;
    const json::object page = body_json(reply).as_object();
    const std::int64_t total = page.at("totalSize").as_int64();
    if (pages.total_size >= 0) {
      EXPECT_EQ(total, pages.total_size) << "totalSize changed between pages";
    }
    pages.total_size = total;
    for (const auto& r : page.at("records").as_array()) pages.records.push_back(r.as_object());
    if (page.at("done").as_bool()) {
      EXPECT_FALSE(page.contains("nextRecordsUrl"));
      break;
    }
    target = std::string(page.at("nextRecordsUrl").as_string());
    pages.next_urls.push_back(target);
  }
  return pages;
}

}  // namespace o2c::sim::salesforce::testing
