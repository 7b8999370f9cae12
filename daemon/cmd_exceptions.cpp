// daemon/cmd_exceptions.cpp — `o2csync exceptions list` and `exceptions ack`.
// The JSON form is a stable interface (README, "exceptions list --format json").
#include <iostream>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"
#include "daemon/app.h"
#include "daemon/exit_codes.h"
#include "reports/reports.h"

namespace o2c::daemon {

namespace {

std::string opt_time(const std::optional<Timestamp>& t) { return t ? to_iso8601_seconds(*t) : ""; }

boost::json::object to_json(const schema::StoredException& e) {
  const auto& item = e.item;
  const auto& kind = schema::info(item.kind);
  boost::json::object evidence;
  for (const auto& ev : item.evidence) evidence[ev.name] = ev.value;
  return {{"id", e.id},
          {"kind", kind.name},
          {"severity", schema::to_string(kind.severity)},
          {"state", schema::to_string(e.state)},
          {"rule", item.rule},
          {"customer_id", item.customer_id},
          {"customer", item.customer_name},
          {"order_id", item.order_id},
          {"order_number", item.order_number},
          {"invoice_id", item.invoice_id},
          {"invoice_number", item.invoice_number},
          {"payment_id", item.payment_id},
          {"po_number", item.po_number},
          {"record", item.record_key},
          {"amount", item.amount ? item.amount->to_decimal() : ""},
          {"currency", item.amount ? std::string(item.amount->currency().code()) : ""},
          {"reference_date", item.reference_date ? to_iso8601(*item.reference_date) : ""},
          {"first_seen", to_iso8601_seconds(e.first_seen)},
          {"last_seen", to_iso8601_seconds(e.last_seen)},
          {"resolved_at", opt_time(e.resolved_at)},
          {"note", e.note},
          {"evidence", std::move(evidence)}};
}

void print_table(const std::vector<schema::StoredException>& list) {
  fmt::print("{:<17} {:<25} {:<13} {:<36} {:<10} {:<12} {:>16}\n", "id", "kind", "state", "customer / record",
             "order", "invoice", "amount");
  for (const auto& e : list) {
    const auto& item = e.item;
    const std::string what = item.kind == schema::ExceptionKind::data_invalid ? item.record_key : item.customer_name;
    fmt::print("{:<17} {:<25} {:<13} {:<36.36} {:<10} {:<12} {:>16}\n", e.id, schema::info(item.kind).name,
               schema::to_string(e.state), what, item.order_number, item.invoice_number,
               item.amount ? reports::format_amount(*item.amount) : "");
  }
  fmt::print("{} exception{}\n", list.size(), list.size() == 1 ? "" : "s");
}

}  // namespace

int cmd_exceptions_list(const GlobalOptions& global, const std::string& kind, const std::string& state,
                        const std::string& format) {
  store::ExceptionFilter filter;
  if (!kind.empty()) {
    filter.kind = schema::parse_exception_kind(to_upper_ascii(kind));
    if (!filter.kind) {
      std::vector<std::string> names;
      for (const auto& k : schema::all_exception_kinds()) names.emplace_back(k.name);
      throw Error(Error::Kind::config, fmt::format("--kind {}: unknown exception kind{}", kind,
                                                   suggestion_suffix(to_upper_ascii(kind), names)));
    }
  }
  const bool default_states = state.empty();
  if (!default_states && state != "all") filter.state = schema::parse_exception_state(state);
  const auto cfg = load_configuration(global);
  auto store = open_configured_store(cfg);
  std::vector<schema::StoredException> list;
  for (auto& e : store->exceptions(filter))
    if (!default_states || e.state != schema::ExceptionState::resolved) list.push_back(std::move(e));

  if (format == "json") {
    boost::json::array out;
    for (const auto& e : list) out.push_back(to_json(e));
    std::cout << boost::json::serialize(out) << "\n";
  } else if (format == "csv") {
    std::cout << reports::render_exceptions_csv(list);
  } else {
    print_table(list);
  }
  return kExitOk;
}

int cmd_exceptions_ack(const GlobalOptions& global, const std::string& id, const std::string& note) {
  if (trim(note).empty()) throw Error(Error::Kind::config, "--note: say why the exception is acknowledged");
  const auto cfg = load_configuration(global);
  auto store = open_configured_store(cfg);
  SystemClock clock;
  if (!store->acknowledge(id, note, clock.now())) {
    fmt::print(stderr, "o2csync: no exception with id {} (see `o2csync exceptions list`)\n", id);
    return kExitRunErrors;
  }
  fmt::print("acknowledged {}: {}\n", id, note);
  return kExitOk;
}

}  // namespace o2c::daemon
