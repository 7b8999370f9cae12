#include "sim/netsuite/suiteql_exec.h"

#include <algorithm>
#include <numeric>

#include "sim/netsuite/netsuite_json.h"
#include "sim/netsuite/suiteql_eval.h"
#include "sim/netsuite/suiteql_parser.h"

namespace o2c::sim::netsuite {

namespace {

constexpr std::size_t kCheckpointEvery = 100;

}  // namespace

PreparedQuery::PreparedQuery(std::string text, const SimCatalog& catalog, const AccountZone& zone)
    : text_(std::move(text)), query_(bind_query(parse_suiteql(text_), catalog, zone)), rows_(query_) {
  for (const auto& s : query_.slots) sizes_.push_back(s.table->size());
  const auto& columns = query_.slots[0].table->columns();
  if (query_.natural_order && !query_.order.empty())
    natural_columns_.push_back(columns[query_.order[0].expr->column].name);
  for (const auto& b : query_.seek) natural_columns_.push_back(columns[b.column].name);
  range_ = rows_.driving_range();
}

bool PreparedQuery::still_valid(const SimCatalog& catalog) const {
  std::vector<const TableRef*> refs{&query_.ast.from};
  for (const auto& j : query_.ast.joins) refs.push_back(&j.table);
  for (std::size_t i = 0; i < refs.size(); ++i) {
    const auto t = find_table(catalog, refs[i]->name);
    if (t != query_.slots[i].table || t->size() != sizes_[i]) return false;
  }
  for (const auto& column : natural_columns_)
    if (!query_.slots[0].table->naturally_ordered_by(column)) return false;
  return true;
}

QueryPage PreparedQuery::page(std::size_t offset, std::size_t limit) {
  std::call_once(pass_once_, [this] { run_pass(); });
  QueryPage out;
  out.total = total_;
  if (query_.natural_order) {
    page_in_natural_order(offset, limit, out);
    return out;
  }
  const std::size_t stride = rows_.slot_count();
  const std::size_t rows = sorted_.size() / stride;
  for (std::size_t r = offset; r < rows && r < offset + limit; ++r) out.items.push_back(render(&sorted_[r * stride]));
  return out;
}

void PreparedQuery::run_pass() {
  if (query_.natural_order) count_in_natural_order();
  else collect_and_sort();
}

void PreparedQuery::count_in_natural_order() {
  std::size_t ordinal = 0;
  checkpoints_.push_back({range_.first, 0});
  std::size_t next_checkpoint = kCheckpointEvery;
  const JoinedRows::Visitor count = [&ordinal](const std::size_t*) {
    ++ordinal;
    return true;
  };
  for (std::size_t p = range_.first; p < range_.second; ++p) {
    if (ordinal >= next_checkpoint && ordinal < kResultCeiling) {
      checkpoints_.push_back({p, ordinal});
      next_checkpoint = ordinal + kCheckpointEvery;
    }
    rows_.visit(p, count);
  }
  total_ = ordinal;
}

void PreparedQuery::page_in_natural_order(std::size_t offset, std::size_t limit, QueryPage& out) const {
  auto cp = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), offset,
                             [](std::size_t off, const Checkpoint& c) { return off < c.ordinal; });
  --cp;  // the first checkpoint has ordinal 0
  std::size_t ordinal = cp->ordinal;
  const JoinedRows::Visitor take = [&](const std::size_t* positions) {
    if (ordinal++ >= offset) out.items.push_back(render(positions));
    return out.items.size() < limit;
  };
  for (std::size_t p = cp->position; p < range_.second && out.items.size() < limit; ++p) rows_.visit(p, take);
}

void PreparedQuery::collect_and_sort() {
  const std::size_t stride = rows_.slot_count();
  const std::size_t nkeys = query_.order.size();
  std::vector<std::size_t> positions;
  std::vector<Val> keys;
  const JoinedRows::Visitor collect = [&](const std::size_t* pos) {
    positions.insert(positions.end(), pos, pos + stride);
    const RowView row{query_.slots, pos, query_.zone};
    for (const auto& k : query_.order) keys.push_back(eval_value(*k.expr, row));
    return true;
  };
  for (std::size_t p = range_.first; p < range_.second; ++p) rows_.visit(p, collect);
  total_ = positions.size() / stride;

  std::vector<std::size_t> order(total_);
  std::iota(order.begin(), order.end(), std::size_t{0});
  const auto before = [&](std::size_t a, std::size_t b) {
    for (std::size_t k = 0; k < nkeys; ++k) {
      int c = order_values(keys[a * nkeys + k], keys[b * nkeys + k]);
      if (query_.order[k].descending) c = -c;
      if (c != 0) return c < 0;
    }
    return a < b;  // stable: ties keep natural order
  };
  if (order.size() > kResultCeiling) {
    std::nth_element(order.begin(), order.begin() + kResultCeiling, order.end(), before);
    order.resize(kResultCeiling);
  }
  std::sort(order.begin(), order.end(), before);
  sorted_.reserve(order.size() * stride);
  for (const std::size_t r : order)
    sorted_.insert(sorted_.end(), positions.begin() + static_cast<std::ptrdiff_t>(r * stride),
                   positions.begin() + static_cast<std::ptrdiff_t>((r + 1) * stride));
}

std::string PreparedQuery::render(const std::size_t* positions) const {
  const RowView row{query_.slots, positions, query_.zone};
  std::string out = R"({"links":[])";
  for (const auto& col : query_.outputs) {
    const auto text = output_text(eval_value(*col.expr, row), query_.zone);
    if (!text) continue;  // NetSuite omits null columns
    out += ',';
    append_json_string(out, col.key);
    out += ':';
    append_json_string(out, *text);
  }
  out += '}';
  return out;
}

}  // namespace o2c::sim::netsuite
