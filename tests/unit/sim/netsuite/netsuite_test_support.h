// tests/unit/sim/netsuite/netsuite_test_support.h
// Fixtures for the simulated NetSuite: generated tables (values computed
// from the row index, value() calls counted), a catalog, an RFC 5849 signer
// written here independently of sim/netsuite/netsuite_oauth, and a client
// that sends signed SuiteQL requests to NetSuiteApi::handle().
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <boost/json.hpp>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "core/time.h"
#include "sim/netsuite/netsuite_api.h"
#include "sim/netsuite/suiteql_zone.h"
#include "sim/sim_table.h"

namespace o2c::sim::netsuite::test {

// Rows computed on demand; primary key = row + 1 (as text) unless `find` says otherwise.
class GeneratedTable final : public SimTable {
 public:
  using Cell = std::function<SimValue(std::size_t row, std::size_t col)>;
  GeneratedTable(std::string name, std::vector<SimColumn> columns, std::size_t rows, Cell cell,
                 std::set<std::string> natural = {})
      : name_(std::move(name)), columns_(std::move(columns)), rows_(rows), cell_(std::move(cell)),
        natural_(std::move(natural)) {}
  const std::string& name() const override { return name_; }
  const std::vector<SimColumn>& columns() const override { return columns_; }
  std::size_t size() const override { return rows_; }
  SimValue value(std::size_t row, std::size_t col) const override {
    ++value_calls;
    return cell_(row, col);
  }
  std::optional<std::size_t> find(std::string_view key) const override {
    std::size_t id = 0;
    for (char c : key) {
      if (c < '0' || c > '9' || id > rows_) return std::nullopt;
      id = id * 10 + static_cast<std::size_t>(c - '0');
    }
    if (key.empty() || id == 0 || id > rows_) return std::nullopt;
    return id - 1;
  }
  bool naturally_ordered_by(std::string_view column) const override {
    return natural_.count(std::string(column)) > 0 && (column == "id" || !modstamp_disordered);
  }
  mutable std::atomic<std::size_t> value_calls{0};
  std::atomic<bool> modstamp_disordered{false};  // a mutation touched a row in place

 private:
  std::string name_;
  std::vector<SimColumn> columns_;
  std::size_t rows_;
  Cell cell_;
  std::set<std::string> natural_;
};

class TestCatalog final : public SimCatalog {
 public:
  void add(SimTablePtr t) { tables_[lower(t->name())] = std::move(t); }
  SimTablePtr table(std::string_view name) const override {
    const auto it = tables_.find(lower(std::string(name)));
    return it == tables_.end() ? nullptr : it->second;
  }

 private:
  static std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }
  std::map<std::string, SimTablePtr> tables_;
};

inline SimTime at(int y, unsigned m, unsigned d, int hh = 0, int mm = 0, int ss = 0) {
  using namespace std::chrono;
  return SimTime(sys_days(year{y} / month{m} / day{d})) + hours(hh) + minutes(mm) + seconds(ss);
}

// The same fields as wall-clock time (no zone).
inline WallTime wall(int y, unsigned m, unsigned d, int hh = 0, int mm = 0, int ss = 0) {
  return WallTime(at(y, m, d, hh, mm, ss).time_since_epoch());
}

// ---- an independent RFC 5849 signer -------------------------------------

inline std::string pct(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~')
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

inline std::string hmac_b64(const std::string& key, const std::string& text) {
  unsigned char mac[64];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(text.data()),
       text.size(), mac, &len);
  std::string b64(((len + 2) / 3) * 4 + 1, '\0');
  b64.resize(static_cast<std::size_t>(EVP_EncodeBlock(reinterpret_cast<unsigned char*>(b64.data()), mac,
                                                      static_cast<int>(len))));
  return b64;
}

struct Credentials {
  std::string realm = "1234567_SB1";
  std::string consumer_key = "o2c-demo-ck", consumer_secret = "o2c-demo-cs";
  std::string token = "o2c-demo-tid", token_secret = "o2c-demo-ts";
  std::string method = "HMAC-SHA256";
};

