#include "daemon/answer_key_check.h"

#include <fstream>
#include <set>
#include <sstream>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "schema/exception_item.h"

namespace o2c::daemon {

namespace {

std::string text(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string{};
}

std::string key_of(const schema::ExceptionItem& item) {
  const std::string_view kind = schema::info(item.kind).name;
  if (item.kind == schema::ExceptionKind::data_invalid) return item.record_key;
  return schema::keyed_by_invoice(kind) ? item.invoice_id : item.order_id;
}

}  // namespace

AnswerKeyCheck check_against_answer_key(const std::filesystem::path& answer_key, store::Store& store) {
  std::ifstream in(answer_key);
  std::stringstream ss;
  ss << in.rdbuf();
  const auto root = boost::json::parse(ss.str()).as_object();
  std::map<std::string, std::set<std::string>> expected, found;
  for (const auto& [kind, _] : root.at("counts").as_object()) expected[std::string(kind)];
  for (const auto& e : root.at("exceptions").as_array()) {
    const auto& o = e.as_object();
    const std::string kind = text(o, "kind");
    const std::string key = kind == "DATA_INVALID"
                                ? text(o, "source") + "/" + text(o, "object") + "/" + text(o, "record_id")
                                : text(o, schema::keyed_by_invoice(kind) ? "invoice_id" : "order_id");
    expected[kind].insert(key);
  }
  for (const auto& stored : store.exceptions({}))
    if (stored.state != schema::ExceptionState::resolved)
      found[std::string(schema::info(stored.item.kind).name)].insert(key_of(stored.item));
  AnswerKeyCheck check;
  for (auto& [kind, keys] : expected) {
    KindCheck& k = check.kinds[kind];
    k.expected = keys.size();
    k.found = found[kind].size();
    for (const auto& key : found[kind]) k.matched += keys.count(key);
    if (k.matched != k.expected || k.found != k.expected) check.all_match = false;
  }
  for (const auto& [kind, keys] : found)
    if (!expected.count(kind) && !keys.empty()) {
      check.kinds[kind].found = keys.size();
      check.all_match = false;
    }
  return check;
}

void print_answer_key_check(const AnswerKeyCheck& check) {
  fmt::print("\n{:<26} {:>8} {:>8} {:>8}\n", "kind", "planted", "found", "matched");
  for (const auto& [kind, k] : check.kinds) {
    if (k.expected == 0 && k.found == 0) continue;
    fmt::print("{:<26} {:>8} {:>8} {:>8}{}\n", kind, k.expected, k.found, k.matched,
               k.matched == k.expected && k.found == k.expected ? "" : "   <-- differs from the answer key");
  }
  fmt::print("{}\n", check.all_match ? "every exception matches the simulator's answer key"
                                     : "some exceptions differ from the simulator's answer key (see above)");
}

}  // namespace o2c::daemon
