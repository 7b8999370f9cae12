#include "tests/integration/answer_key_scoring.h"

#include "schema/exception_item.h"

#include <boost/json.hpp>
#include <fmt/format.h>

namespace o2c::testing {

namespace json = boost::json;

namespace {

std::string str(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string{};
}

// The key that identifies one exception of a kind (sim/DATA.md "Keys").
std::string expected_key(const json::object& e) {
  const std::string kind = str(e, "kind");
  if (kind == "DATA_INVALID") return str(e, "source") + "/" + str(e, "object") + "/" + str(e, "record_id");
  return schema::keyed_by_invoice(kind) ? str(e, "invoice_id") : str(e, "order_id");
}

std::string reported_key(const json::object& e) {
  const std::string kind = str(e, "kind");
  if (kind == "DATA_INVALID") return str(e, "record");
  return schema::keyed_by_invoice(kind) ? str(e, "invoice_id") : str(e, "order_id");
}

const json::array& exceptions_of(const json::value& v) {
  if (v.is_array()) return v.as_array();
  return v.as_object().at("exceptions").as_array();
}

std::string joined(const std::set<std::string>& s, std::size_t max = 8) {
  std::string out;
  std::size_t n = 0;
  for (const auto& x : s) {
    if (n++ == max) return out + fmt::format(", … ({} in all)", s.size());
    out += (out.empty() ? "" : ", ") + x;
  }
  return out;
}

}  // namespace

double KindScore::precision() const {
  if (reported.empty()) return expected.empty() ? 1.0 : 0.0;
  std::size_t hit = 0;
  for (const auto& r : reported) hit += expected.count(r);
  return static_cast<double>(hit) / static_cast<double>(reported.size());
}

double KindScore::recall() const {
  if (expected.empty()) return 1.0;
  std::size_t hit = 0;
  for (const auto& e : expected) hit += reported.count(e);
  return static_cast<double>(hit) / static_cast<double>(expected.size());
}

std::string KindScore::diff() const {
  std::set<std::string> missing, extra;
  for (const auto& e : expected)
    if (!reported.count(e)) missing.insert(e);
  for (const auto& r : reported)
    if (!expected.count(r)) extra.insert(r);
  return fmt::format("missing: [{}]; unexpected: [{}]", joined(missing), joined(extra));
}

Scores score(const std::string& answer_key_json, const std::string& reported_json) {
  Scores scores;
  const json::value key = json::parse(answer_key_json);
  for (const auto& [kind, _] : key.as_object().at("counts").as_object()) scores[std::string(kind)];
  for (const auto& e : key.as_object().at("exceptions").as_array())
    scores[str(e.as_object(), "kind")].expected.insert(expected_key(e.as_object()));
  const json::value reported = json::parse(reported_json);
  for (const auto& e : exceptions_of(reported)) {
    const auto& o = e.as_object();
    if (str(o, "state") == "resolved") continue;
    scores[str(o, "kind")].reported.insert(reported_key(o));
  }
  return scores;
}

std::string describe(const Scores& scores) {
  std::string out;
  for (const auto& [kind, s] : scores)
    out += fmt::format("{:<26} expected {:>4} reported {:>4} precision {:.3f} recall {:.3f}{}\n", kind,
                       s.expected.size(), s.reported.size(), s.precision(), s.recall(),
                       s.precision() < 1.0 || s.recall() < 1.0 ? "  " + s.diff() : "");
  return out;
}

}  // namespace o2c::testing