// The Authorization header for `verb url_base?query` (query given decoded).
inline std::string sign(const Credentials& c, const std::string& verb, const std::string& url_base,
                        const std::vector<std::pair<std::string, std::string>>& query, const std::string& nonce,
                        long timestamp, bool reverse_order = false) {
  std::vector<std::pair<std::string, std::string>> oauth = {
      {"oauth_consumer_key", c.consumer_key}, {"oauth_token", c.token}, {"oauth_signature_method", c.method},
      {"oauth_timestamp", std::to_string(timestamp)}, {"oauth_nonce", nonce}, {"oauth_version", "1.0"}};
  std::vector<std::string> pairs;
  for (const auto& [k, v] : query) pairs.push_back(pct(k) + "=" + pct(v));
  for (const auto& [k, v] : oauth) pairs.push_back(pct(k) + "=" + pct(v));
  std::sort(pairs.begin(), pairs.end());
  std::string joined;
  for (const auto& p : pairs) joined += (joined.empty() ? "" : "&") + p;
  const std::string base = verb + "&" + pct(url_base) + "&" + pct(joined);
  oauth.emplace_back("oauth_signature", hmac_b64(pct(c.consumer_secret) + "&" + pct(c.token_secret), base));
  if (reverse_order) std::reverse(oauth.begin(), oauth.end());
  std::string header = "OAuth realm=\"" + c.realm + "\"";
  for (const auto& [k, v] : oauth) header += ", " + k + "=\"" + pct(v) + "\"";
  return header;
}

// ---- a client of NetSuiteApi::handle() ------------------------------------

inline const Timestamp kNow = at(2026, 11, 24, 12, 0, 0);

struct Client {
  explicit Client(NetSuiteApi& a) : api(a) {}
  NetSuiteApi& api;
  Credentials creds;
  long clock_seconds = std::chrono::duration_cast<std::chrono::seconds>(kNow.time_since_epoch()).count();
  std::string host = "127.0.0.1:41234";
  std::string prefer = "transient";
  int nonce = 0;

  SimRequest request(const std::string& q, std::size_t limit, std::size_t offset) {
    const std::vector<std::pair<std::string, std::string>> query = {{"limit", std::to_string(limit)},
                                                                    {"offset", std::to_string(offset)}};
    SimRequest r;
    r.method = "POST";
    r.target = fmt::format("/services/rest/query/v1/suiteql?limit={}&offset={}", limit, offset);
    r.host = host;
    boost::json::object body;
    body["q"] = q;
    r.body = boost::json::serialize(body);
    r.headers = {{"authorization", sign(creds, "POST", "http://" + host + "/services/rest/query/v1/suiteql", query,
                                        fmt::format("n{}x{}", ++nonce, offset), clock_seconds)},
                 {"content-type", "application/json"}};
    if (!prefer.empty()) r.headers.emplace_back("prefer", prefer);
    return r;
  }
  SimReply query(const std::string& q, std::size_t limit = 1000, std::size_t offset = 0) {
    return api.handle(request(q, limit, offset));
  }
};

using Item = std::map<std::string, std::string>;

inline std::vector<Item> items_of(const boost::json::value& page) {
  std::vector<Item> out;
  for (const auto& it : page.at("items").as_array()) {
    Item item;
    for (const auto& [k, v] : it.as_object()) {
      if (k == "links") continue;
      item[std::string(k)] = std::string(v.as_string());
    }
    out.push_back(std::move(item));
  }
  return out;
}

inline boost::json::value parse_ok(const SimReply& r) {
  EXPECT_EQ(r.status, 200) << r.body;
  return boost::json::parse(r.body);
}

inline std::string error_code_of(const SimReply& r) {
  const auto doc = boost::json::parse(r.body);
  return std::string(doc.at("o:errorDetails").at(0).at("o:errorCode").as_string());
}

inline std::string detail_of(const SimReply& r) {
  const auto doc = boost::json::parse(r.body);
  return std::string(doc.at("o:errorDetails").at(0).at("detail").as_string());
}

// All rows of a query with limit/offset paging (within the ceiling).
inline std::vector<Item> all_rows(Client& client, const std::string& q, std::size_t limit = 1000,
                                  std::size_t* total = nullptr) {
  std::vector<Item> rows;
  for (std::size_t offset = 0;; offset += limit) {
    const auto page = parse_ok(client.query(q, limit, offset));
    if (total) *total = static_cast<std::size_t>(page.at("totalResults").as_int64());
    for (auto& i : items_of(page)) rows.push_back(std::move(i));
    if (!page.at("hasMore").as_bool()) break;
  }
  return rows;
}

}  // namespace o2c::sim::netsuite::test
